import { randomUUID } from 'node:crypto';
import { samplePdf } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, type Files, startFiles } from './files-harness';

let f: Files;
beforeAll(async () => {
  f = await startFiles();
});
afterAll(async () => f?.stop());

const codeOf = async (res: Response) =>
  ((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code;

/** A doctor in care of a patient with a signed visit carrying one attachment. */
async function recordWithFile() {
  const doctor = await f.caller('doctor');
  const patient = await f.caller('patient');
  const careSource = await f.care(doctor, patient.patientId!);
  const { visitId, versionId } = await f.visit(doctor, patient.patientId!, { sign: true });
  const res = await f.upload(doctor, visitId, samplePdf('Результат'), 'результат.pdf');
  expect(res.status).toBe(201);
  const attachmentId = ((await res.json()) as { attachment: { id: string } }).attachment.id;
  return { doctor, patient, careSource, visitId, versionId: versionId!, attachmentId };
}

const linkOf = async (caller: Caller, input: Parameters<Files['downloadLink']>[1]) => {
  const r = await f.downloadLink(caller, input);
  expect(r.data?.requestDownload.ok).toBe(true);
  return r.data.requestDownload.link.url as string;
};

describe('uploads: refusals store nothing', () => {
  it('an oversized file is 413 FILE_TOO_LARGE, declared or streamed, and nothing is stored', async () => {
    const { doctor, visitId } = await recordWithFile();
    const big = new Uint8Array(64 * 1024 + 1);
    big.set(samplePdf('big'));
    const declared = await f.upload(doctor, visitId, big, 'big.pdf');
    expect(declared.status).toBe(413);
    expect(await codeOf(declared)).toBe('FILE_TOO_LARGE');
    // Without Content-Length: refused once the limit is passed while reading.
    const link = (await f.uploadLink(doctor, visitId)).data.requestAttachmentUpload.link.url;
    const chunk = new Uint8Array(16 * 1024);
    let sent = 0;
    const streamed = await fetch(f.local(link), {
      method: 'POST',
      headers: { authorization: `Bearer ${doctor.token}`, 'x-file-name': 'stream.pdf' },
      body: new ReadableStream({
        pull(c) {
          if (sent >= 8) return c.close();
          sent++;
          c.enqueue(chunk);
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await f.rows(visitId)).toHaveLength(1);
    expect(await f.storedFiles()).toHaveLength(
      (await f.h.service.database.query('select 1 from attachment')).length,
    );
  });

  it.each([
    ['HTML', 'page.pdf', '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'],
    ['SCRIPT_SVG', 'scan.png', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
  ])('%s is 415 FILE_TYPE_REFUSED and nothing is stored', async (reason, name, text) => {
    const doctor = await f.caller('doctor');
    const patient = await f.caller('patient');
    await f.care(doctor, patient.patientId!);
    const { visitId } = await f.visit(doctor, patient.patientId!);
    const files = (await f.storedFiles()).length;
    const res = await f.upload(doctor, visitId, new Uint8Array(Buffer.from(text)), name);
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({
      errors: [{ extensions: { code: 'FILE_TYPE_REFUSED', reason } }],
    });
    expect(await f.rows(visitId)).toEqual([]);
    expect((await f.storedFiles()).length).toBe(files);
  });

  it('an upload link works once, for its own doctor, with the second factor, and only while in care', async () => {
    const { doctor, patient, careSource, visitId } = await recordWithFile();
    const url = (await f.uploadLink(doctor, visitId)).data.requestAttachmentUpload.link.url;
    const other = await f.caller('doctor');
    await f.care(other, patient.patientId!);
    expect(await codeOf(await f.post(url, other.token, samplePdf('x'), 'x.pdf'))).toBe('FORBIDDEN');
    expect((await f.post(url, null, samplePdf('x'), 'x.pdf')).status).toBe(401);
    const noOtp = await f.caller('doctor', { sub: doctor.sub, amr: ['pwd'] });
    const without = await f.post(url, noOtp.token, samplePdf('x'), 'x.pdf');
    expect([without.status, await codeOf(without)]).toEqual([403, 'SECOND_FACTOR_REQUIRED']);
    expect((await f.post(url, doctor.token, samplePdf('x'), 'x.pdf')).status).toBe(201);
    const again = await f.post(url, doctor.token, samplePdf('y'), 'y.pdf');
    expect([again.status, await codeOf(again)]).toEqual([409, 'CONFLICT']);
    // Care ends: a link issued before is refused.
    const late = (await f.uploadLink(doctor, visitId)).data.requestAttachmentUpload.link.url;
    await f.h.service.stores.care.withdraw(careSource);
    expect(await codeOf(await f.post(late, doctor.token, samplePdf('z'), 'z.pdf'))).toBe('FORBIDDEN');
    expect(await f.rows(visitId)).toHaveLength(2);
  });

  it('only a doctor with access to the record gets an upload link', async () => {
    const { patient, visitId } = await recordWithFile();
    const stranger = await f.caller('doctor');
    const refused = await f.uploadLink(stranger, visitId);
    expect(refused.data.requestAttachmentUpload.inputErrors).toEqual([
      { code: 'FORBIDDEN', field: 'input.visitId' },
    ]);
    const asPatient = await f.uploadLink(patient, visitId);
    expect(asPatient.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reception = await f.uploadLink(await f.caller('receptionist'), visitId);
    expect(reception.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('download links: bound to the caller, short-lived, authorised again', () => {
  it('a link of user A used by user B is refused; a changed or expired link too', async () => {
    const { patient, attachmentId } = await recordWithFile();
    const url = await linkOf(patient, { attachmentId });
    const other = await f.caller('patient');
    const byOther = await f.get(url, other.token);
    expect([byOther.status, await codeOf(byOther)]).toEqual([403, 'FORBIDDEN']);
    expect((await f.get(url, null)).status).toBe(401);
    const token = url.slice(url.lastIndexOf('/') + 1);
    const changed = `${url.slice(0, -token.length)}${token.slice(0, -2)}${token.endsWith('A') ? 'B' : 'A'}A`;
    expect((await f.get(changed, patient.token)).status).toBe(404);
    const expired = await f.h.service.services.links.issue(
      { kind: 'attachment', id: attachmentId, sub: patient.sub },
      new Date(Date.now() - 3_600_000),
    );
    const gone = await f.get(expired.url, patient.token);
    expect([gone.status, await codeOf(gone)]).toEqual([410, 'LINK_EXPIRED']);
    // The right caller with a live link still gets the file.
    expect((await f.get(url, patient.token)).status).toBe(200);
  });

  it("patient B gets nothing of A's record: no link for the file, the PDF or the export; A's link refused", async () => {
    const { patient: a, visitId, versionId, attachmentId } = await recordWithFile();
    const b = await f.caller('patient');
    for (const input of [{ attachmentId }, { visitId }, { visitVersionId: versionId }]) {
      const r = await f.downloadLink(b, input);
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(r.data?.requestDownload ?? null).toBeNull();
    }
    const exported = await f.h.query(
      'query($p: ID!) { recordExport(patientId: $p) { bundle } }',
      { p: a.patientId },
      b.token,
    );
    expect(exported.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const input of [{ attachmentId }, { visitId }]) {
      const res = await f.get(await linkOf(a, input), b.token);
      expect(res.status).toBe(403);
    }
    expect((await f.audit(a.patientId!)).filter((e) => e.actorId === b.sub)).toEqual([]);
  });

  it('a doctor without relationship is refused until break-glass, which the audit names', async () => {
    const { patient, attachmentId } = await recordWithFile();
    const stranger = await f.caller('doctor');
    const refused = await f.downloadLink(stranger, { attachmentId });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', breakGlassAvailable: true });
    // A link minted by the service for him is refused by the endpoint all the same.
    const minted = await f.h.service.services.links.issue({
      kind: 'attachment',
      id: attachmentId,
      sub: stranger.sub,
    });
    expect((await f.get(minted.url, stranger.token)).status).toBe(403);
    const opened = await f.h.query(
      'mutation($i: BreakGlassInput!) { breakGlass(input: $i) { ok inputErrors { code } } }',
      { i: { patientId: patient.patientId, reason: 'Пациент в реанимации, нужны результаты исследований' } },
      stranger.token,
    );
    expect(opened.data.breakGlass.ok).toBe(true);
    const got = await f.download(stranger, { attachmentId });
    expect(got.status).toBe(200);
    const events = await f.audit(patient.patientId!);
    expect(
      events.find((e) => e.actorId === stranger.sub && e.operation === 'downloadAttachment')?.purpose,
    ).toBe('breakGlass');
  });

  it('the endpoint decides again: care withdrawn after the link was issued is refused', async () => {
    const { doctor, careSource, attachmentId } = await recordWithFile();
    const url = await linkOf(doctor, { attachmentId });
    await f.h.service.stores.care.withdraw(careSource);
    expect((await f.get(url, doctor.token)).status).toBe(403);
  });

  it('reception gets no links and no export', async () => {
    const { patient, attachmentId, visitId } = await recordWithFile();
    const reception = await f.caller('receptionist');
    for (const input of [{ attachmentId }, { visitId }])
      expect((await f.downloadLink(reception, input)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const minted = await f.h.service.services.links.issue({
      kind: 'attachment',
      id: attachmentId,
      sub: reception.sub,
    });
    expect((await f.get(minted.url, reception.token)).status).toBe(403);
    const exported = await f.h.query(
      'query($p: ID!) { recordExport(patientId: $p) { bundle } }',
      { p: patient.patientId },
      reception.token,
    );
    expect(exported.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a patient gets files of signed visits only, and loses them when the note is entered in error', async () => {
    const doctor = await f.caller('doctor');
    const patient = await f.caller('patient');
    await f.care(doctor, patient.patientId!);
    const open = await f.visit(doctor, patient.patientId!);
    expect((await f.upload(doctor, open.visitId, samplePdf('draft'), 'draft.pdf')).status).toBe(201);
    const [draftFile] = await f.h.service.stores.attachments
      .ofVisits([open.visitId])
      .then((m) => m.get(open.visitId)!);
    const early = await f.downloadLink(patient, { attachmentId: draftFile!.id });
    expect(early.data.requestDownload.inputErrors).toEqual([
      { code: 'NOT_FOUND', field: 'input.attachmentId' },
    ]);
    const unsignedPdf = await f.downloadLink(patient, { visitId: open.visitId });
    expect(unsignedPdf.data.requestDownload.inputErrors).toEqual([
      { code: 'VISIT_NOT_SIGNED', field: 'input.visitId' },
    ]);
    // The doctor may have it already.
    expect((await f.download(doctor, { attachmentId: draftFile!.id })).status).toBe(200);

    const { visitId, attachmentId } = await (async () => {
      const v = await f.visit(doctor, patient.patientId!, { sign: true });
      const res = await f.upload(doctor, v.visitId, samplePdf('signed'), 'signed.pdf');
      return {
        visitId: v.visitId,
        attachmentId: ((await res.json()) as { attachment: { id: string } }).attachment.id,
      };
    })();
    const fileUrl = await linkOf(patient, { attachmentId });
    const pdfUrl = await linkOf(patient, { visitId });
    const marked = await f.h.query(
      'mutation($i: MarkVisitEnteredInErrorInput!) { markVisitEnteredInError(input: $i) { ok } }',
      { i: { visitId, reason: 'Записано не тому пациенту', idempotencyKey: randomUUID() } },
      doctor.token,
    );
    expect(marked.data.markVisitEnteredInError.ok).toBe(true);
    expect((await f.get(fileUrl, patient.token)).status).toBe(404);
    expect((await f.get(pdfUrl, patient.token)).status).toBe(404);
    expect((await f.downloadLink(patient, { attachmentId })).data.requestDownload.inputErrors[0].code).toBe(
      'NOT_FOUND',
    );
    // The doctor keeps the file; a retracted note is not printed for anyone.
    expect((await f.download(doctor, { attachmentId })).status).toBe(200);
    expect((await f.downloadLink(doctor, { visitId })).data.requestDownload.inputErrors[0].code).toBe(
      'NOT_FOUND',
    );
  });
});
