import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRubles } from '../src/modules/documents';
import { plain, readPdf } from '../src/modules/documents/read-pdf.testing';
import { people, priceConsultation, staff } from './billing-helpers';
import {
  acceptContract,
  contractInput,
  createContract,
  download,
  readContract,
  signAtDesk,
} from './contract-helpers';
import { type BillingHarness, startBillingSubgraph } from './harness';

// Contracts for paid medical services through the API, on the real database: drafts at the desk,
// acceptance in the portal, immutability in the database, the PDF route under the same policy.
let h: BillingHarness;
let who: Awaited<ReturnType<typeof people>>;
let priceId: string;

beforeAll(async () => {
  h = await startBillingSubgraph();
  who = await people(h);
  priceId = await priceConsultation(h, who.accountant, 250_000);
});
afterAll(async () => h?.stop());

/** A draft of the patient's for two consultations, made by reception. */
async function draft(patientId = who.patientId, overrides: Record<string, unknown> = {}) {
  const r = await createContract(
    h,
    who.receptionist,
    contractInput(patientId, [{ priceItemId: priceId, quantity: 2 }], overrides),
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.createContract.inputErrors).toEqual([]);
  return r.data.createContract.contract;
}

describe('contracts: draft at the desk, acceptance in the portal', () => {
  it('reception makes a numbered draft priced from the branch price list; a retry returns the same draft', async () => {
    const input = contractInput(who.patientId, [{ priceItemId: priceId, quantity: 2 }], {
      payer: { ...contractInput(who.patientId, []).patient, fullName: 'Тестов Андрей Петрович' },
    });
    const first = await createContract(h, who.receptionist, input);
    const again = await createContract(h, who.receptionist, input);
    const contract = first.data.createContract.contract;
    expect(contract).toMatchObject({
      status: 'DRAFT',
      acceptedAt: null,
      acceptanceChannel: null,
      totalKopecks: 500_000,
      services: [
        {
          name: 'Приём кардиолога, первичный',
          quantity: 2,
          unitPriceKopecks: 250_000,
          amountKopecks: 500_000,
        },
      ],
    });
    expect(contract.number).toMatch(/^Д-\d{4}-\d{6}$/);
    expect(contract.pdfUrl).toMatch(new RegExp(`/files/contracts/${contract.id}/pdf$`));
    expect(again.data.createContract.contract.id).toBe(contract.id);
    const rows = await h.service.database.query('select id from contract where patient_id = $1', [
      who.patientId,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('the patient accepts in the portal: time and channel recorded; accepting twice changes nothing', async () => {
    const contract = await draft();
    const before = Date.now();
    const r = await acceptContract(h, who.patient, contract.id);
    const after = Date.now();
    expect(r.data.acceptContract.inputErrors).toEqual([]);
    const accepted = r.data.acceptContract.contract;
    expect(accepted).toMatchObject({ id: contract.id, status: 'ACCEPTED', acceptanceChannel: 'PORTAL' });
    const at = Date.parse(accepted.acceptedAt);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(after + 1000);
    const twice = await acceptContract(h, who.patient, contract.id);
    expect(twice.data.acceptContract.contract).toEqual(accepted);
    const [row] = await h.service.database.query<{ acceptance_channel: string; accepted_by: string }>(
      'select acceptance_channel, accepted_by from contract where id = $1',
      [contract.id],
    );
    expect(row).toMatchObject({ acceptance_channel: 'PORTAL' });
    expect(row!.accepted_by).toBeTruthy();
    // Reception signing an accepted contract changes nothing either.
    const signed = await signAtDesk(h, who.receptionist, contract.id);
    expect(signed.data.signContractAtDesk.contract).toMatchObject({
      status: 'ACCEPTED',
      acceptedAt: accepted.acceptedAt,
    });
  });

  it('an accepted contract is immutable in the database; no contract can be deleted', async () => {
    const contract = await draft();
    await acceptContract(h, who.patient, contract.id);
    const db = h.service.database;
    await expect(
      db.query(`update contract set data = jsonb_set(data, '{provisionTerms}', '"x"') where id = $1`, [
        contract.id,
      ]),
    ).rejects.toThrow(/cannot change/);
    await expect(
      db.query(
        `update contract set status = 'DRAFT', accepted_at = null, acceptance_channel = null, accepted_by = null where id = $1`,
        [contract.id],
      ),
    ).rejects.toThrow(/cannot change/);
    await expect(db.query('delete from contract where id = $1', [contract.id])).rejects.toThrow(
      /cannot be deleted/,
    );
    // A draft is not editable either: it can only be concluded.
    const other = await draft();
    await expect(
      db.query(`update contract set data = '{}'::jsonb where id = $1`, [other.id]),
    ).rejects.toThrow(/only be concluded/);
    await expect(db.query('delete from contract where id = $1', [other.id])).rejects.toThrow(
      /cannot be deleted/,
    );
    expect((await readContract(h, who.receptionist, contract.id)).data.contract).toMatchObject({
      status: 'ACCEPTED',
      provisionTerms: contract.provisionTerms,
    });
  });

  it('reception signs at the desk: SIGNED through the DESK channel; the patient cannot accept it again', async () => {
    const contract = await draft();
    const cashier = await signAtDesk(h, who.cashier, contract.id);
    expect(cashier.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const r = await signAtDesk(h, who.receptionist, contract.id);
    expect(r.data.signContractAtDesk.contract).toMatchObject({ status: 'SIGNED', acceptanceChannel: 'DESK' });
    const late = await acceptContract(h, who.patient, contract.id);
    expect(late.data.acceptContract.contract).toMatchObject({ status: 'SIGNED', acceptanceChannel: 'DESK' });
  });

  it('refuses incomplete or wrong input with field paths, writing nothing', async () => {
    const count = async () =>
      (await h.service.database.query<{ n: string }>('select count(*)::text as n from contract'))[0]!.n;
    const before = await count();
    const unknown = await createContract(
      h,
      who.receptionist,
      contractInput(who.patientId, [{ priceItemId: randomUUID() }]),
    );
    expect(unknown.data.createContract.inputErrors).toMatchObject([
      { field: 'input.services.0.priceItemId', code: 'UNKNOWN_PRICE_ITEM' },
    ]);
    const bad = await createContract(
      h,
      who.cashier,
      contractInput(who.patientId, [{ priceItemId: priceId }], {
        patient: { ...contractInput(who.patientId, []).patient, fullName: ' ', birthDate: '1990-02-30' },
        representative: { ...contractInput(who.patientId, []).patient, basis: '' },
      }),
    );
    expect(
      bad.data.createContract.inputErrors.map((e: { field: string; code: string }) => [e.field, e.code]),
    ).toEqual([
      ['input.patient.fullName', 'REQUIRED'],
      ['input.patient.birthDate', 'INVALID_DATE'],
      ['input.representative.basis', 'REQUIRED'],
    ]);
    const stranger = await createContract(
      h,
      who.patient,
      contractInput(who.patientId, [{ priceItemId: priceId }]),
    );
    expect(stranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });
});

describe('contracts: only the patient and the desk staff, by GraphQL and by the PDF route', () => {
  it('another patient cannot read, accept or download a contract; a doctor and an analyst are refused', async () => {
    const contract = await draft();
    const other = await h.tokenFor({ role: 'patient', sub: randomUUID(), pid: randomUUID() });
    expect((await readContract(h, other, contract.id)).data.contract).toBeNull();
    const list = await h.query(
      `query($p: ID!) { patientContracts(patientId: $p) { id } }`,
      { p: who.patientId },
      other,
    );
    expect(list.data.patientContracts).toEqual([]);
    expect((await h.query('{ myContracts { id } }', {}, other)).data.myContracts).toEqual([]);
    const accept = await acceptContract(h, other, contract.id);
    expect(accept.data.acceptContract).toMatchObject({
      ok: false,
      contract: null,
      inputErrors: [{ field: 'input.contractId', code: 'NOT_FOUND' }],
    });
    expect((await readContract(h, who.receptionist, contract.id)).data.contract.status).toBe('DRAFT');
    const path = `/contracts/${contract.id}/pdf`;
    expect((await download(h, path, other)).status).toBe(404);
    // The same answer as for an id that does not exist: no existence oracle.
    expect((await download(h, `/contracts/${randomUUID()}/pdf`, other)).status).toBe(404);
    const doctor = await readContract(h, who.doctor, contract.id);
    expect(doctor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await download(h, path, who.doctor)).status).toBe(403);
    const analyst = await h.tokenFor(staff('analyst'));
    expect((await download(h, path, analyst)).status).toBe(403);
    expect((await download(h, path)).status).toBe(401);
    for (const token of [who.patient, who.receptionist, who.cashier, who.accountant])
      expect((await download(h, path, token)).status).toBe(200);
    const mine = await h.query('{ myContracts { id } }', {}, who.patient);
    expect(mine.data.myContracts.map((c: { id: string }) => c.id)).toContain(contract.id);
  });

  it('the PDF is rendered from the snapshot: the patient’s name, the total, and the acceptance line once accepted', async () => {
    const contract = await draft();
    const before = await download(h, `/contracts/${contract.id}/pdf`, who.patient);
    expect(before.headers.get('content-type')).toBe('application/pdf');
    expect(before.headers.get('cache-control')).toBe('no-store');
    const draftText = (await readPdf(before.bytes)).text;
    expect(draftText).toContain('Тестова Вера Андреевна');
    expect(draftText).toContain(plain(formatRubles(500_000)));
    expect(draftText).toContain(contract.number);
    expect(draftText).not.toContain('Принят в личном кабинете');
    await acceptContract(h, who.patient, contract.id);
    const after = await download(h, `/contracts/${contract.id}/pdf`, who.cashier);
    const acceptedText = (await readPdf(after.bytes)).text;
    expect(acceptedText).toContain('Принят в личном кабинете');
    expect(acceptedText).toContain(plain(formatRubles(500_000)));
    // Each disclosure of the file is in the access trail, the patient's own download included.
    const events = await h.service.database.query<{ actor_role: string }>(
      `select actor_role from audit_event where patient_id = $1 and operation = 'downloadContract' order by seq`,
      [who.patientId],
    );
    expect(events.map((e) => e.actor_role)).toEqual(expect.arrayContaining(['patient', 'cashier']));
  });
});
