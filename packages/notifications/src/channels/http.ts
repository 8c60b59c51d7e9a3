import { type Channel, ChannelError } from './types';

export type HttpProviderOptions = {
  /** Endpoint the JSON request is POSTed to. */
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token: string;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
};

/**
 * POSTs JSON to a provider and returns its message id (`id` or `messageId` of a JSON answer).
 * Any non-2xx answer, network error or timeout becomes a ChannelError with a code only.
 */
export async function postJson(
  channel: Channel,
  opts: HttpProviderOptions,
  body: Record<string, unknown>,
  idempotencyKey?: string,
): Promise<{ providerMessageId?: string }> {
  let res: Response;
  try {
    res = await fetch(opts.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${opts.token}`,
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
  } catch (err) {
    const name = (err as Error)?.name;
    throw new ChannelError(channel, name === 'TimeoutError' || name === 'AbortError' ? 'TIMEOUT' : 'NETWORK');
  }
  const raw = await res.text().catch(() => '');
  if (!res.ok) throw new ChannelError(channel, `HTTP_${res.status}`);
  return { providerMessageId: providerId(raw) };
}

function providerId(raw: string): string | undefined {
  try {
    const parsed = JSON.parse(raw) as { id?: unknown; messageId?: unknown };
    const id = parsed.id ?? parsed.messageId;
    return typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}
