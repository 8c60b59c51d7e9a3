import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTRACT_TEMPLATE } from '../src/modules/documents';
import { readPdf } from '../src/modules/documents/read-pdf.testing';
import { people, priceConsultation } from './billing-helpers';
import { contractInput, createContract, download, saveTemplate } from './contract-helpers';
import { type BillingHarness, startBillingSubgraph } from './harness';

// Versioned contract templates through the API: the default version 1, validation with Russian
// issues under input.body (Decree No. 736 items included), new versions for new drafts only.
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

describe('contract templates', () => {
  it('version 1 is the default template; reception reads it with the Decree 736 checklist, only accountants save', async () => {
    const r = await h.query(
      '{ contractTemplate { version title clinicName checklist { id item ok } body } }',
      {},
      who.receptionist,
    );
    expect(r.errors).toBeUndefined();
    const t = r.data.contractTemplate;
    expect(t.version).toBeGreaterThanOrEqual(1);
    expect(t.checklist.length).toBeGreaterThan(5);
    expect(t.checklist.every((c: { ok: boolean }) => c.ok)).toBe(true);
    const [first] = await h.service.database.query<{ body: unknown }>(
      'select body from contract_template where version = 1',
    );
    expect(typeof first!.body === 'string' ? JSON.parse(first!.body) : first!.body).toEqual(
      DEFAULT_CONTRACT_TEMPLATE,
    );
    expect(
      (await saveTemplate(h, who.receptionist, DEFAULT_CONTRACT_TEMPLATE)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await h.query('{ contractTemplate { version } }', {}, who.doctor)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('refuses an invalid template with Russian issues under input.body, saving nothing', async () => {
    const { version } = (await h.query('{ contractTemplate { version } }', {}, who.accountant)).data
      .contractTemplate;
    const notJson = await saveTemplate(h, who.accountant, '{ "title": ');
    expect(notJson.data.saveContractTemplate.inputErrors).toMatchObject([
      { field: 'input.body', code: 'BAD_USER_INPUT' },
    ]);
    const badOgrn = await saveTemplate(h, who.accountant, {
      ...DEFAULT_CONTRACT_TEMPLATE,
      clinic: { ...DEFAULT_CONTRACT_TEMPLATE.clinic, ogrn: '1157746000016' },
    });
    expect(badOgrn.data.saveContractTemplate.inputErrors).toEqual([
      {
        field: 'input.body.clinic.ogrn',
        code: 'CONTRACT_TEMPLATE_INVALID',
        message: expect.stringMatching(/ОГРН/),
      },
    ]);
    const sections = DEFAULT_CONTRACT_TEMPLATE.sections;
    const unknownPlaceholder = await saveTemplate(h, who.accountant, {
      ...DEFAULT_CONTRACT_TEMPLATE,
      sections: [
        { ...sections[0]!, paragraphs: ['Стоимость: {{totl}}', ...sections[0]!.paragraphs] },
        ...sections.slice(1),
      ],
    });
    expect(unknownPlaceholder.data.saveContractTemplate.inputErrors).toEqual([
      {
        field: 'input.body.sections.0.paragraphs.0',
        code: 'CONTRACT_TEMPLATE_INVALID',
        message: 'Неизвестный плейсхолдер {{totl}}',
      },
    ]);
    const noLiability = await saveTemplate(h, who.accountant, {
      ...DEFAULT_CONTRACT_TEMPLATE,
      sections: sections.filter((s) => s.heading !== 'Ответственность сторон'),
    });
    const issues = noLiability.data.saveContractTemplate.inputErrors;
    expect(issues.length).toBeGreaterThan(0);
    expect(
      issues.every(
        (e: { field: string; message: string }) =>
          e.field === 'input.body' && /Правилам № 736/.test(e.message),
      ),
    ).toBe(true);
    expect(
      (await h.query('{ contractTemplate { version } }', {}, who.accountant)).data.contractTemplate.version,
    ).toBe(version);
  });

  it('saves a new version; new drafts use it, earlier contracts keep theirs; a retried save adds nothing', async () => {
    const old = await draft();
    const key = randomUUID();
    const body = {
      ...DEFAULT_CONTRACT_TEMPLATE,
      version: 99,
      title: 'Договор на оказание платных медицинских услуг (ред. 2)',
    };
    const saved = await saveTemplate(h, who.accountant, body, key);
    expect(saved.data.saveContractTemplate.inputErrors).toEqual([]);
    const version = saved.data.saveContractTemplate.template.version;
    expect(version).toBe(old.templateVersion + 1);
    expect(
      (await saveTemplate(h, who.accountant, body, key)).data.saveContractTemplate.template.version,
    ).toBe(version);
    expect(
      (await h.query('{ contractTemplate { version title } }', {}, who.receptionist)).data.contractTemplate,
    ).toEqual({
      version,
      title: body.title,
    });
    const fresh = await draft();
    expect(fresh.templateVersion).toBe(version);
    const oldPdf = (await readPdf((await download(h, `/contracts/${old.id}/pdf`, who.accountant)).bytes))
      .text;
    const freshPdf = (await readPdf((await download(h, `/contracts/${fresh.id}/pdf`, who.accountant)).bytes))
      .text;
    expect(freshPdf).toContain('(ред. 2)');
    expect(oldPdf).not.toContain('(ред. 2)');
  });
});
