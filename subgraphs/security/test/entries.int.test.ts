import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SecurityHarness, startSecuritySubgraph } from './harness';

const ADD = `mutation($input: AddSecurityEntryInput!) {
  addSecurityEntry(input: $input) { ok inputErrors { field code } entry { id text } }
}`;
const LIST = 'query($p: ID!) { securityEntries(patientId: $p) { id text authorAccountId } }';

let h: SecurityHarness;
beforeAll(async () => {
  h = await startSecuritySubgraph();
});
afterAll(async () => h?.stop());

describe('security entries', () => {
  it('a cashier adds an entry once per idempotency key; the patient reads it', async () => {
    const patientId = randomUUID();
    const cashier = await h.tokenFor({ role: 'cashier', sub: randomUUID(), amr: ['pwd', 'otp'] });
    const input = { patientId, text: ' Оплата ', idempotencyKey: randomUUID() };
    const first = await h.query(ADD, { input }, cashier);
    const again = await h.query(ADD, { input }, cashier);
    expect(first.data.addSecurityEntry.ok).toBe(true);
    expect(again.data.addSecurityEntry.entry.id).toBe(first.data.addSecurityEntry.entry.id);
    const other = await h.query(ADD, { input: { ...input, text: 'Другое' } }, cashier);
    expect(other.data.addSecurityEntry.inputErrors).toEqual([
      { field: 'input.idempotencyKey', code: 'IDEMPOTENCY_MISMATCH' },
    ]);
    const patient = await h.tokenFor({ role: 'patient', sub: randomUUID(), pid: patientId });
    const list = await h.query(LIST, { p: patientId }, patient);
    expect(list.data.securityEntries.map((e: { text: string }) => e.text)).toEqual(['Оплата']);
  });

  // FINANCIAL: doctors are denied; writing is the cashier's. No write grants anyone access.
  it('a doctor can neither add nor list entries', async () => {
    const patientId = randomUUID();
    const doctor = await h.tokenFor({ role: 'doctor', sub: randomUUID() });
    const add = await h.query(
      ADD,
      { input: { patientId, text: 'Диагноз', idempotencyKey: randomUUID() } },
      doctor,
    );
    expect(add.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const list = await h.query(LIST, { p: patientId }, doctor);
    expect(list.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(await h.service.stores.entries.forPatient(patientId)).toEqual([]);
  });

  it('bad input is a typed error and writes nothing', async () => {
    const cashier = await h.tokenFor({ role: 'cashier', sub: randomUUID(), amr: ['pwd', 'otp'] });
    const patientId = randomUUID();
    const r = await h.query(ADD, { input: { patientId, text: '  ', idempotencyKey: 'k' } }, cashier);
    expect(r.data.addSecurityEntry.inputErrors).toEqual([{ field: 'input.text', code: 'REQUIRED' }]);
    const bad = await h.query(ADD, { input: { patientId: 'x', text: 'a', idempotencyKey: 'k' } }, cashier);
    expect(bad.data.addSecurityEntry.inputErrors[0].code).toBe('INVALID_ID');
    expect(await h.service.stores.entries.forPatient(patientId)).toEqual([]);
  });
});
