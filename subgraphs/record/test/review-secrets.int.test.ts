/**
 * Security review: clinical text nowhere in the database in a readable or guessable form (every
 * table, including outbox, inbox, idempotency and audit rows), break-glass reasons validated like
 * every other text, and no start in production without a master key.
 */
import { randomUUID } from 'node:crypto';
import { idempotencyHash, loadMasterEnvelope } from '@medikamente/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecordEnv } from '../src/env';
import { type RecordHarness, startRecordSubgraph } from './harness';
import { actors, CONTENT, care, SAVE, SIGN, signedVisit } from './record-helpers';

let h: RecordHarness;
beforeAll(async () => {
  h = await startRecordSubgraph();
});
afterAll(async () => h?.stop());

const ADDENDUM_TEXT = 'Анализ на ВИЧ положительный';
const EIE_REASON = 'Запись внесена не тому пациенту';
const CORRECTION_REASON = 'Уточнён диагноз после анализов';
const BREAK_REASON = 'Пациент без сознания в процедурном кабинете, нужны аллергии';

/** Every row of every table of the record's database, as text. */
async function everyTable(): Promise<string> {
  const db = h.service.database;
  const tables = await db.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  const dumps = await Promise.all(
    tables.map((t) => db.query(`select * from "${t.table_name}"`).then((rows) => [t.table_name, rows])),
  );
  return JSON.stringify(dumps);
}

describe('review: secrets at rest', () => {
  it('no table holds clinical text, reasons or an unkeyed hash of them', async () => {
    const a = await actors(h);
    await care(h, a.doctorId, a.patientId);
    const { visitId } = await signedVisit(h, a.doctor, a.patientId);
    const addKey = randomUUID();
    const added = await h.query(
      'mutation ($v: ID!, $t: String!, $k: String!) { addVisitAddendum(input: { visitId: $v, text: $t, idempotencyKey: $k }) { ok } }',
      { v: visitId, t: ADDENDUM_TEXT, k: addKey },
      a.doctor,
    );
    expect(added.data.addVisitAddendum.ok).toBe(true);
    await h.query(
      'mutation ($v: ID!) { startVisitCorrection(input: { visitId: $v }) { ok } }',
      { v: visitId },
      a.doctor,
    );
    await h.query(
      SAVE,
      { visitId, content: { ...CONTENT, conclusion: 'Гипертензия 2 ст.' }, rev: null },
      a.doctor,
    );
    const corrected = await h.query(
      SIGN,
      { visitId, key: randomUUID(), reason: CORRECTION_REASON },
      a.doctor,
    );
    expect(corrected.data.signVisit.ok).toBe(true);
    const eieKey = randomUUID();
    const eie = await h.query(
      'mutation ($v: ID!, $r: String!, $k: String!) { markVisitEnteredInError(input: { visitId: $v, reason: $r, idempotencyKey: $k }) { ok } }',
      { v: visitId, r: EIE_REASON, k: eieKey },
      a.doctor,
    );
    expect(eie.data.markVisitEnteredInError.ok).toBe(true);
    const stranger = await actors(h);
    const opened = await h.query(
      'mutation ($p: ID!, $r: String!) { breakGlass(input: { patientId: $p, reason: $r }) { ok } }',
      { p: a.patientId, r: BREAK_REASON },
      stranger.doctor,
    );
    expect(opened.data.breakGlass.ok).toBe(true);

    const raw = await everyTable();
    for (const plain of [
      CONTENT.complaints,
      CONTENT.conclusion,
      CONTENT.examination,
      'Лозартан',
      'Гипертензия 2 ст.',
      ADDENDUM_TEXT,
      EIE_REASON,
      CORRECTION_REASON,
      BREAK_REASON,
    ])
      expect(raw).not.toContain(plain);
    // Idempotency rows compare requests by hash: a bare SHA-256 of the text would let anyone
    // holding the database confirm a guessed addendum or reason. The hash must be keyed.
    for (const guess of [
      { visitId, text: ADDENDUM_TEXT },
      { visitId, reason: EIE_REASON },
      { visitId, reason: CORRECTION_REASON },
    ])
      expect(raw).not.toContain(idempotencyHash(guess));
    // Retries still replay, and a different text with the same key is still refused.
    const retry = await h.query(
      'mutation ($v: ID!, $t: String!, $k: String!) { addVisitAddendum(input: { visitId: $v, text: $t, idempotencyKey: $k }) { ok visit { addenda { id } } } }',
      { v: visitId, t: ADDENDUM_TEXT, k: addKey },
      a.doctor,
    );
    expect(retry.data.addVisitAddendum.visit.addenda).toHaveLength(1);
    const other = await h.query(
      'mutation ($v: ID!, $t: String!, $k: String!) { addVisitAddendum(input: { visitId: $v, text: $t, idempotencyKey: $k }) { ok inputErrors { code } } }',
      { v: visitId, t: 'Другой текст дополнения', k: addKey },
      a.doctor,
    );
    expect(other.data.addVisitAddendum.inputErrors).toEqual([{ code: 'IDEMPOTENCY_MISMATCH' }]);
  });

  it('refuses a break-glass reason with control characters, like every other text', async () => {
    const d = await actors(h);
    const r = await h.query(
      'mutation ($p: ID!, $r: String!) { breakGlass(input: { patientId: $p, reason: $r }) { ok inputErrors { field code } } }',
      { p: randomUUID(), r: 'Пациент без\u0000 сознания, нужен анамнез' },
      d.doctor,
    );
    expect(r.data.breakGlass).toEqual({
      ok: false,
      inputErrors: [{ field: 'input.reason', code: 'BAD_USER_INPUT' }],
    });
  });

  it('production without a master key refuses to start', () => {
    expect(() => loadRecordEnv({ NODE_ENV: 'production', DATA_DIR: '/tmp/record-review' })).toThrow(
      /RECORD_MASTER_KEY/,
    );
    expect(() =>
      loadMasterEnvelope('RECORD', {
        NODE_ENV: 'production',
        DATA_DIR: 'memory://',
        RECORD_PREVIOUS_MASTER_KEYS: [],
      }),
    ).toThrow(/required in production/);
    expect(() =>
      loadMasterEnvelope('RECORD', {
        NODE_ENV: 'production',
        DATA_DIR: '/tmp/record-review',
        RECORD_MASTER_KEY_FILE: `/tmp/record-review-${randomUUID()}.key`,
        RECORD_PREVIOUS_MASTER_KEYS: [],
      }),
    ).toThrow(/does not exist/);
  });
});
