/**
 * Access tokens for a machine client (client-credentials grant against the identity service),
 * cached until shortly before they expire.
 */
export class ClientCredentials {
  private cached: { token: string; until: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly opts: { tokenUrl: string; clientId: string; clientSecret: string; scope?: string },
  ) {}

  async token(): Promise<string> {
    if (this.cached && Date.now() < this.cached.until) return this.cached.token;
    // Callers arriving while a token is being fetched share that fetch.
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.opts.clientId,
      client_secret: this.opts.clientSecret,
    });
    if (this.opts.scope) body.set('scope', this.opts.scope);
    const res = await fetch(this.opts.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
    const json = (await res.json()) as { access_token: string; expires_in: number };
    this.cached = { token: json.access_token, until: Date.now() + Math.max(5, json.expires_in - 30) * 1000 };
    return json.access_token;
  }
}

/**
 * Delivers event batches to consumers' `/internal/events` endpoints with a service token, to
 * each in turn: a batch fails (and is retried for all) unless every consumer took it; the
 * consumers' inboxes drop events they already processed, so a retry applies nothing twice.
 */
export function httpEventSink(url: string | readonly string[], credentials: { token(): Promise<string> }) {
  const urls = typeof url === 'string' ? [url] : url;
  return async (events: unknown[]) => {
    const body = JSON.stringify({ events });
    const authorization = `Bearer ${await credentials.token()}`;
    for (const target of urls) {
      const res = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body,
        signal: AbortSignal.timeout(10000),
      });
      if (!res.ok) throw new Error(`event sink ${new URL(target).host} answered ${res.status}`);
    }
  };
}
