import { z } from 'zod';
import type { StreamEvent } from './chain';

/** A source that did not answer usefully: its code is kept on the source (no payload, no URL). */
export class SourceUnavailable extends Error {
  constructor(readonly code: string) {
    super(`audit source unavailable: ${code}`);
    this.name = 'SourceUnavailable';
  }
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const feedEvent = z.object({
  seq: z.number().int().positive(),
  id: z.string().uuid(),
  occurredAt: z.string().datetime({ offset: true }),
  actorId: z.string().max(200),
  actorRole: z.string().max(64),
  patientId: z.string().uuid(),
  categories: z.array(z.string().max(64)).max(32),
  operation: z.string().max(200).nullable(),
  requestId: z.string().max(200),
  clientAddress: z.string().max(200).nullable(),
  purpose: z.string().max(500).nullable(),
  // Sources before the branch column send none.
  actorBranches: z.array(z.string().max(64)).max(50).nullable().default(null),
  prevHash: sha256,
  hash: sha256,
});
const head = z.object({ seq: z.number().int().min(0), hash: sha256 });
const page = z.object({ service: z.string(), events: z.array(feedEvent).max(1000), head });
const single = z.object({ service: z.string(), event: feedEvent });

const toEvent = (e: z.infer<typeof feedEvent>): StreamEvent => ({ ...e, occurredAt: new Date(e.occurredAt) });

export type FeedPage = { events: StreamEvent[]; head: { seq: number; hash: string } };

/** Reads one source's audit feed (`/internal/audit/events`) with this service's token. */
export class AuditFeedClient {
  constructor(
    private readonly source: { name: string; baseUrl: string },
    private readonly opts: { token: (source: string) => Promise<string>; timeoutMs: number },
  ) {}

  /** Events after `after` (at most `limit`) and the chain's head. */
  async page(after: number, limit: number): Promise<FeedPage> {
    const body = await this.get(`/internal/audit/events?after=${after}&limit=${limit}`, false);
    const parsed = page.safeParse(body);
    if (!parsed.success || parsed.data.service !== this.source.name)
      throw new SourceUnavailable('BAD_RESPONSE');
    return { events: parsed.data.events.map(toEvent), head: parsed.data.head };
  }

  /** The event at `seq`, or null when the source does not hold it. */
  async event(seq: number): Promise<StreamEvent | null> {
    const body = await this.get(`/internal/audit/events/${seq}`, true);
    if (body === null) return null;
    const parsed = single.safeParse(body);
    if (!parsed.success || parsed.data.service !== this.source.name)
      throw new SourceUnavailable('BAD_RESPONSE');
    return toEvent(parsed.data.event);
  }

  private async get(path: string, notFoundIsNull: boolean): Promise<unknown> {
    let token: string;
    try {
      token = await this.opts.token(this.source.name);
    } catch {
      throw new SourceUnavailable('NO_TOKEN');
    }
    const once = () =>
      fetch(`${this.source.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
    let res: Response;
    try {
      // A GET is safe to repeat: once more when the connection failed (a kept-alive socket the
      // source closed at that moment), not after a timeout.
      res = await once().catch((e: unknown) => {
        if ((e as Error)?.name === 'TimeoutError') throw e;
        return once();
      });
    } catch (e) {
      throw new SourceUnavailable((e as Error)?.name === 'TimeoutError' ? 'TIMEOUT' : 'UNREACHABLE');
    }
    if (res.status === 404 && notFoundIsNull) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new SourceUnavailable(`HTTP_${res.status}`);
    }
    try {
      return await res.json();
    } catch {
      throw new SourceUnavailable('BAD_RESPONSE');
    }
  }
}
