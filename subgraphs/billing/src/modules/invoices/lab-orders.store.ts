import type { Database } from '@medikamente/runtime';

/** A schedule appointment as billing keeps it (from every appointment.* event). */
export type AppointmentFact = {
  appointmentId: string;
  patientId: string;
  doctorAccountId: string;
  branchId: string;
  startsAt: Date;
  status: string;
  /** The event's occurredAt: an older event never overwrites a newer one. */
  updatedAt: Date;
};

/** One test of a lab order: the catalogue id, the price list's reference and the name. */
export type LabOrderTest = { testId: string; priceReference: string | null; name: string };

export type BillableLabOrderRecord = {
  orderId: string;
  patientId: string;
  orderedBy: string;
  orderedAt: Date;
  tests: LabOrderTest[];
  branchId: string | null;
  invoiceId: string | null;
  note: string | null;
  cancelledAt: Date | null;
};

type Row = {
  order_id: string;
  patient_id: string;
  ordered_by: string;
  ordered_at: string | Date;
  tests: LabOrderTest[] | string;
  branch_id: string | null;
  invoice_id: string | null;
  note: string | null;
  cancelled_at: string | Date | null;
};

const toRecord = (r: Row): BillableLabOrderRecord => ({
  orderId: String(r.order_id),
  patientId: String(r.patient_id),
  orderedBy: r.ordered_by,
  orderedAt: new Date(r.ordered_at),
  tests: typeof r.tests === 'string' ? JSON.parse(r.tests) : r.tests,
  branchId: r.branch_id ? String(r.branch_id) : null,
  invoiceId: r.invoice_id ? String(r.invoice_id) : null,
  note: r.note,
  cancelledAt: r.cancelled_at ? new Date(r.cancelled_at) : null,
});

/** Visits a lab order may belong to: the doctor saw the patient (checked in or completed). */
const VISIT_STATUSES = ['CHECKED_IN', 'COMPLETED'];
/** How far a visit's start may be from the order (either side). */
export const VISIT_WINDOW_MS = 24 * 3_600_000;

/** All SQL of lab-order billing: the appointment projection and the orders seen. */
export class LabOrderStore {
  constructor(private readonly database: Database) {}

  /** Keeps the newest fact of an appointment (an older, late event changes nothing). */
  async noteAppointment(f: AppointmentFact): Promise<void> {
    await this.database.query(
      `insert into appointment_fact (appointment_id, patient_id, doctor_account_id, branch_id, starts_at, status, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (appointment_id) do update set patient_id = excluded.patient_id,
         doctor_account_id = excluded.doctor_account_id, branch_id = excluded.branch_id,
         starts_at = excluded.starts_at, status = excluded.status, updated_at = excluded.updated_at
       where appointment_fact.updated_at <= excluded.updated_at`,
      [f.appointmentId, f.patientId, f.doctorAccountId, f.branchId, f.startsAt, f.status, f.updatedAt],
    );
  }

  /**
   * The branch of the patient's visit with the doctor (checked in or completed) whose start is
   * closest to `at`, within a day either side; null when there is none.
   */
  async visitBranch(patientId: string, doctorAccountId: string, at: Date): Promise<string | null> {
    const [row] = await this.database.query<{ branch_id: string }>(
      `select branch_id from appointment_fact
        where patient_id = $1 and doctor_account_id = $2 and status = any($3::text[])
          and starts_at between $4::timestamptz and $5::timestamptz
        order by abs(extract(epoch from (starts_at - $6::timestamptz))), appointment_id
        limit 1`,
      [
        patientId,
        doctorAccountId,
        VISIT_STATUSES,
        new Date(at.getTime() - VISIT_WINDOW_MS),
        new Date(at.getTime() + VISIT_WINDOW_MS),
        at,
      ],
    );
    return row ? String(row.branch_id) : null;
  }

  /** Records an order once (a replayed event finds the row and gets null). */
  async insertOrder(
    o: Pick<BillableLabOrderRecord, 'orderId' | 'patientId' | 'orderedBy' | 'orderedAt' | 'tests'>,
  ): Promise<BillableLabOrderRecord | null> {
    const [row] = await this.database.query<Row>(
      `insert into billable_lab_order (order_id, patient_id, ordered_by, ordered_at, tests)
       values ($1, $2, $3, $4, $5::jsonb) on conflict (order_id) do nothing returning *`,
      [o.orderId, o.patientId, o.orderedBy, o.orderedAt, JSON.stringify(o.tests)],
    );
    return row ? toRecord(row) : null;
  }

  /** What billing made of the order: its invoice, or the branch found and why it waits. */
  async settle(
    orderId: string,
    outcome: { branchId: string | null; invoiceId: string | null; note: string | null },
  ): Promise<void> {
    await this.database.query(
      'update billable_lab_order set branch_id = $2, invoice_id = $3, note = $4 where order_id = $1',
      [orderId, outcome.branchId, outcome.invoiceId, outcome.note],
    );
  }

  /** Marks an order cancelled (the first time); its invoice, if any, stays as it is. */
  async cancel(orderId: string, at: Date): Promise<void> {
    await this.database.query(
      'update billable_lab_order set cancelled_at = $2 where order_id = $1 and cancelled_at is null',
      [orderId, at],
    );
  }

  /** Orders of the patient by the doctor still waiting for a visit (locked: a late visit fact bills them). */
  async waitingForVisit(patientId: string, doctorAccountId: string): Promise<BillableLabOrderRecord[]> {
    const rows = await this.database.query<Row>(
      `select * from billable_lab_order
        where patient_id = $1 and ordered_by = $2 and invoice_id is null and cancelled_at is null
          and branch_id is null
        order by ordered_at, order_id for update`,
      [patientId, doctorAccountId],
    );
    return rows.map(toRecord);
  }

  async byId(orderId: string): Promise<BillableLabOrderRecord | null> {
    const [row] = await this.database.query<Row>('select * from billable_lab_order where order_id = $1', [
      orderId,
    ]);
    return row ? toRecord(row) : null;
  }

  /** The patient's orders without an invoice and not cancelled, oldest first (the cashier at the desk). */
  async unbilledOf(patientId: string): Promise<BillableLabOrderRecord[]> {
    const rows = await this.database.query<Row>(
      `select * from billable_lab_order
        where patient_id = $1 and invoice_id is null and cancelled_at is null
        order by ordered_at, order_id limit 200`,
      [patientId],
    );
    return rows.map(toRecord);
  }

  /**
   * Orders without an invoice and not cancelled, oldest first: of a branch, or all (those whose
   * branch was not found only in the list of all).
   */
  async unbilled(branchId: string | null, limit = 500): Promise<BillableLabOrderRecord[]> {
    const rows = await this.database.query<Row>(
      `select * from billable_lab_order
        where invoice_id is null and cancelled_at is null and ($1::uuid is null or branch_id = $1::uuid)
        order by ordered_at, order_id limit $2`,
      [branchId, limit],
    );
    return rows.map(toRecord);
  }
}
