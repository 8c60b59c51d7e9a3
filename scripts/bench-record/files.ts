/**
 * Attachment throughput of `pnpm bench:record`: for each file size, on the file system and on S3
 * (s3rver on 127.0.0.1), the storage port alone (put, get), the same with the record's sealing
 * (AES-256-GCM under the patient's data key before put, opened after get), and the sealing alone.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type BlobStorage, FileBlobStorage, S3BlobStorage, SubjectKeyring, type TokenVerifier, Envelope, generateMasterKey, openDatabase, KEYRING_MIGRATION } from '@medikamente/runtime';
import { samplePdf, startS3rver } from '@medikamente/runtime/testing';
import { summarise } from './measure';

export type FileRow = { storage: string; sizeMb: number; name: string; p50: number; mbps: number };
type Issuer = { verifier: TokenVerifier; sign(c: { role: string; sub: string }): Promise<string> };

/** A PDF of `mb` megabytes: a real header, then incompressible bytes (like a scan). */
export function pdfOfSize(mb: number): Buffer {
  const head = Buffer.from(samplePdf('Бенчмарк'));
  return Buffer.concat([head, randomBytes(mb * 1024 * 1024 - head.length)]);
}

async function timed(iterations: number, fn: () => Promise<void>): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarise('', samples).p50;
}

export async function benchFiles(opts: {
  issuer: Issuer;
  sizesMb: number[];
  iterations: number;
  log(s: string): void;
}): Promise<{ rows: FileRow[]; note: string | null }> {
  const rows: FileRow[] = [];
  const record = (storage: string, sizeMb: number, name: string, p50: number) =>
    rows.push({ storage, sizeMb, name, p50, mbps: sizeMb / (p50 / 1000) });
  const dir = await mkdtemp(join(tmpdir(), 'mk-bench-files-'));
  const s3 = await startS3rver();
  const keysDb = await openDatabase({ dataDir: 'memory://', migrations: [KEYRING_MIGRATION] });
  const keyring = new SubjectKeyring(keysDb, Envelope.fromBase64(generateMasterKey()));
  const key = await keyring.keyFor(randomUUID(), 'HEALTH');
  const storages: Array<[string, BlobStorage]> = [
    ['file system', new FileBlobStorage(dir)],
    ['S3 (s3rver)', new S3BlobStorage(s3)],
  ];
  try {
    for (const sizeMb of opts.sizesMb) {
      const file = pdfOfSize(sizeMb);
      const at = { table: 'attachment', column: 'content', row: randomUUID() };
      const sealed = key.sealBytes(file, at);
      record('—', sizeMb, 'sealBytes alone (AES-256-GCM)', await timed(opts.iterations, async () => void key.sealBytes(file, at)));
      record('—', sizeMb, 'openBytes alone', await timed(opts.iterations, async () => void key.openBytes(sealed, at)));
      for (const [name, storage] of storages) {
        const k = `bench/${randomUUID()}`;
        record(name, sizeMb, 'storage put', await timed(opts.iterations, () => storage.put(k, file)));
        record(name, sizeMb, 'storage get', await timed(opts.iterations, async () => void (await storage.get(k))));
        const s = `bench/${randomUUID()}`;
        record(name, sizeMb, 'seal + put', await timed(opts.iterations, () => storage.put(s, key.sealBytes(file, at))));
        record(name, sizeMb, 'get + open', await timed(opts.iterations, async () => {
          const bytes = await storage.get(s);
          if (!key.openBytes(bytes!, at).equals(file)) throw new Error('round trip differs');
        }));
      }
      opts.log(`files: ${sizeMb} MB done`);
    }
  } finally {
    for (const [, storage] of storages) await storage.close();
    await s3.close();
    await keysDb.close();
    await rm(dir, { recursive: true, force: true });
  }
  return { rows, note: null };
}
