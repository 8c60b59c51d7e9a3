import { createHash, randomUUID } from 'node:crypto';
import { appError, ErrorCode, type Logger, type Principal } from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import { FiscalUnavailableError } from './fiscal.port';
import { type Registers, runFiscalTask } from './registers';
import type { ShiftRecord, ShiftStore } from './shifts.store';

/** A stable UUID-shaped task id derived from a seed (the same close task on every retry). */
export function derivedUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The cashier opens the register's shift in the morning and closes it (Z-report) at closing time. */
export class ShiftService {
  constructor(
    private readonly deps: { registers: Registers; shifts: ShiftStore; logger: Logger; fiscalWaitMs: number },
  ) {}

  private registerOf(principal: Principal, branchId: string) {
    if (principal.branchIds.length > 0 && !principal.branchIds.includes(branchId))
      throw appError(ErrorCode.FORBIDDEN, 'Касса другого филиала');
    const register = this.deps.registers.forBranch(branchId);
    if (!register) throw appError(codes.REGISTER_NOT_CONFIGURED);
    return register;
  }

  async current(principal: Principal, branchId: string): Promise<ShiftRecord | null> {
    return this.deps.shifts.current(this.registerOf(principal, branchId).id);
  }

  async open(principal: Principal, branchId: string): Promise<ShiftRecord> {
    const register = this.registerOf(principal, branchId);
    const shift = await this.deps.shifts.open({
      id: randomUUID(),
      registerId: register.id,
      branchId,
      openedBy: principal.subject ?? 'unknown',
    });
    if (!shift) throw appError(codes.SHIFT_ALREADY_OPEN);
    const outcome = await this.run(register.register, shift.id, 'openShift');
    if (outcome.status === 'done') {
      await this.deps.shifts.numbered(shift.id, outcome.fiscal.shiftNumber);
      return { ...shift, shiftNumber: outcome.fiscal.shiftNumber };
    }
    await this.deps.shifts.close(shift.id, 'register', null);
    throw appError(
      codes.REGISTER_ERROR,
      outcome.status === 'error' ? `Касса: ${outcome.description}` : undefined,
    );
  }

  async close(principal: Principal, branchId: string): Promise<ShiftRecord> {
    const register = this.registerOf(principal, branchId);
    const shift = await this.deps.shifts.current(register.id);
    if (shift?.status !== 'OPEN') throw appError(codes.SHIFT_NOT_OPEN);
    const report = await this.guard(() => register.register.shiftReport());
    const outcome = await this.run(register.register, derivedUuid(`close:${shift.id}`), 'closeShift');
    if (outcome.status !== 'done')
      throw appError(
        codes.REGISTER_ERROR,
        outcome.status === 'error' ? `Касса: ${outcome.description}` : undefined,
      );
    return (await this.deps.shifts.close(shift.id, principal.subject ?? 'unknown', report)) ?? shift;
  }

  private async run(
    register: Parameters<typeof runFiscalTask>[0],
    uuid: string,
    type: 'openShift' | 'closeShift',
  ) {
    return this.guard(() =>
      runFiscalTask(register, uuid, { type, operatorName: 'Кассир' }, { waitMs: this.deps.fiscalWaitMs }),
    );
  }

  private async guard<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      if (e instanceof FiscalUnavailableError) throw appError(codes.REGISTER_UNAVAILABLE);
      throw e;
    }
  }
}
