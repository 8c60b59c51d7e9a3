import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { sampleExe, samplePdf, samplePng, startS3rver, type TestS3 } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Files, startFiles } from './files-harness';

// A marker that appears in the file's bytes: the storage must never hold it in the clear.
const MARKER = 'MARKER-7f3a91-PLAINTEXT';
const NAME = 'Рентген грудной клетки (2025).pdf';

const contains = (haystack: Uint8Array, needle: string) =>
  Buffer.from(haystack).includes(Buffer.from(needle));

describe.each(['fs', 's3'] as const)('attachments on %s storage', (kind) => {
  let f: Files;
  let s3: TestS3 | undefined;
  let client: S3Client | undefined;
  beforeAll(async () => {
    s3 = kind === 's3' ? await startS3rver() : undefined;
    f = await startFiles({ s3 });
    if (s3)
      client = new S3Client({
        endpoint: s3.endpoint,
        region: s3.region,
        forcePathStyle: true,
        credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
      });
  });
  afterAll(async () => {
    client?.destroy();
    await f?.stop();
    await s3?.close();
  });

  /** Every object of the bucket, or every file of the directory, with its bytes. */
  async function storedObjects(): Promise<Array<{ key: string; bytes: Uint8Array }>> {
    if (!s3 || !client)
      return Promise.all((await f.storedFiles()).map(async (key) => ({ key, bytes: await readFile(key) })));
    const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
    return Promise.all(
      (listed.Contents ?? []).map(async (o) => {
        const got = await client!.send(new GetObjectCommand({ Bucket: s3!.bucket, Key: o.Key! }));
        return { key: o.Key!, bytes: await got.Body!.transformToByteArray() };
      }),
    );
  }

  it('uploads a file sealed under the patient key and gives it back, byte for byte, to the doctor and the patient', async () => {
    const doctor = await f.caller('doctor');
    const patient = await f.caller('patient');
    await f.care(doctor, patient.patientId!);
    const { visitId } = await f.visit(doctor, patient.patientId!, { sign: true });
    const pdf = samplePdf(MARKER);

    const res = await f.upload(doctor, visitId, pdf, NAME);
    expect(res.status).toBe(201);
    const { attachment } = (await res.json()) as { attachment: Record<string, unknown> };
    expect(attachment).toMatchObject({
      visitId,
      patientId: patient.patientId,
      fileName: NAME,
      contentType: 'application/pdf',
      size: pdf.byteLength,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      uploadedBy: doctor.sub,
    });

    // At rest: the object is ciphertext under a random key naming neither patient nor file; the
    // row holds neither name nor hash in the clear.
    const [row] = await f.rows(visitId);
    const objects = await storedObjects();
    expect(objects).toHaveLength(1);
    const stored = objects[0]!;
    expect(String(row!.storage_key)).toMatch(/^attachments\/[0-9a-f]{32}$/);
    for (const secret of [MARKER, '%PDF', patient.patientId!, 'Рентген'])
      expect(contains(stored.bytes, secret) || stored.key.includes(secret)).toBe(false);
    expect(stored.bytes.byteLength).toBe(pdf.byteLength + 12 + 16);
    expect(JSON.stringify(row)).not.toContain('Рентген');
    expect(JSON.stringify(row)).not.toContain(String(attachment.sha256));

    // The patient sees it under the signed visit and downloads it through a link of their own.
    const listed = await f.h.query(
      'query($p: ID!) { visits(patientId: $p) { id attachments { id fileName size contentType } } }',
      { p: patient.patientId },
      patient.token,
    );
    expect(listed.data.visits[0].attachments).toEqual([
      { id: attachment.id, fileName: NAME, size: pdf.byteLength, contentType: 'application/pdf' },
    ]);
    for (const who of [patient, doctor]) {
      const got = await f.download(who, { attachmentId: String(attachment.id) });
      expect(got.status).toBe(200);
      expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
      expect(got.headers.get('content-type')).toBe('application/pdf');
      expect(got.headers.get('content-disposition')).toBe(
        `attachment; filename="${NAME.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(NAME).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      );
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(got.headers.get('content-security-policy')).toContain('sandbox');
      expect(got.headers.get('cache-control')).toBe('no-store');
    }
    // Each download is audited with its purpose (the patient's own included); the upload too.
    const events = await f.audit(patient.patientId!);
    const summary = events.map((e) => `${e.operation}:${e.actorRole}:${e.purpose}`);
    expect(summary).toContain('downloadAttachment:patient:self');
    expect(summary).toContain('downloadAttachment:doctor:careRelationship');
    expect(summary).toContain('uploadAttachment:doctor:careRelationship');
  });

  it('a ciphertext moved to another attachment does not open', async () => {
    const doctor = await f.caller('doctor');
    const patient = await f.caller('patient');
    await f.care(doctor, patient.patientId!);
    const { visitId } = await f.visit(doctor, patient.patientId!, { sign: true });
    expect((await f.upload(doctor, visitId, samplePdf('one'), 'a.pdf')).status).toBe(201);
    expect((await f.upload(doctor, visitId, samplePng(), 'b.png')).status).toBe(201);
    const [a, b] = (await f.h.service.stores.attachments.ofVisits([visitId])).get(visitId)!;
    await expect(
      f.h.service.services.attachments.content({ ...a!, storageKey: b!.storageKey }),
    ).rejects.toThrow(/failed authentication/);
    expect(await f.h.service.services.attachments.content(a!)).toEqual(Buffer.from(samplePdf('one')));
  });

  it('refuses an executable named .pdf without storing anything', async () => {
    const doctor = await f.caller('doctor');
    const patient = await f.caller('patient');
    await f.care(doctor, patient.patientId!);
    const { visitId } = await f.visit(doctor, patient.patientId!);
    const before = (await storedObjects()).length;
    const res = await f.upload(doctor, visitId, sampleExe(), 'заключение.pdf');
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({
      errors: [{ extensions: { code: 'FILE_TYPE_REFUSED', reason: 'EXECUTABLE' } }],
    });
    expect(await f.rows(visitId)).toEqual([]);
    expect((await storedObjects()).length).toBe(before);
  });
});
