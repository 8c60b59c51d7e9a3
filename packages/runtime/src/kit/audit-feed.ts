import type express from 'express';
import { AUDIT_MIGRATION, type AuditEvent, AuditLog } from '../audit';
import type { TokenVerifier } from '../auth';
import type { Database } from '../db';
import { ErrorCode } from '../errors';
import { errorBody, requireServiceScope } from '../http';
import type { Migration } from './database';

/** Scope a service credential needs to read another service's audit trail (the audit stream). */
export const AUDIT_READ_SCOPE = 'audit:read';
/** Most events one page of the feed returns. */
export const AUDIT_FEED_MAX_PAGE = 1000;

/** One audit event as the feed serves it (JSON: dates as ISO strings). */
export type AuditFeedEvent = Omit<AuditEvent, 'occurredAt' | 'purpose' | 'actorBranches'> & {
  occurredAt: string;
  purpose: string | null;
  actorBranches: string[] | null;
};
/** A page of the feed: events after the cursor, and the chain's head when it was read. */
export type AuditFeedPage = {
  service: string;
  events: AuditFeedEvent[];
  head: { seq: number; hash: string };
};

/** Whether a subgraph keeps the runtime's audit table (then the kit serves its feed). */
export const hasAuditTable = (migrations: readonly Migration[] | undefined) =>
  !!migrations?.some((m) => m.name === AUDIT_MIGRATION.name);

const toFeed = (e: AuditEvent): AuditFeedEvent => ({
  seq: e.seq,
  id: e.id,
  occurredAt: e.occurredAt.toISOString(),
  actorId: e.actorId,
  actorRole: e.actorRole,
  patientId: e.patientId,
  categories: e.categories,
  operation: e.operation,
  requestId: e.requestId,
  clientAddress: e.clientAddress,
  purpose: e.purpose ?? null,
  actorBranches: e.actorBranches ?? null,
  prevHash: e.prevHash,
  hash: e.hash,
});

/** A non-negative safe integer from a path or query value, or null. */
const seqOf = (v: unknown): number | null => {
  if (typeof v !== 'string' || !/^\d{1,15}$/.test(v)) return null;
  return Number(v);
};

/**
 * The audit stream's source side (ADR 0018): the service's audit table is its own outbox, pulled
 * by the security subgraph with a service token carrying `audit:read`.
 *
 * - `GET /internal/audit/events?after=<seq>&limit=<1..1000>` → `{ service, events, head }`, the
 *   events after the cursor in chain order; `head` is read before the page, so `events` never
 *   runs past it and a pull can tell when it has caught up.
 * - `GET /internal/audit/events/<seq>` → one event (404 when absent: truncated or never written).
 *
 * /internal/* is not routed by the gateway (it proxies /graphql and /files only); anyone but a
 * service client with the scope gets 401/403 in the platform's error shape.
 */
export function mountAuditFeed(
  app: express.Express,
  deps: { service: string; database: Database; verifier: TokenVerifier },
): void {
  const log = new AuditLog(deps.database);
  app.get('/internal/audit/events', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    if (!(await requireServiceScope(req, res, deps.verifier, AUDIT_READ_SCOPE))) return;
    const after = req.query.after === undefined ? 0 : seqOf(req.query.after);
    const limit = req.query.limit === undefined ? AUDIT_FEED_MAX_PAGE : seqOf(req.query.limit);
    if (after === null || limit === null || limit < 1 || limit > AUDIT_FEED_MAX_PAGE) {
      res.status(400).json(errorBody(ErrorCode.BAD_USER_INPUT, 'Неверные параметры выборки'));
      return;
    }
    const head = await log.head();
    const events = head.seq > after ? await log.after(after, limit) : [];
    const page: AuditFeedPage = {
      service: deps.service,
      events: events.filter((e) => e.seq <= head.seq).map(toFeed),
      head,
    };
    res.json(page);
  });
  app.get('/internal/audit/events/:seq', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    if (!(await requireServiceScope(req, res, deps.verifier, AUDIT_READ_SCOPE))) return;
    const seq = seqOf(req.params.seq);
    if (seq === null) {
      res.status(400).json(errorBody(ErrorCode.BAD_USER_INPUT, 'Неверный номер события'));
      return;
    }
    const event = await log.at(seq);
    if (!event) {
      res.status(404).json(errorBody(ErrorCode.NOT_FOUND, 'Нет такого события'));
      return;
    }
    res.json({ service: deps.service, event: toFeed(event) });
  });
}
