/**
 * Attachment throughput of `pnpm bench:record`: for each file size, on the file system and on S3
 * (s3rver on 127.0.0.1 in a process of its own, objects on the same disk):
 *  - the storage port alone (put, get), and with the record's sealing (AES-256-GCM under the
 *    patient's data key before put, opened after get), and the sealing alone;
 *  - the record subgraph's file routes over HTTP as a client uses them: upload = the
 *    `requestAttachmentUpload` link, then POST of the raw bytes (sniffed, sealed, stored, audited);
 *    download = the `requestDownload` link, then GET (authorised again, opened, audited).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BlobStorage, FileBlobStorage, S3BlobStorage, type TokenVerifier } from '@medikamente/runtime';
import { createTestDatabase, gql } from '@medikamente/runtime/testing/tools';
import { createRecordService, loadRecordEnv, type RecordService } from '@medikamente/subgraph-record';
import { measureInterleaved, type Path } from './measure';
import { startS3rverProcess } from './s3rver-process';

export type FileRow = {
  storage: string;
  sizeMb: number;
  name: string;
  p50: number;
  /** MB/s; null for rows that move no file. */
  mbps: number | null;
};
type Issuer = { verifier: TokenVerifier; sign(c: { role: string; sub: string }): Promise<string> };

/**
 * A PDF of `mb` megabytes like a scanned page: one image stream of incompressible bytes (as a
 * JPEG inside a PDF is) in a valid file with a cross-reference table.
 */
export function scanPdf(mb: number): Buffer {
  const image = randomBytes(mb * 1024 * 1024 - 700);
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  const add = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  const obj = (n: number, body: string, stream?: Buffer) => {
    offsets.push(length);
    add(Buffer.from(`${n} 0 obj\n${body}\n`, 'latin1'));
    if (stream) {
      add(Buffer.from('stream\n', 'latin1'));
      add(stream);
      add(Buffer.from('\nendstream\n', 'latin1'));
    }
    add(Buffer.from('endobj\n', 'latin1'));
  };
  const draw = 'q 595 0 0 842 0 0 cm /Im1 Do Q';
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  obj(
    3,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>',
  );
  obj(4, `<< /Length ${draw.length} >>`, Buffer.from(draw, 'latin1'));
  obj(
    5,
    `<< /Type /XObject /Subtype /Image /Width 2480 /Height 3508 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${image.length} >>`,
    image,
  );
  const xref = length;
  let tail = `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) tail += `${String(o).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  add(Buffer.from(tail, 'latin1'));
  return Buffer.concat(parts);
}

const UPLOAD = `mutation ($i: RequestAttachmentUploadInput!) { requestAttachmentUpload(input: $i) { ok inputErrors { field code } link { url } } }`;
const DOWNLOAD = `mutation ($i: RequestDownloadInput!) { requestDownload(input: $i) { ok inputErrors { field code } link { url } } }`;
const OPEN = `mutation ($i: OpenVisitInput!) { openVisit(input: $i) { ok inputErrors { field code } visit { id } } }`;

const agent = new Agent({ keepAlive: true });

/** One HTTP request with node:http (no body copies on the client side, unlike fetch); the whole answer. */
function send(
  url: string,
  method: 'GET' | 'POST',
  headers: Record<string, string>,
  body?: Buffer,
): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method, agent, headers: body ? { ...headers, 'content-length': String(body.length) } : headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A client of one running record subgraph: a doctor in care of a patient with an open visit. */
async function fileClient(service: RecordService, base: string, issuer: Issuer) {
  const doctor = randomUUID();
  const token = await issuer.sign({ role: 'doctor', sub: doctor });
  const patientId = randomUUID();
  const appointmentId = randomUUID();
  await service.stores.care.grant(
    doctor,
    patientId,
    `appointment:${appointmentId}`,
    new Date(Date.now() + 86_400_000),
  );
  const mutate = async (query: string, i: Record<string, unknown>) => {
    const r = await gql(`${base}/graphql`, query, { i }, { token });
    const payload = r.data && (Object.values(r.data)[0] as any);
    if (r.errors?.length || !payload?.ok) throw new Error(JSON.stringify(r.errors ?? payload?.inputErrors));
    return payload;
  };
  const visitId = (await mutate(OPEN, { patientId, appointmentId })).visit.id as string;
  // Links name this service's configured public URL; the path is what matters here.
  const here = (url: string) => `${base}${new URL(url).pathname}`;
  const auth = { authorization: `Bearer ${token}` };
  return {
    /** The GraphQL half of an upload or a download alone. */
    async links(attachmentId: string): Promise<void> {
      await mutate(UPLOAD, { visitId });
      await mutate(DOWNLOAD, { attachmentId });
    },
    async upload(file: Buffer): Promise<string> {
      const { link } = await mutate(UPLOAD, { visitId });
      const res = await send(
        here(link.url),
        'POST',
        {
          ...auth,
          'content-type': 'application/pdf',
          'x-file-name': encodeURIComponent('Скан выписки.pdf'),
        },
        file,
      );
      const body = JSON.parse(res.body.toString('utf8'));
      if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(body)}`);
      return body.attachment.id as string;
    },
    async download(attachmentId: string): Promise<Buffer> {
      const { link } = await mutate(DOWNLOAD, { attachmentId });
      const res = await send(here(link.url), 'GET', auth);
      if (res.status !== 200) throw new Error(`download: ${res.status} ${res.body.toString('utf8')}`);
      return res.body;
    },
  };
}

export async function benchFiles(opts: {
  issuer: Issuer;
  sizesMb: number[];
  iterations: number;
  log(s: string): void;
}): Promise<FileRow[]> {
  const rows: FileRow[] = [];
  const record = (storage: string, sizeMb: number, name: string, p50: number) =>
    rows.push({
      storage,
      sizeMb,
      name,
      p50,
      mbps: name.includes('link alone') ? null : sizeMb / (p50 / 1000),
    });
  const cleanup: Array<() => Promise<unknown>> = [];
  try {
    const dir = await mkdtemp(join(tmpdir(), 'mk-bench-files-'));
    cleanup.unshift(() => rm(dir, { recursive: true, force: true }));
    cleanup.push(async () => agent.destroy());
    const s3 = await startS3rverProcess();
    cleanup.unshift(() => s3.close());
    // The record subgraph twice on one database: files on disk, and on the S3 server.
    const db = await createTestDatabase('bench_files');
    cleanup.unshift(db.drop);
    const settings = {
      fs: { RECORD_STORAGE: 'fs', RECORD_STORAGE_DIR: join(dir, 'record') },
      s3: s3.env('RECORD'),
    };
    const services: Record<
      string,
      { storage: BlobStorage; client?: Awaited<ReturnType<typeof fileClient>> }
    > = {
      'file system': { storage: new FileBlobStorage(join(dir, 'raw')) },
      'S3 (s3rver)': { storage: new S3BlobStorage(s3) },
    };
    let first: RecordService | undefined;
    for (const [name, extra] of [
      ['file system', settings.fs],
      ['S3 (s3rver)', settings.s3],
    ] as const) {
      cleanup.unshift(() => services[name]!.storage.close());
      const env = loadRecordEnv({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: 'memory://',
        ...(db.url ? { RECORD_DATABASE_URL: db.url } : {}),
        ...extra,
      });
      const service = await createRecordService(env, {
        verifier: opts.issuer.verifier,
        background: false,
        database: first?.database,
      });
      first ??= service;
      cleanup.unshift(() => service.close());
      const running = await service.listen(0, '127.0.0.1');
      services[name]!.client = await fileClient(service, running.url, opts.issuer);
    }

    // A patient's data key as the services use it (for the storage rows and the sealing alone).
    const key = await first!.stores.keyring.keyFor(randomUUID(), 'HEALTH');
    for (const sizeMb of opts.sizesMb) {
      const file = scanPdf(sizeMb);
      const at = { table: 'attachment', column: 'content', row: randomUUID() };
      const sealed = key.sealBytes(file, at);
      const paths: Array<Path & { storage: string }> = [
        {
          storage: '—',
          name: 'sealBytes alone (AES-256-GCM)',
          run: async () => void key.sealBytes(file, at),
        },
        { storage: '—', name: 'openBytes alone', run: async () => void key.openBytes(sealed, at) },
      ];
      for (const [storageName, { storage, client }] of Object.entries(services)) {
        const plain = `bench/${randomUUID()}`;
        const sealedKey = `bench/${randomUUID()}`;
        const on = (name: string, run: () => Promise<void>) =>
          paths.push({ storage: storageName, name, run });
        on('storage put', () => storage.put(plain, file));
        on('storage get', async () => {
          if ((await storage.get(plain))?.length !== file.length) throw new Error('storage get: wrong size');
        });
        on('seal + put', () => storage.put(sealedKey, key.sealBytes(file, at)));
        on('get + open', async () => {
          if (!key.openBytes((await storage.get(sealedKey))!, at).equals(file))
            throw new Error('round trip differs');
        });
        if (!client) continue;
        let uploaded: string | null = null;
        if (sizeMb === opts.sizesMb[0] && storageName === 'file system')
          paths.push({
            storage: '—',
            name: 'upload link + download link alone (2 GraphQL mutations)',
            run: async () => {
              uploaded ??= await client.upload(file);
              await client.links(uploaded);
            },
          });
        on('HTTP upload (link + POST)', async () => {
          uploaded = await client.upload(file);
        });
        on('HTTP download (link + GET)', async () => {
          uploaded ??= await client.upload(file);
          if (!(await client.download(uploaded)).equals(file))
            throw new Error('download differs from the upload');
        });
      }
      // Side by side (rotated order per round), so that a busy moment of the machine hits all.
      const timings = await measureInterleaved(paths, opts.iterations, 1);
      for (const [i, t] of timings.entries()) record(paths[i]!.storage, sizeMb, t.name, t.p50);
      opts.log(`files: ${sizeMb} MB done`);
    }
  } finally {
    for (const c of cleanup) await c().catch(() => {});
  }
  return rows;
}
