import { randomUUID } from 'node:crypto';
import { samplePng } from '@medikamente/runtime/testing';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONCLUSION, type Files, startFiles } from './files-harness';

let f: Files;
beforeAll(async () => {
  f = await startFiles();
});
afterAll(async () => f?.stop());

/** The text of a PDF as pdf.js reads it (whitespace collapsed). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages.join('\n').replace(/\s+/g, ' ');
  } finally {
    await doc.destroy();
  }
}

type Bundle = { resourceType: string; timestamp: string; entry: Array<{ resource: Record<string, any> }> };

async function signedRecord() {
  const doctor = await f.caller('doctor');
  const patient = await f.caller('patient');
  await f.care(doctor, patient.patientId!);
  const first = await f.visit(doctor, patient.patientId!, { sign: true });
  const second = await f.visit(doctor, patient.patientId!, { sign: true });
  expect((await f.upload(doctor, first.visitId, samplePng(), 'снимок.png')).status).toBe(201);
  return { doctor, patient, first, second };
}

const exportOf = (patientId: string, token: string) =>
  f.h.query(
    'query($p: ID!) { recordExport(patientId: $p) { patientId bundle generatedAt } }',
    { p: patientId },
    token,
  );

describe('visit summary PDF', () => {
  it('the patient downloads the signed conclusion as a PDF, audited as self-access', async () => {
    const { patient, first } = await signedRecord();
    const res = await f.download(patient, { visitId: first.visitId });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; .*filename\*=UTF-8''%D0%97%D0%B0%D0%BA/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain(CONCLUSION);
    expect(text).toContain('J20.9');
    expect(text).toContain('Амброксол');
    // The record holds no names: the patient line carries none, and never the patient id.
    expect(text).not.toContain(patient.patientId!);
    const event = (await f.audit(patient.patientId!)).find((e) => e.operation === 'downloadVisitSummary');
    expect(event).toMatchObject({ actorRole: 'patient', purpose: 'self', categories: ['HEALTH'] });
  });

  it('prints a named signed version for the doctor in care', async () => {
    const { doctor, first } = await signedRecord();
    const version = await f.h.query(
      'query($id: ID!) { visit(id: $id) { current { id } } }',
      { id: first.visitId },
      doctor.token,
    );
    const res = await f.download(doctor, { visitVersionId: version.data.visit.current.id });
    expect(res.status).toBe(200);
    expect(await pdfText(new Uint8Array(await res.arrayBuffer()))).toContain(CONCLUSION);
  });
});

describe('FHIR export', () => {
  it('gives the patient their signed visits as a FHIR Bundle, audited as a disclosure', async () => {
    const { patient, first, second } = await signedRecord();
    const before = (await f.audit(patient.patientId!)).length;
    const r = await exportOf(patient.patientId!, patient.token);
    expect(r.errors).toBeUndefined();
    const bundle = JSON.parse(r.data.recordExport.bundle) as Bundle;
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.timestamp).toBe(r.data.recordExport.generatedAt);
    const of = (type: string) => bundle.entry.map((e) => e.resource).filter((x) => x.resourceType === type);
    expect(of('Patient').map((p) => p.id)).toEqual([patient.patientId]);
    expect(
      of('Encounter')
        .map((e) => e.id)
        .sort(),
    ).toEqual([first.visitId, second.visitId].sort());
    expect(of('Condition').map((c) => c.code.coding[0].code)).toEqual(['J20.9', 'J20.9']);
    expect(of('MedicationRequest')).toHaveLength(2);
    expect(JSON.stringify(of('Composition'))).toContain('контроль через неделю');
    const doc = of('DocumentReference');
    expect(doc).toHaveLength(1);
    expect(doc[0]!.content[0].attachment).toMatchObject({ contentType: 'image/png', title: 'снимок.png' });
    expect(JSON.stringify(doc)).not.toMatch(/"(url|data)"/);

    // The disclosure is an event of its own (beside the read the GraphQL layer audits).
    const events = (await f.audit(patient.patientId!)).slice(0, -before || undefined);
    expect(events.filter((e) => e.operation === 'recordExport')).toEqual([
      expect.objectContaining({
        actorId: patient.sub,
        actorRole: 'patient',
        purpose: 'self',
        categories: ['HEALTH'],
      }),
    ]);
    // The same record exports to the same bundle.
    expect((await exportOf(patient.patientId!, patient.token)).data.recordExport.bundle).toBe(
      r.data.recordExport.bundle,
    );
  });

  it('a doctor in care exports (entered-in-error retracted, not hidden); a doctor without relationship cannot', async () => {
    const { doctor, patient, second } = await signedRecord();
    const marked = await f.h.query(
      'mutation($i: MarkVisitEnteredInErrorInput!) { markVisitEnteredInError(input: $i) { ok } }',
      { i: { visitId: second.visitId, reason: 'Не тот пациент', idempotencyKey: randomUUID() } },
      doctor.token,
    );
    expect(marked.data.markVisitEnteredInError.ok).toBe(true);
    const compositionsOf = (json: string) =>
      (JSON.parse(json) as Bundle).entry
        .map((e) => e.resource)
        .filter((x) => x.resourceType === 'Composition' && x.encounter.reference.endsWith(second.visitId));

    const byDoctor = await exportOf(patient.patientId!, doctor.token);
    expect(byDoctor.errors).toBeUndefined();
    expect(compositionsOf(byDoctor.data.recordExport.bundle).map((c) => c.status)).toEqual([
      'entered-in-error',
      'entered-in-error',
    ]);
    const byPatient = await exportOf(patient.patientId!, patient.token);
    expect(byPatient.data.recordExport.bundle).not.toContain(second.visitId);
    const event = (await f.audit(patient.patientId!)).find(
      (e) => e.operation === 'recordExport' && e.actorId === doctor.sub,
    );
    expect(event?.purpose).toBe('careRelationship');

    const stranger = await f.caller('doctor');
    const refused = await exportOf(patient.patientId!, stranger.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data?.recordExport ?? null).toBeNull();
    expect((await f.audit(patient.patientId!)).some((e) => e.actorId === stranger.sub)).toBe(false);
  });
});
