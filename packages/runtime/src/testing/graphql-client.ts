export type GraphQLResponse<T = any> = {
  status: number;
  headers?: Headers;
  data?: T;
  errors?: Array<{
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; [k: string]: unknown };
  }>;
};

/** Minimal GraphQL-over-HTTP client for tests (real HTTP, JSON POST). */
export async function gql<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  opts: { token?: string; headers?: Record<string, string>; operationName?: string } = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    body: JSON.stringify({ query, variables, operationName: opts.operationName }),
  });
  const text = await res.text();
  let body: any = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: res.status, headers: res.headers, data: body.data, errors: body.errors };
}

/** The error codes of a response, in order. */
export const codes = (r: GraphQLResponse) => (r.errors ?? []).map((e) => e.extensions?.code);
