import { randomUUID } from 'node:crypto';
import { createTestDatabase, createTestIssuer, gql, samplePdf } from '@medikamente/runtime/testing';
import { createRecordService, loadRecordEnv, type RecordService } from '@medikamente/subgraph-record';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSupergraph } from '../src/compose';
import { createGateway } from '../src/gateway';

/**
 * Attachments through the gateway: the record subgraph writes links under its FILES_PUBLIC_URL
 * (`<gateway>/files/record`), the gateway streams the bytes both ways, the subgraph authorises
 * and audits — with the client address the gateway vouches for.
 */
const PUBLIC = 'http://gateway.test/files/record';

let issuer: Awaited<ReturnType<typeof createTestIssuer>>;
let record: RecordService;
let recordHttp: { url: string; close(): Promise<void> };
let gateway: { url: string; close(): Promise<void> };
let drop: () => Promise<void>;

beforeAll(async () => {
  issuer = await createTestIssuer();
  const db = await createTestDatabase('gw_record_files');
  drop = db.drop;
  record = await createRecordService(
    loadRecordEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: 'memory://',
      FILES_PUBLIC_URL: PUBLIC,
      ...(db.url ? { RECORD_DATABASE_URL: db.url } : {}),
    }),
    { verifier: issuer.verifier },
  );
  recordHttp = await record.subgraph.listen(0);
  const serviceToken = await issuer.sign({ role: 'service', sub: 'gateway', scope: 'gateway' });
  const g = await createGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: { record: `${recordHttp.url}/graphql` },
    verifier: issuer.verifier,
    limits: { maxDepth: 10, maxAliases: 15, maxCost: 20000 },
    production: false,
    logLevel: 'silent',
    // The test client stands behind a trusted proxy: its address comes from X-Forwarded-For.
    trustedProxies: ['127.0.0.1'],
    serviceToken: async () => serviceToken,
  });
  gateway = await g.listen(0);
});
afterAll(async () => {
  await gateway?.close();
  await recordHttp?.close();
  await record?.close();
  await drop?.();
});

const viaGateway = (url: string) => {
  expect(url.startsWith(`${PUBLIC}/`)).toBe(true);
  return `${gateway.url}/files/record/${url.slice(PUBLIC.length + 1)}`;
};

describe('record files through the gateway', () => {
  it('uploads and downloads an attachment through /files/record, audited with the forwarded client address', async () => {
    const doctorId = randomUUID();
    const patientId = randomUUID();
    const doctor = await issuer.sign({ role: 'doctor', sub: doctorId });
    const patient = await issuer.sign({ role: 'patient', sub: randomUUID(), pid: patientId });
    await record.stores.care.grant(
      doctorId,
      patientId,
      `test:${randomUUID()}`,
      new Date(Date.now() + 86_400_000),
    );
    const { visit } = await record.stores.visits.openVisit({
      patientId,
      appointmentId: randomUUID(),
      doctorAccountId: doctorId,
      specialistId: null,
      branchId: null,
      startedAt: new Date(),
    });
    const api = `${gateway.url}/graphql`;
    const up = await gql(
      api,
      'mutation($i: RequestAttachmentUploadInput!) { requestAttachmentUpload(input: $i) { ok link { url } } }',
      { i: { visitId: visit.id } },
      { token: doctor },
    );
    expect(up.errors).toBeUndefined();
    expect(up.data.requestAttachmentUpload.ok).toBe(true);
    const pdf = samplePdf('gateway');
    const posted = await fetch(viaGateway(up.data.requestAttachmentUpload.link.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${doctor}`, 'x-file-name': encodeURIComponent('выписка.pdf') },
      body: new Uint8Array(pdf),
    });
    expect(posted.status).toBe(201);
    const { attachment } = (await posted.json()) as { attachment: { id: string } };

    const down = await gql(
      api,
      'mutation($i: RequestDownloadInput!) { requestDownload(input: $i) { ok link { url } } }',
      { i: { attachmentId: attachment.id } },
      { token: doctor },
    );
    const url = viaGateway(down.data.requestDownload.link.url);
    const got = await fetch(url, {
      headers: { authorization: `Bearer ${doctor}`, 'x-forwarded-for': '203.0.113.7' },
    });
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
    expect(got.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''%D0%B2%D1%8B%D0%BF%D0%B8%D1%81%D0%BA%D0%B0.pdf",
    );
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    // Another caller with the same link: refused by the subgraph, passed on by the gateway.
    const other = await fetch(url, { headers: { authorization: `Bearer ${patient}` } });
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });

    const events = await record.stores.audit.forPatient(patientId);
    const download = events.find((e) => e.operation === 'downloadAttachment');
    expect(download).toMatchObject({
      actorId: doctorId,
      purpose: 'careRelationship',
      clientAddress: '203.0.113.7',
    });
    expect(download!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
