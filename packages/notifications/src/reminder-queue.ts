import { createHash } from 'node:crypto';
import type { Database } from '@medikamente/runtime';
import { type ConstructorOptions, fromPglite, type Job, PgBoss } from 'pg-boss';
import type { NotifierLogger } from './notifier';

export type ReminderQueueOptions = {
  /** The owning service's database: jobs live in its `pgboss` schema. */
  database: Database;
  /** Postgres URL for pg-boss's own pool; defaults to the URL `database` was opened with. */
  connectionString?: string | undefined;
  /** Queue name (default `reminders`). */
  queue?: string;
  /** Retries of a failing job (default 5), with exponential backoff from `retryDelaySeconds`. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryDelayMaxSeconds?: number;
  /** A job active longer than this (a crashed worker) is retried (default 15 min). */
  expireInSeconds?: number;
  /** How long finished jobs (and so their keys) are kept (default 30 days). */
  keepFinishedSeconds?: number;
  /** How often an idle worker looks for due jobs (default 2 s). */
  pollingIntervalSeconds?: number;
  /**
   * How often expired active jobs (a crashed worker's) are put back for retry: pg-boss's supervise
   * and per-queue monitor intervals (pg-boss default 60 s).
   */
  superviseIntervalSeconds?: number;
  logger?: NotifierLogger;
};

/** What a job handler is told besides the data. */
export type ReminderJobInfo = { id: string; retryCount: number };

/**
 * Persisted delayed jobs on pg-boss (Postgres, or PGlite through its adapter). A job scheduled
 * before a process exits runs after the next start; a failing handler is retried with backoff.
 * Each key maps to one job id, so scheduling the same key again does nothing while the job
 * (or its record, kept `keepFinishedSeconds` after it finished or was cancelled) exists.
 */
export class ReminderQueue {
  readonly queue: string;
  private boss: PgBoss | undefined;

  constructor(private readonly opts: ReminderQueueOptions) {
    this.queue = opts.queue ?? 'reminders';
  }

  /** Installs/migrates pg-boss's schema if needed, creates the queue and starts maintenance. */
  async start(): Promise<void> {
    if (this.boss) return;
    const boss = new PgBoss(this.bossOptions());
    // pg-boss reports background failures as events; an unhandled 'error' event would crash.
    boss.on('error', (err) =>
      this.opts.logger?.warn({ queue: this.queue, err: err.message }, 'pg-boss error'),
    );
    await boss.start();
    await boss.createQueue(this.queue, {
      retryLimit: this.opts.retryLimit ?? 5,
      retryDelay: this.opts.retryDelaySeconds ?? 30,
      retryBackoff: true,
      ...(this.opts.retryDelayMaxSeconds ? { retryDelayMax: this.opts.retryDelayMaxSeconds } : {}),
      expireInSeconds: this.opts.expireInSeconds ?? 15 * 60,
      deleteAfterSeconds: this.opts.keepFinishedSeconds ?? 30 * 86_400,
    });
    this.boss = boss;
  }

  /**
   * Stops workers and maintenance. `graceful` (default) waits for running handlers; otherwise
   * they are abandoned like in a crash, and their jobs run again after `expireInSeconds`.
   */
  async stop(options: { graceful?: boolean; timeoutMs?: number } = {}): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    this.boss = undefined;
    await boss.stop({
      graceful: options.graceful ?? true,
      close: true,
      timeout: options.timeoutMs ?? 10_000,
    });
  }

  /**
   * Enqueues `data` to run at `startAfter`, once per key. Resolves to false when the key was
   * already scheduled (pending, done or cancelled).
   */
  async schedule(input: { key: string; startAfter: Date; data: object }): Promise<boolean> {
    const id = await this.started().send(this.queue, input.data, {
      id: this.jobId(input.key),
      singletonKey: input.key,
      startAfter: input.startAfter,
    });
    return id !== null;
  }

  /** Cancels the key's job if it has not run yet; the key stays used. Resolves to whether one was cancelled. */
  async cancel(key: string): Promise<boolean> {
    const res = await this.started().cancel(this.queue, this.jobId(key));
    return ((res as { affected?: number }).affected ?? 0) > 0;
  }

  /** The state of the key's job (`created`, `retry`, `active`, `completed`, `cancelled`, `failed`), if any. */
  async state(key: string): Promise<string | undefined> {
    const [job] = await this.started().findJobs(this.queue, { id: this.jobId(key) });
    return job?.state;
  }

  /**
   * Runs `handler` for due jobs, one at a time per worker. A handler that throws makes pg-boss
   * retry the job with backoff (up to `retryLimit`).
   */
  async work<T = unknown>(handler: (data: T, job: ReminderJobInfo) => Promise<void>): Promise<void> {
    await this.started().work<T>(
      this.queue,
      { batchSize: 1, pollingIntervalSeconds: this.opts.pollingIntervalSeconds ?? 2, includeMetadata: true },
      async (jobs: Job<T>[]) => {
        for (const job of jobs) {
          await handler(job.data, {
            id: job.id,
            retryCount: (job as { retryCount?: number }).retryCount ?? 0,
          });
        }
      },
    );
  }

  /** A stable job id (UUID form) for a key: the same key never makes a second job. */
  jobId(key: string): string {
    const h = createHash('sha256').update(`${this.queue}\u0000${key}`).digest('hex');
    // Shaped as a version-5-style UUID so that pg-boss's uuid column accepts it.
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error(`ReminderQueue ${this.queue} is not started`);
    return this.boss;
  }

  private bossOptions(): ConstructorOptions {
    const { database } = this.opts;
    const native = database.native;
    const common: ConstructorOptions = {
      application_name: 'reminder-queue',
      ...(this.opts.superviseIntervalSeconds
        ? {
            superviseIntervalSeconds: this.opts.superviseIntervalSeconds,
            monitorIntervalSeconds: this.opts.superviseIntervalSeconds,
          }
        : {}),
    };
    if (database.kind === 'pglite') {
      if (!native || !('pglite' in native))
        throw new Error('ReminderQueue needs the PGlite instance (database.native)');
      // One connection shared with the service; PGlite serialises statements and transactions.
      return { ...common, db: fromPglite(native.pglite), backend: 'pglite' };
    }
    const url = this.opts.connectionString ?? (native && 'url' in native ? native.url : undefined);
    if (!url) throw new Error('ReminderQueue needs a connection string for Postgres');
    return { ...common, connectionString: url, max: 4 };
  }
}
