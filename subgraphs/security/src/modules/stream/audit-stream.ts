import { randomUUID } from 'node:crypto';
import type { Logger } from '@medikamente/runtime';
import type { SecurityMetrics } from '../monitoring/metrics';
import { chainBreak, type ReasonCode, type StreamEvent } from './chain';
import { AuditFeedClient, SourceUnavailable } from './feed-client';
import type { SourceState, StreamStore, Verification } from './stream.store';

export type AuditSourceConfig = { name: string; baseUrl: string };

export type AuditStreamDeps = {
  store: StreamStore;
  sources: readonly AuditSourceConfig[];
  /** A service token carrying audit:read for a source (the service's own client in production). */
  token: (source: string) => Promise<string>;
  logger: Logger;
  metrics: Pick<SecurityMetrics, 'setChainOk' | 'setStreamLag' | 'countIngested'>;
  pullIntervalMs: number;
  pageSize: number;
  timeoutMs: number;
  checkpointIntervalMs: number;
  verifyIntervalMs: number;
  /** Pages one pull round copies from a source at most (the rest waits for the next round). */
  maxPagesPerRound?: number;
  /** Checkpoints re-read per verification (the newest ones). */
  checkpointsPerVerification?: number;
};

/** A source as the security officer sees it. */
export type SourceStatus = SourceState & {
  lagSeconds: number | null;
  lastCheckpointSeq: number | null;
  lastCheckpointAt: Date | null;
  lastVerification: Verification | null;
};

/** What one pull of one source did. */
export type PullOutcome =
  | { service: string; status: 'copied'; copied: number; headSeq: number }
  | { service: string; status: 'halted'; copied: number }
  | { service: string; status: 'unreachable'; code: string; failures: number }
  | { service: string; status: 'skipped' }
  | { service: string; status: 'failed' };

const MAX_BACKOFF_MS = 300_000;

/**
 * The audit stream (ADR 0018): pulls every source's audit chain into audit_record exactly once
 * by (service, seq), checks each batch continues the copied chain (a break is recorded and halts
 * the source, never copied), records the sources' heads as checkpoints and verifies every chain
 * against the copies and the checkpoints. Safe with several replicas: rounds run under a lease,
 * and the copy itself is decided under the cursor's row lock.
 */
export class AuditStream {
  private readonly clients: Map<string, AuditFeedClient>;
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<unknown>>();
  private readonly holder = randomUUID();

  constructor(private readonly deps: AuditStreamDeps) {
    this.clients = new Map(
      deps.sources.map((s) => [
        s.name,
        new AuditFeedClient(s, { token: deps.token, timeoutMs: deps.timeoutMs }),
      ]),
    );
  }

  get sourceNames(): string[] {
    return [...this.clients.keys()];
  }

  /** Pulls every configured source that is due (one round; other sources go on when one fails). */
  async pullAll(opts: { force?: boolean } = {}): Promise<PullOutcome[]> {
    await this.deps.store.ensureSources(this.sourceNames);
    const out: PullOutcome[] = [];
    const now = Date.now();
    for (const state of await this.deps.store.sources()) {
      if (!this.clients.has(state.service)) continue;
      if (!opts.force && state.nextPullAt && state.nextPullAt.getTime() > now) {
        out.push({ service: state.service, status: 'skipped' });
        continue;
      }
      out.push(
        await this.pull(state.service).catch((e: unknown): PullOutcome => {
          // An unexpected failure of one source (our side) must not stop the others.
          this.deps.logger.error(
            { source: state.service, err: (e as Error)?.message },
            'audit stream: pull failed',
          );
          return { service: state.service, status: 'failed' };
        }),
      );
    }
    this.updateLag(await this.deps.store.sources());
    return out;
  }

  /** Pulls one source from its cursor until caught up (or the round's page budget is spent). */
  async pull(service: string): Promise<PullOutcome> {
    const client = this.clients.get(service);
    if (!client) return { service, status: 'skipped' };
    const { store, pageSize } = this.deps;
    await store.ensureSources([service]);
    let copied = 0;
    try {
      for (let page = 0; page < (this.deps.maxPagesPerRound ?? 50); page++) {
        const cursor = (await store.source(service))!;
        if (cursor.haltedReason) return { service, status: 'halted', copied };
        const { events, head } = await client.page(cursor.lastSeq, pageSize);
        if (head.seq < cursor.lastSeq) {
          // The source no longer holds what was copied: its tail was cut.
          await store.halt(service, { seq: head.seq + 1, reason: 'TRUNCATED', checkedEvents: 0 });
          return this.halted(service, copied, true);
        }
        if (page === 0) await store.checkpointIfDue(service, head, this.deps.checkpointIntervalMs);
        if (events.length === 0) break;
        const rewritten = await this.rewrittenAt(client, cursor, events);
        const result = await store.ingest(service, events, (locked, fresh) => {
          const broken = rewritten ?? chainBreak(locked.lastSeq, locked.lastHash, fresh);
          if (!broken) return { copy: fresh };
          return { halt: { ...broken, checkedEvents: fresh.filter((e) => e.seq < broken.seq).length } };
        });
        copied += result.copied;
        if (result.copied) this.deps.metrics.countIngested(service, result.copied);
        if (result.halted) return this.halted(service, copied, true);
        if (events.length < pageSize || events[events.length - 1]!.seq >= head.seq) break;
      }
      await store.pulled(service);
      const after = (await store.source(service))!;
      return { service, status: 'copied', copied, headSeq: after.lastSeq };
    } catch (e) {
      if (!(e instanceof SourceUnavailable)) throw e;
      const failures = await store.failed(service, e.code, (n) =>
        Math.min(MAX_BACKOFF_MS, this.deps.pullIntervalMs * 2 ** Math.min(n, 16)),
      );
      this.deps.logger.warn({ source: service, code: e.code, failures }, 'audit stream: source unavailable');
      return { service, status: 'unreachable', code: e.code, failures };
    }
  }

  /**
   * When a page does not link to the copied head, tells a rewritten history (the source's event
   * at the cursor differs from the copy: ALTERED) from a missing event (GAP); null when it links.
   */
  private async rewrittenAt(client: AuditFeedClient, cursor: SourceState, events: StreamEvent[]) {
    const first = events.find((e) => e.seq > cursor.lastSeq);
    if (!first || cursor.lastSeq === 0 || first.prevHash === cursor.lastHash) return null;
    const atCursor = await client.event(cursor.lastSeq);
    if (atCursor && atCursor.hash !== cursor.lastHash)
      return { seq: cursor.lastSeq, reason: 'ALTERED' as const };
    return null;
  }

  private halted(service: string, copied: number, halted: boolean): PullOutcome {
    if (halted) {
      this.deps.metrics.setChainOk(service, false);
      this.deps.logger.error({ source: service }, 'audit stream: chain broken, source halted');
    }
    return { service, status: 'halted', copied };
  }

  /** Every source with its cursor, failures, newest checkpoint and verification. */
  async status(): Promise<SourceStatus[]> {
    const { store } = this.deps;
    await store.ensureSources(this.sourceNames);
    const [states, checkpoints, verifications] = await Promise.all([
      store.sources(),
      store.lastCheckpoints(),
      store.lastVerifications(),
    ]);
    const now = Date.now();
    return states.map((s) => ({
      ...s,
      lagSeconds: s.lastPulledAt ? Math.max(0, Math.round((now - s.lastPulledAt.getTime()) / 1000)) : null,
      lastCheckpointSeq: checkpoints.get(s.service)?.seq ?? null,
      lastCheckpointAt: checkpoints.get(s.service)?.takenAt ?? null,
      lastVerification: verifications.get(s.service) ?? null,
    }));
  }

  /**
   * Verifies the given sources (default: all configured) now; one result each. `recent` bounds
   * the copied events compared to the newest ones (the officer's request must answer in time);
   * head, checkpoints and the rest are checked whatever it is, and the job compares everything.
   */
  async verify(
    services: readonly string[] = this.sourceNames,
    opts: { recent?: number } = {},
  ): Promise<Verification[]> {
    await this.deps.store.ensureSources(services);
    const out: Verification[] = [];
    for (const service of services) out.push(await this.verifyOne(service, opts.recent));
    return out;
  }

  /**
   * One chain against the copy and the checkpoints: the source's head must not fall below the
   * copied head or a checkpoint (TRUNCATED); every copied event must still be at the source with
   * the same hash, recomputing from its content (ALTERED) and linking to the one before (GAP);
   * the event at each recent checkpoint beyond the copy must still hash as checkpointed.
   */
  private async verifyOne(service: string, recent?: number): Promise<Verification> {
    const { store } = this.deps;
    const client = this.clients.get(service);
    const cursor = await store.source(service);
    if (!client || !cursor) throw new Error(`audit source ${service} is not configured`);
    const from = recent === undefined ? 0 : Math.max(0, cursor.lastSeq - recent);
    const result = await this.check(client, cursor, from).catch((e: unknown) => {
      if (e instanceof SourceUnavailable)
        return { ok: null, checkedEvents: 0, brokenAtSeq: null, reasonCode: 'UNREACHABLE' as const };
      throw e;
    });
    const v = await store.recordVerification({ service, ...result });
    if (v.ok !== null) this.deps.metrics.setChainOk(service, v.ok);
    if (v.ok === false)
      this.deps.logger.error({ source: service, reason: v.reasonCode }, 'audit chain tampered');
    return v;
  }

  private async check(
    client: AuditFeedClient,
    cursor: SourceState,
    from: number,
  ): Promise<{
    ok: boolean;
    checkedEvents: number;
    brokenAtSeq: number | null;
    reasonCode: ReasonCode | null;
  }> {
    const { store, pageSize } = this.deps;
    const service = cursor.service;
    const fail = (seq: number, reasonCode: ReasonCode, checkedEvents: number) => ({
      ok: false,
      checkedEvents,
      brokenAtSeq: seq,
      reasonCode,
    });
    const checkpoints = await store.checkpoints(service, this.deps.checkpointsPerVerification ?? 10);
    const { head } = await client.page(0, 1);
    const highest = Math.max(cursor.lastSeq, ...checkpoints.map((c) => c.seq));
    if (head.seq < highest) return fail(head.seq + 1, 'TRUNCATED', 0);
    // The copied range, page by page: the source must still hold exactly what was copied.
    let checked = 0;
    let after = from;
    let prevHash: string | null = null;
    while (after < cursor.lastSeq) {
      const [page, local] = await Promise.all([
        client.page(after, pageSize),
        store.records(service, after, cursor.lastSeq, pageSize),
      ]);
      const remote = new Map(page.events.map((e) => [e.seq, e]));
      const upTo = Math.min(page.events.at(-1)?.seq ?? cursor.lastSeq, cursor.lastSeq);
      for (const copy of local) {
        if (copy.seq > upTo) break;
        const source = remote.get(copy.seq);
        if (!source) return fail(copy.seq, 'GAP', checked);
        if (source.hash !== copy.hash || chainBreak(copy.seq - 1, source.prevHash, [source]))
          return fail(copy.seq, 'ALTERED', checked);
        if (prevHash !== null && source.prevHash !== prevHash) return fail(copy.seq, 'GAP', checked);
        prevHash = source.hash;
        checked++;
      }
      // An event at the source inside the copied range that was never copied: inserted later.
      const copiedSeqs = new Set(local.map((r) => r.seq));
      const extra = page.events.find((e) => e.seq <= upTo && !copiedSeqs.has(e.seq));
      if (extra) return fail(extra.seq, 'ALTERED', checked);
      if (page.events.length === 0) break;
      after = upTo;
    }
    // Checkpoints: the source still holds each checkpointed event, with the checkpointed hash.
    for (const c of checkpoints) {
      const [source, copy] = await Promise.all([client.event(c.seq), store.record(service, c.seq)]);
      if (!source) return fail(c.seq, c.seq > head.seq ? 'TRUNCATED' : 'GAP', checked);
      if (source.hash !== c.hash || (copy && copy.hash !== c.hash)) return fail(c.seq, 'ALTERED', checked);
    }
    return { ok: true, checkedEvents: checked, brokenAtSeq: null, reasonCode: null };
  }

  private updateLag(states: SourceState[]) {
    const now = Date.now();
    for (const s of states)
      if (this.clients.has(s.service) && s.lastPulledAt)
        this.deps.metrics.setStreamLag(s.service, Math.max(0, (now - s.lastPulledAt.getTime()) / 1000));
  }

  /** Runs a job's round under its lease (one replica at a time); null when another holds it. */
  async underLease<T>(job: string, leaseMs: number, round: () => Promise<T>): Promise<T | null> {
    if (!(await this.deps.store.acquire(job, this.holder, leaseMs))) return null;
    try {
      return await round();
    } finally {
      await this.deps.store.release(job, this.holder);
    }
  }

  private every(job: string, ms: number, round: () => Promise<unknown>, opts: { now: boolean }) {
    const leaseMs = Math.max(60_000, ms * 4);
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      const p = this.underLease(job, leaseMs, round)
        .catch((e: unknown) =>
          this.deps.logger.warn({ err: (e as Error).message, job }, 'audit stream round failed'),
        )
        .finally(() => {
          busy = false;
          this.running.delete(p);
        });
      this.running.add(p);
    };
    const timer = setInterval(tick, ms);
    timer.unref();
    this.timers.push(timer);
    if (opts.now) tick();
  }

  /** The kit job: pulls (with checkpoints) and verifies on their intervals. */
  start(): void {
    if (this.clients.size === 0) return;
    this.every('pull', this.deps.pullIntervalMs, () => this.pullAll(), { now: true });
    // Not at every start of every replica: a whole-chain check waits for its interval.
    this.every('verify', this.deps.verifyIntervalMs, () => this.verify(), { now: false });
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.all([...this.running]);
  }
}
