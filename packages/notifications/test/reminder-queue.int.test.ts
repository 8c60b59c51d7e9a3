import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, openDatabase } from '@medikamente/runtime';
import { createTestDatabase } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  emailChannel,
  NOTIFICATIONS_MIGRATION,
  Notifier,
  ReminderQueue,
  reminderMessage,
} from '../src/index';
import { startSmtp, testRecipient, waitFor } from './support';

/**
 * Each "process" opens its own Database: on Postgres a new pool to the same server database,
 * on PGlite the same data directory on disk after the previous owner closed it.
 */
let url: string | undefined;
let dataDir: string;
let dropDb: () => Promise<void>;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const open = () => openDatabase({ url, dataDir, migrations: [NOTIFICATIONS_MIGRATION] });

beforeAll(async () => {
  const db = await createTestDatabase('queue');
  url = db.url;
  dropDb = db.drop;
  dataDir = mkdtempSync(join(tmpdir(), 'mk-queue-'));
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp?.close();
  await dropDb?.();
  rmSync(dataDir, { recursive: true, force: true });
});

type Job = { appointmentId: string; email: string };

/** The worker a reminder service would run: sends the job's reminder through the Notifier. */
function reminderHandler(database: Database, calls: Job[]) {
  const email = emailChannel({
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    from: 'noreply@clinic.test',
  });
  const notifier = new Notifier({ database, channels: [email], backoffMs: () => 0 });
  const handle = async (job: Job) => {
    calls.push(job);
    await notifier.send({
      dedupeKey: `reminder:${job.appointmentId}:patient-24h`,
      kind: 'appointment-reminder',
      recipient: testRecipient({ ref: randomUUID(), email: job.email, preferred: ['email'] }),
      message: reminderMessage({
        patientName: 'Анна',
        doctorName: 'Иванов И. И.',
        startsAtLocal: '25 ноября 2026 в 09:30',
        branchName: 'Клиника',
        confirmUrl: `https://portal.example/r/c-${job.appointmentId}`,
        cancelUrl: `https://portal.example/r/x-${job.appointmentId}`,
      }),
    });
  };
  return { handle, close: () => email.close() };
}
const mailsTo = (address: string) => smtp.mails.filter((m) => JSON.stringify(m.to).includes(address));

describe('ReminderQueue (pg-boss)', () => {
  it('runs a job scheduled before a crash exactly once in the next process', async () => {
    const queue = `reminders-${randomUUID().slice(0, 8)}`;
    const job: Job = { appointmentId: randomUUID(), email: `p-${randomUUID().slice(0, 8)}@example.test` };
    const key = `reminder:${job.appointmentId}:1764052200000`;

    // Process 1: schedules the reminder and dies before it is due (no worker ran, no graceful stop).
    const db1 = await open();
    const q1 = new ReminderQueue({ database: db1, queue });
    await q1.start();
    expect(await q1.schedule({ key, startAfter: new Date(Date.now() + 1500), data: job })).toBe(true);
    expect(await q1.schedule({ key, startAfter: new Date(), data: job })).toBe(false);
    expect(await q1.state(key)).toBe('created');
    await q1.stop({ graceful: false });
    await db1.close();
    expect(mailsTo(job.email)).toHaveLength(0);

    // Process 2: a new instance on the same database picks the persisted job up.
    const db2 = await open();
    const q2 = new ReminderQueue({ database: db2, queue, pollingIntervalSeconds: 0.5 });
    const calls: Job[] = [];
    const worker = reminderHandler(db2, calls);
    try {
      await q2.start();
      await q2.work<Job>(worker.handle);
      await waitFor(async () => (await q2.state(key)) === 'completed', 'the job to complete');
      expect(calls).toEqual([job]);
      expect(mailsTo(job.email)).toHaveLength(1);
      const mail = mailsTo(job.email)[0]!;
      expect(mail.subject).toBe('Напоминание о приёме 25 ноября 2026 в 09:30');
      expect(mail.text).toContain(`https://portal.example/r/c-${job.appointmentId}`);

      // The scheduler runs again: the key is never enqueued twice.
      expect(await q2.schedule({ key, startAfter: new Date(), data: job })).toBe(false);
      // The handler runs again for the same reminder (e.g. a redelivered job): still one e-mail.
      await worker.handle(job);
      expect(calls).toHaveLength(2);
      expect(mailsTo(job.email)).toHaveLength(1);
    } finally {
      await q2.stop({ graceful: true });
      worker.close();
      await db2.close();
    }
  });

  it('a worker process killed (SIGKILL) mid-job: the job runs again in a new process, one e-mail in all', async (ctx) => {
    // A second OS process needs a database server; embedded PGlite belongs to one process.
    if (!url) ctx.skip();
    const queue = `reminders-${randomUUID().slice(0, 8)}`;
    const job: Job = { appointmentId: randomUUID(), email: `p-${randomUUID().slice(0, 8)}@example.test` };
    const key = `reminder:${job.appointmentId}:1`;
    // One OS process (node with the tsx loader), so that SIGKILL kills the worker itself and
    // not only a wrapper that would leave it running.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./fixtures/crash-worker.ts', import.meta.url))],
      {
        env: {
          ...process.env,
          DB_URL: url,
          QUEUE: queue,
          KEY: key,
          SMTP_PORT: String(smtp.port),
          EMAIL: job.email,
          APPOINTMENT: job.appointmentId,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    try {
      await waitFor(() => out.includes('SENT') && mailsTo(job.email).length === 1, 'the child to send');
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');

    const database = await open();
    const q = new ReminderQueue({
      database,
      queue,
      pollingIntervalSeconds: 0.5,
      superviseIntervalSeconds: 1,
    });
    const calls: Job[] = [];
    const worker = reminderHandler(database, calls);
    try {
      expect(await q.state(key).catch(() => 'not started')).toBe('not started');
      await q.start();
      expect(await q.state(key)).toBe('active'); // the dead process never acknowledged it
      await q.work<Job>(worker.handle);
      await waitFor(
        async () => (await q.state(key)) === 'completed',
        'the expired job to be retried and complete',
      );
      expect(calls).toEqual([job]);
      expect(mailsTo(job.email)).toHaveLength(1);
    } finally {
      await q.stop();
      worker.close();
      await database.close();
    }
  });

  it('retries a failing handler with backoff; a retry after sending sends nothing more', async () => {
    const database = await open();
    const queue = `reminders-${randomUUID().slice(0, 8)}`;
    const q = new ReminderQueue({ database, queue, retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 });
    const calls: Job[] = [];
    const worker = reminderHandler(database, calls);
    const job: Job = { appointmentId: randomUUID(), email: `p-${randomUUID().slice(0, 8)}@example.test` };
    const key = `reminder:${job.appointmentId}:1`;
    try {
      await q.start();
      // The first run sends and then crashes before the job is acknowledged.
      await q.work<Job>(async (data, info) => {
        await worker.handle(data);
        if (info.retryCount === 0) throw new Error('crashed after sending');
      });
      await q.schedule({ key, startAfter: new Date(), data: job });
      await waitFor(async () => (await q.state(key)) === 'completed', 'the retried job to complete');
      expect(calls).toHaveLength(2);
      expect(mailsTo(job.email)).toHaveLength(1);
    } finally {
      await q.stop();
      worker.close();
      await database.close();
    }
  });

  it('cancels a pending job; the key stays used', async () => {
    const database = await open();
    const q = new ReminderQueue({ database, queue: `reminders-${randomUUID().slice(0, 8)}` });
    try {
      await q.start();
      const key = `reminder:${randomUUID()}:1`;
      expect(await q.cancel(key)).toBe(false);
      await q.schedule({ key, startAfter: new Date(Date.now() + 3_600_000), data: { n: 1 } });
      expect(await q.cancel(key)).toBe(true);
      expect(await q.state(key)).toBe('cancelled');
      expect(await q.schedule({ key, startAfter: new Date(), data: { n: 2 } })).toBe(false);
      // Different queues never share a key's job id.
      expect(q.jobId(key)).not.toBe(new ReminderQueue({ database, queue: 'other' }).jobId(key));
      expect(q.jobId(key)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      await q.stop();
      await database.close();
    }
  });
});
