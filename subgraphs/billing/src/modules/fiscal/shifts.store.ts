import type { Database } from '@medikamente/runtime';
import type { ShiftReport } from './fiscal.port';

export type ShiftRecord = {
  id: string;
  registerId: string;
  branchId: string | null;
  status: 'OPEN' | 'CLOSED';
  shiftNumber: number | null;
  openedBy: string;
  openedAt: Date;
  closedBy: string | null;
  closedAt: Date | null;
  closeReport: ShiftReport | null;
};
type Row = {
  id: string;
  register_id: string;
  branch_id: string | null;
  status: ShiftRecord['status'];
  shift_number: number | null;
  opened_by: string;
  opened_at: Date | string;
  closed_by: string | null;
  closed_at: Date | string | null;
  close_report: ShiftReport | string | null;
};
const toRecord = (r: Row): ShiftRecord => ({
  id: String(r.id),
  registerId: r.register_id,
  branchId: r.branch_id === null ? null : String(r.branch_id),
  status: r.status,
  shiftNumber: r.shift_number === null ? null : Number(r.shift_number),
  openedBy: r.opened_by,
  openedAt: new Date(r.opened_at),
  closedBy: r.closed_by,
  closedAt: r.closed_at === null ? null : new Date(r.closed_at),
  closeReport: typeof r.close_report === 'string' ? JSON.parse(r.close_report) : r.close_report,
});

/** Register shifts as the cashiers opened and closed them: all SQL of the module. */
export class ShiftStore {
  constructor(private readonly database: Database) {}

  async current(registerId: string): Promise<ShiftRecord | null> {
    const [row] = await this.database.query<Row>(
      `select * from fiscal_shift where register_id = $1 order by opened_at desc limit 1`,
      [registerId],
    );
    return row ? toRecord(row) : null;
  }

  /** Shifts of a register that were open at some time of [from, to). */
  async during(registerId: string, from: Date, to: Date): Promise<ShiftRecord[]> {
    const rows = await this.database.query<Row>(
      `select * from fiscal_shift where register_id = $1 and opened_at < $3 and (closed_at is null or closed_at >= $2)
        order by opened_at`,
      [registerId, from, to],
    );
    return rows.map(toRecord);
  }

  /** Opens a shift record; null when the register already has an open one. */
  async open(s: {
    id: string;
    registerId: string;
    branchId: string | null;
    openedBy: string;
  }): Promise<ShiftRecord | null> {
    const rows = await this.database.query<Row>(
      `insert into fiscal_shift (id, register_id, branch_id, status, opened_by) values ($1, $2, $3, 'OPEN', $4)
       on conflict do nothing returning *`,
      [s.id, s.registerId, s.branchId, s.openedBy],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async numbered(id: string, shiftNumber: number): Promise<void> {
    await this.database.query('update fiscal_shift set shift_number = $2 where id = $1', [id, shiftNumber]);
  }

  async close(id: string, by: string, report: ShiftReport | null): Promise<ShiftRecord | null> {
    const [row] = await this.database.query<Row>(
      `update fiscal_shift set status = 'CLOSED', closed_by = $2, closed_at = now(), close_report = $3
        where id = $1 and status = 'OPEN' returning *`,
      [id, by, report === null ? null : JSON.stringify(report)],
    );
    return row ? toRecord(row) : null;
  }
}
