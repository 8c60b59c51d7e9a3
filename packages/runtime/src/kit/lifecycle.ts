import type { Logger } from '../logger';
import type { RunningServer } from '../server';

/** A background job of a subgraph (sweepers, schedulers, key refresh): started after the server is built. */
export type Job = { start(): unknown; stop(): unknown };

/**
 * A job that runs `run` every `everyMs`, never two runs at once (a slow run skips the ticks it
 * overlaps); a failed run goes to `onError` and the next tick runs again. The timer does not keep
 * the process alive.
 */
export function periodicJob(
  run: () => Promise<unknown>,
  everyMs: number,
  onError: (err: unknown) => void,
): Job {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  return {
    start: () => {
      timer = setInterval(() => {
        if (running) return;
        running = true;
        run()
          .catch(onError)
          .finally(() => {
            running = false;
          });
      }, everyMs);
      timer.unref();
    },
    stop: () => clearInterval(timer),
  };
}

/**
 * What a service must release, released in reverse order of acquisition (servers first, the
 * database last). `close()` runs once; later calls wait for the first.
 */
export class Lifecycle {
  private readonly steps: Array<() => unknown> = [];
  private closing: Promise<void> | undefined;

  /** Registers a release step; the last registered runs first. */
  onClose(step: () => unknown): void {
    this.steps.push(step);
  }

  /** Starts jobs in order; each started one is stopped on close (before what was registered earlier). */
  async start(jobs: Job[]): Promise<void> {
    for (const job of jobs) {
      await job.start();
      this.onClose(() => job.stop());
    }
  }

  /** Keeps a running server until close. */
  track(server: RunningServer): RunningServer {
    let closed: Promise<void> | undefined;
    const once = {
      ...server,
      close: () => {
        closed ??= server.close();
        return closed;
      },
    };
    this.onClose(once.close);
    return once;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const step of this.steps.splice(0).reverse()) await step();
    })();
    return this.closing;
  }
}

/**
 * Stops a deployable gracefully on SIGTERM/SIGINT: `stop` closes HTTP, jobs and the database in
 * order, then the process exits (0, or 1 when stopping failed).
 */
export function exitOnSignals(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const onSignal = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    try {
      await stop();
      process.exit(0);
    } catch (err) {
      logger.error({ err: (err as Error).message }, 'stopping failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
