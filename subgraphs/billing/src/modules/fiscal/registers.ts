import { randomUUID } from 'node:crypto';
import type { FiscalOutcome, FiscalRegister, FiscalTask } from './fiscal.port';

/** A configured register: its stable id (kept on payments, receipts, shifts) and its driver. */
export type RegisterEntry = { id: string; register: FiscalRegister };

/**
 * The clinic's registers: one per branch desk (FISCAL_REGISTERS "branchId=url,…"), a default for
 * branches without their own (FISCAL_REGISTER_URL), and the register of online payments
 * (ONLINE_FISCAL_URL; cloud registers keep their shift open themselves).
 */
export class Registers {
  private readonly byId = new Map<string, RegisterEntry>();

  constructor(
    private readonly byBranch: Map<string, RegisterEntry>,
    private readonly fallback: RegisterEntry | null,
    readonly online: RegisterEntry | null,
  ) {
    for (const e of [...byBranch.values(), fallback, online]) if (e) this.byId.set(e.id, e);
  }

  forBranch(branchId: string): RegisterEntry | null {
    return this.byBranch.get(branchId) ?? this.fallback;
  }

  get(id: string): RegisterEntry | null {
    return this.byId.get(id) ?? null;
  }

  /** Builds the directory from settings with a driver factory (the ATOL adapter in production). */
  static fromSettings(
    s: { branches: Record<string, string>; defaultUrl?: string | undefined; onlineUrl?: string | undefined },
    driver: (url: string) => FiscalRegister,
  ): Registers {
    const byBranch = new Map(
      Object.entries(s.branches).map(([branchId, url]) => [
        branchId,
        { id: `branch:${branchId}`, register: driver(url) },
      ]),
    );
    return new Registers(
      byBranch,
      s.defaultUrl ? { id: 'desk', register: driver(s.defaultUrl) } : null,
      s.onlineUrl ? { id: 'online', register: driver(s.onlineUrl) } : null,
    );
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs a task under `uuid` exactly once on the register and waits (bounded) for its outcome:
 * asks first (a retry after a lost answer must not print twice), submits only when the register
 * has never seen the uuid, then polls. `pending` when it is still queued after `waitMs`.
 * Throws FiscalUnavailableError when the register cannot be reached.
 */
export async function runFiscalTask(
  register: FiscalRegister,
  uuid: string,
  task: FiscalTask,
  opts: { waitMs: number; pollMs?: number } = { waitMs: 5000 },
): Promise<FiscalOutcome> {
  let outcome = await register.outcome(uuid);
  if (outcome.status === 'unknown') {
    await register.submit(uuid, task);
    outcome = await register.outcome(uuid);
  }
  const deadline = Date.now() + opts.waitMs;
  // A receipt takes the register tens of milliseconds: ask soon, then back off to `pollMs`.
  let pause = 10;
  while ((outcome.status === 'pending' || outcome.status === 'unknown') && Date.now() < deadline) {
    await sleep(pause);
    pause = Math.min(pause * 2, opts.pollMs ?? 100);
    outcome = await register.outcome(uuid);
  }
  return outcome.status === 'unknown' ? { status: 'pending' } : outcome;
}

/**
 * A register that keeps its own shift (the online one, as cloud registers do): opens a shift when
 * none is open, closing one that has run past 24 hours first.
 */
export async function ensureOpenShift(register: FiscalRegister, waitMs: number): Promise<void> {
  const report = await register.shiftReport();
  if (report.open && !report.expired) return;
  if (report.open)
    await runFiscalTask(
      register,
      randomUUID(),
      { type: 'closeShift', operatorName: 'Интернет-касса' },
      { waitMs },
    );
  await runFiscalTask(
    register,
    randomUUID(),
    { type: 'openShift', operatorName: 'Интернет-касса' },
    { waitMs },
  );
}
