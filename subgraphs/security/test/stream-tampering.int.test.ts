import { AuditLog, type Database, hashEvent } from '@medikamente/runtime';
import { createTestIssuer, type TestIssuer } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecurityMetrics } from '../src/modules/monitoring/metrics';
import { AuditStream } from '../src/modules/stream/audit-stream';
import { type AuditSource as Source, startAuditSource as startSource } from './audit-source';
import { type SecurityHarness, startSecuritySubgraph } from './harness';

/** Rewrites a source's whole chain consistently (new content, every hash recomputed). */
async function rewriteChain(database: Database) {
  const events = await new AuditLog(database).after(0, 10_000);
  let prev = '0'.repeat(64);
  for (const e of events) {
    const forged = { ...e, actorId: 'forged', prevHash: prev };
    const hash = hashEvent(forged);
    await database.query('update audit_event set actor_id = $2, prev_hash = $3, hash = $4 where seq = $1', [
      e.seq,
      'forged',
      prev,
      hash,
    ]);
    prev = hash;
  }
}

describe('the audit stream detects tampering with a source chain', () => {
  let issuer: TestIssuer;
  let h: SecurityHarness;
  const started: Source[] = [];
  const metrics = createSecurityMetrics();

  beforeAll(async () => {
    issuer = await createTestIssuer();
    h = await startSecuritySubgraph({ issuer });
  });
  afterAll(async () => {
    for (const s of started) await s.stop();
    await h?.stop();
  });

  /** A fresh source and an audit stream pulling it into the security database. */
  async function setup(opts: { pageSize?: number; maxPagesPerRound?: number } = {}) {
    const source = await startSource(issuer);
    started.push(source);
    const stream = new AuditStream({
      store: h.service.stores.stream,
      sources: [{ name: source.name, baseUrl: source.baseUrl }],
      token: () => issuer.sign({ role: 'service', sub: 'svc_security', scope: 'audit:read' }),
      logger: h.service.subgraph.logger,
      metrics,
      pullIntervalMs: 100,
      pageSize: opts.pageSize ?? 1000,
      timeoutMs: 5000,
      checkpointIntervalMs: 1000,
      verifyIntervalMs: 60_000,
      maxPagesPerRound: opts.maxPagesPerRound,
    });
    return { source, stream, name: source.name };
  }
  const copiedSeqs = async (name: string) =>
    (await h.service.stores.stream.records(name, 0, 1e9, 1000)).map((r) => r.seq);
  const chainOk = async (service: string) => {
    const gauge = metrics.all.find((m) => (m as { name?: string }).name === 'medikamente_audit_chain_ok')!;
    return (await gauge.get()).values.find((v) => v.labels.service === service)?.value;
  };

  it('verifies an untouched chain', async () => {
    const { source, stream, name } = await setup();
    await source.append(6);
    await stream.pullAll();
    const [v] = await stream.verify();
    expect(v).toMatchObject({ service: name, ok: true, checkedEvents: 6, reasonCode: null });
    expect(await chainOk(name)).toBe(1);
  });

  it('(a) a copied row whose content was updated: ALTERED', async () => {
    const { source, stream, name } = await setup();
    await source.append(5);
    await stream.pullAll();
    await source.tamper(`update audit_event set actor_id = 'someone-else' where seq = 3`);
    const [v] = await stream.verify();
    expect(v).toMatchObject({ ok: false, reasonCode: 'ALTERED', brokenAtSeq: 3, checkedEvents: 2 });
    expect(await chainOk(name)).toBe(0);
  });

  it("the officer's bounded check compares the newest copies; the full check finds older tampering", async () => {
    const { source, stream } = await setup();
    await source.append(6);
    await stream.pullAll();
    await source.tamper(`update audit_event set operation = 'Other' where seq = 2`);
    const [recent] = await stream.verify(undefined, { recent: 3 });
    expect(recent).toMatchObject({ ok: true, checkedEvents: 3 });
    await source.tamper(`update audit_event set operation = 'Other' where seq = 5`);
    const [recentAgain] = await stream.verify(undefined, { recent: 3 });
    expect(recentAgain).toMatchObject({ ok: false, reasonCode: 'ALTERED', brokenAtSeq: 5 });
    const [full] = await stream.verify();
    expect(full).toMatchObject({ ok: false, reasonCode: 'ALTERED', brokenAtSeq: 2 });
  });

  it('(b) a deleted middle row: GAP', async () => {
    const { source, stream } = await setup();
    await source.append(5);
    await stream.pullAll();
    await source.tamper('delete from audit_event where seq = 3');
    const [v] = await stream.verify();
    expect(v).toMatchObject({ ok: false, reasonCode: 'GAP', brokenAtSeq: 3 });
  });

  it('(c) the tail deleted after a checkpoint, beyond what was copied: TRUNCATED, and the pull halts', async () => {
    // One page of 3 per round: the copy lags at 3 while the checkpoint holds the head (10).
    const { source, stream, name } = await setup({ pageSize: 3, maxPagesPerRound: 1 });
    await source.append(10);
    await stream.pullAll();
    expect(await copiedSeqs(name)).toEqual([1, 2, 3]);
    expect((await h.service.stores.stream.checkpoints(name, 5)).map((c) => c.seq)).toEqual([10]);
    await source.tamper('delete from audit_event where seq >= 9');
    const [v] = await stream.verify();
    expect(v).toMatchObject({ ok: false, reasonCode: 'TRUNCATED', brokenAtSeq: 9 });
    // The tail below the copied head: the pull itself refuses to go on.
    await source.tamper('delete from audit_event where seq >= 3');
    const [pulled] = await stream.pullAll({ force: true });
    expect(pulled).toMatchObject({ status: 'halted' });
    expect(await h.service.stores.stream.source(name)).toMatchObject({
      haltedReason: 'TRUNCATED',
      haltedAtSeq: 3,
    });
  });

  it('(d) the whole chain rewritten consistently after a checkpoint: ALTERED', async () => {
    const { source, stream } = await setup();
    await source.append(5);
    await stream.pullAll();
    await source.database.query('alter table audit_event disable trigger user');
    await rewriteChain(source.database);
    // The rewritten chain verifies on its own: only the copy and the checkpoint tell.
    expect(await new AuditLog(source.database).verify()).toMatchObject({ ok: true });
    const [v] = await stream.verify();
    expect(v).toMatchObject({ ok: false, reasonCode: 'ALTERED', brokenAtSeq: 1 });
  });

  it('(d) rewritten before it was copied: the checkpoint tells (ALTERED), and the pull halts', async () => {
    const { source, stream, name } = await setup({ pageSize: 2, maxPagesPerRound: 1 });
    await source.append(6);
    await stream.pullAll();
    expect(await copiedSeqs(name)).toEqual([1, 2]);
    await source.database.query('alter table audit_event disable trigger user');
    await rewriteChain(source.database);
    const [v] = await stream.verify();
    expect(v).toMatchObject({ ok: false, reasonCode: 'ALTERED', brokenAtSeq: 1 });
    const [pulled] = await stream.pullAll({ force: true });
    expect(pulled).toMatchObject({ status: 'halted' });
    expect(await h.service.stores.stream.source(name)).toMatchObject({
      haltedReason: 'ALTERED',
      haltedAtSeq: 2,
    });
    expect(await copiedSeqs(name)).toEqual([1, 2]);
  });

  it('never copies a break: an altered or missing event not yet copied halts the source there', async () => {
    const altered = await setup();
    await altered.source.append(3);
    await altered.stream.pullAll();
    await altered.source.append(3);
    await altered.source.tamper(`update audit_event set operation = 'Other' where seq = 5`);
    expect(await altered.stream.pullAll({ force: true })).toEqual([
      { service: altered.name, status: 'halted', copied: 0 },
    ]);
    expect(await copiedSeqs(altered.name)).toEqual([1, 2, 3]);
    expect(await h.service.stores.stream.source(altered.name)).toMatchObject({
      haltedReason: 'ALTERED',
      haltedAtSeq: 5,
    });
    // Halted: later events are not copied either, and the break is recorded once.
    await altered.source.append(2);
    await altered.stream.pullAll({ force: true });
    expect(await copiedSeqs(altered.name)).toEqual([1, 2, 3]);
    const status = (await altered.stream.status()).find((s) => s.service === altered.name);
    expect(status).toMatchObject({
      haltedReason: 'ALTERED',
      lastVerification: { ok: false, reasonCode: 'ALTERED' },
    });

    const missing = await setup();
    await missing.source.append(3);
    await missing.stream.pullAll();
    await missing.source.append(3);
    await missing.source.tamper('delete from audit_event where seq = 4');
    await missing.stream.pullAll({ force: true });
    expect(await copiedSeqs(missing.name)).toEqual([1, 2, 3]);
    expect(await h.service.stores.stream.source(missing.name)).toMatchObject({
      haltedReason: 'GAP',
      haltedAtSeq: 5,
    });
  });
});

describe('the audit stream job after a cold start and an idle while', () => {
  let issuer: TestIssuer;
  let source: Source;
  let h: SecurityHarness;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    source = await startSource(issuer);
    h = await startSecuritySubgraph({
      issuer,
      env: { AUDIT_SOURCES: `${source.name}=${source.baseUrl}`, AUDIT_PULL_INTERVAL_MS: '200' },
      options: {
        background: true,
        auditToken: () => issuer.sign({ role: 'service', sub: 'svc_security', scope: 'audit:read' }),
      },
    });
  });
  afterAll(async () => {
    await h?.stop();
    await source?.stop();
  });

  it('pulls what a source wrote after the stream sat idle', async () => {
    // Idle: several rounds find nothing (and keep the source's cursor at 0).
    await new Promise((r) => setTimeout(r, 1500));
    expect(await h.service.stores.stream.source(source.name)).toMatchObject({ lastSeq: 0, failures: 0 });
    await source.append(4);
    const deadline = Date.now() + 30_000;
    let seqs: number[] = [];
    while (Date.now() < deadline) {
      seqs = (await h.service.stores.stream.records(source.name, 0, 1e9, 100)).map((r) => r.seq);
      if (seqs.length === 4) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seqs).toEqual([1, 2, 3, 4]);
  });
});
