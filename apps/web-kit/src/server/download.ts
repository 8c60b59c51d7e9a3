import type { PersistedDocument } from './manifest';
import { json } from './routes';
import type { WebSessions } from './session';

export type DownloadRouteOptions<P> = {
  /** The mutation that issues a short-lived link bound to the caller (e.g. requestDownload). */
  document: PersistedDocument;
  /** Its variables from the route's params; null refuses the request (e.g. not an id). */
  variables: (params: P) => Record<string, unknown> | null;
  /** The link in the mutation's answer (the route's params to pick one of several), or null when it was refused. */
  link: (data: unknown, params: P) => { url: string } | null | undefined;
  /** The page the download starts from: the browser returns there with `?download=failed` on failure. */
  page: string;
  /** Where a browser without a session signs in (the route is reached by navigation). */
  signInPath: string;
};

/** Response headers of the file passed on to the browser (nothing else of the upstream's). */
const PASSED = ['content-type', 'content-length', 'content-disposition'];

/**
 * `GET` of a file the API hands out as a short-lived link that only works with the caller's
 * bearer token: the app's server asks for the link with the session's token, fetches it with the
 * same token and streams the body to the browser. The token never reaches the browser, the link
 * is only ever taken from the API's answer (never from the request), and redirects are not
 * followed (the token goes nowhere else).
 */
export function downloadRoute<P>(sessions: WebSessions, opts: DownloadRouteOptions<P>) {
  return async function GET(request: Request, ctx: { params: Promise<P> }): Promise<Response> {
    // A cross-site page must not make the browser fetch the user's file (or write audit entries).
    if (request.headers.get('sec-fetch-site') === 'cross-site')
      return json(403, { errors: [{ message: 'Запрос отклонён', extensions: { code: 'FORBIDDEN' } }] });
    // Cookie changes (a refreshed session) travel with every answer, redirects included.
    const headers = new Headers();
    const to = (path: string) => {
      const h = new Headers(headers);
      h.set('location', path);
      h.set('cache-control', 'no-store');
      return new Response(null, { status: 303, headers: h });
    };
    const failed = `${opts.page}?download=failed`;
    const params = await ctx.params;
    const variables = opts.variables(params);
    if (!variables) return to(failed);
    const session = await sessions.forRequest(request, headers);
    if (!session.accessToken) return to(`${opts.signInPath}?next=${encodeURIComponent(opts.page)}`);
    const r = await sessions.execute(
      session,
      opts.document,
      variables,
      request.headers.get('x-forwarded-for'),
    );
    if (r.status === 401) return to(`${opts.signInPath}?next=${encodeURIComponent(opts.page)}`);
    const link = opts.link(r.body.data, params);
    const token = link ? await sessions.token(session) : undefined;
    if (!link || !token || !/^https?:\/\//.test(link.url)) return to(failed);
    let upstream: Response;
    try {
      upstream = await fetch(link.url, {
        headers: { authorization: `Bearer ${token}` },
        redirect: 'manual',
        cache: 'no-store',
        signal: AbortSignal.timeout(30_000),
      });
    } catch {
      return to(failed);
    }
    if (upstream.status !== 200 || !upstream.body) {
      await upstream.body?.cancel();
      return to(failed);
    }
    for (const name of PASSED) {
      const v = upstream.headers.get(name);
      if (v) headers.set(name, v);
    }
    if (!headers.has('content-disposition')) headers.set('content-disposition', 'attachment');
    headers.set('cache-control', 'no-store');
    headers.set('x-content-type-options', 'nosniff');
    return new Response(upstream.body, { status: 200, headers });
  };
}
