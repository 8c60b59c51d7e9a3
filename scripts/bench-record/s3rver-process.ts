/**
 * s3rver in a process of its own for the throughput benchmark: `startS3rver` of the testing helpers
 * runs the server inside the calling process, where its request handling would share the event
 * loop with the client and the subgraph being measured. Same server, same settings, one bucket.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

// Run by plain node (CommonJS), resolving s3rver and the SDK where the runtime package has them.
const CHILD = `
const req = require('node:module').createRequire(process.env.RUNTIME_PACKAGE);
const S3rver = req('s3rver');
const { S3Client, CreateBucketCommand } = req('@aws-sdk/client-s3');
(async () => {
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory: process.env.S3_DIR, silent: true });
  const { port } = await server.run();
  const client = new S3Client({ endpoint: 'http://127.0.0.1:' + port, region: 'us-east-1', forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  await client.send(new CreateBucketCommand({ Bucket: process.env.S3_BUCKET }));
  client.destroy();
  console.log(JSON.stringify({ port }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

/** Starts s3rver as a child process; the result fits `new S3BlobStorage(…)` and `env(prefix)`. */
export async function startS3rverProcess() {
  const runtimePackage = createRequire(import.meta.url).resolve('@medikamente/runtime/testing/tools');
  const directory = await mkdtemp(join(tmpdir(), 'mk-bench-s3rver-'));
  const bucket = `bench-${randomBytes(6).toString('hex')}`;
  const child = spawn(process.execPath, ['-e', CHILD], {
    env: { ...process.env, RUNTIME_PACKAGE: runtimePackage, S3_DIR: directory, S3_BUCKET: bucket },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code})`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line).port));
  });
  const settings = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true as const,
  };
  return {
    ...settings,
    env: (prefix: string) => ({
      [`${prefix}_STORAGE`]: 's3',
      [`${prefix}_S3_ENDPOINT`]: settings.endpoint,
      [`${prefix}_S3_BUCKET`]: bucket,
      [`${prefix}_S3_REGION`]: settings.region,
      [`${prefix}_S3_ACCESS_KEY_ID`]: settings.accessKeyId,
      [`${prefix}_S3_SECRET_ACCESS_KEY`]: settings.secretAccessKey,
      [`${prefix}_S3_FORCE_PATH_STYLE`]: 'true',
    }),
    async close() {
      child.removeAllListeners('exit');
      await new Promise((r) => {
        child.once('exit', r);
        child.kill('SIGTERM');
      });
      await rm(directory, { recursive: true, force: true });
    },
  };
}
