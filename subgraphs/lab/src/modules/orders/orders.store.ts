import type { Database } from '@medikamente/runtime';

export type Priority = 'ROUTINE' | 'URGENT';
export type OrderStatus =
  | 'ORDERED'
  | 'COLLECTED'
  | 'SENT'
  | 'RECEIVED'
  | 'RESULTED'
  | 'REVIEWED'
  | 'RELEASED'
  | 'CANCELLED'
  | 'REJECTED';
export type PatientSex = 'MALE' | 'FEMALE' | 'UNKNOWN';

export type OrderRecord = {
  id: string;
  patientId: string;
  visitId: string | null;
  orderedBy: string;
  partnerClientId: string;
  partnerName: string;
  priority: Priority;
  clinicalNote: string | null;
  specimenCode: string;
  specimenType: string;
  patientSex: PatientSex;
  patientAgeYears: number | null;
  status: OrderStatus;
  statusReason: string | null;
  reviewComment: string | null;
  reviewedBy: string | null;
  feedSeq: number | null;
  feedAt: Date | null;
  createdAt: Date;
  collectedAt: Date | null;
  sentAt: Date | null;
  receivedAt: Date | null;
  resultedAt: Date | null;
  reviewedAt: Date | null;
  releasedAt: Date | null;
};

export type NewOrder = Omit<
  OrderRecord,
  | 'status'
  | 'statusReason'
  | 'reviewComment'
  | 'reviewedBy'
  | 'feedSeq'
  | 'feedAt'
  | 'createdAt'
  | 'collectedAt'
  | 'sentAt'
  | 'receivedAt'
  | 'resultedAt'
  | 'reviewedAt'
  | 'releasedAt'
> & { testIds: string[] };

export type OrderTest = { orderId: string; testId: string; position: number };

type Row = Record<string, unknown>;
const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

const toRecord = (r: Row): OrderRecord => ({
  id: String(r.id),
  patientId: String(r.patient_id),
  visitId: r.visit_id ? String(r.visit_id) : null,
  orderedBy: String(r.ordered_by),
  partnerClientId: String(r.partner_client_id),
  partnerName: String(r.partner_name),
  priority: r.priority as Priority,
  clinicalNote: (r.clinical_note as string | null) ?? null,
  specimenCode: String(r.specimen_code),
  specimenType: String(r.specimen_type),
  patientSex: r.patient_sex as PatientSex,
  patientAgeYears: r.patient_age_years === null ? null : Number(r.patient_age_years),
  status: r.status as OrderStatus,
  statusReason: (r.status_reason as string | null) ?? null,
  reviewComment: (r.review_comment as string | null) ?? null,
  reviewedBy: (r.reviewed_by as string | null) ?? null,
  feedSeq: r.feed_seq === null || r.feed_seq === undefined ? null : Number(r.feed_seq),
  feedAt: date(r.feed_at),
  createdAt: new Date(r.created_at as string),
  collectedAt: date(r.collected_at),
  sentAt: date(r.sent_at),
  receivedAt: date(r.received_at),
  resultedAt: date(r.resulted_at),
  reviewedAt: date(r.reviewed_at),
  releasedAt: date(r.released_at),
});

/** The timestamp column each status sets when an order enters it. */
const STAMP: Partial<Record<OrderStatus, string>> = {
  COLLECTED: 'collected_at',
  SENT: 'sent_at',
  RECEIVED: 'received_at',
  RESULTED: 'resulted_at',
  REVIEWED: 'reviewed_at',
  RELEASED: 'released_at',
};
/** Statuses after which an order is closed (its care relationship then lasts the care window). */
const CLOSING = new Set<OrderStatus>(['RELEASED', 'CANCELLED', 'REJECTED']);
/** Statuses in which the partner sees the order in its feed. */
export const PARTNER_VISIBLE: readonly OrderStatus[] = [
  'COLLECTED',
  'SENT',
  'RECEIVED',
  'RESULTED',
  'REVIEWED',
  'RELEASED',
  'CANCELLED',
  'REJECTED',
];

/** Orders and their tests: all SQL of the module. */
export class OrderStore {
  constructor(private readonly database: Database) {}

  async insert(order: NewOrder): Promise<OrderRecord> {
    const [row] = await this.database.query<Row>(
      `insert into lab_order (id, patient_id, visit_id, ordered_by, partner_client_id, partner_name, priority,
         clinical_note, specimen_code, specimen_type, patient_sex, patient_age_years, status)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'ORDERED') returning *`,
      [
        order.id,
        order.patientId,
        order.visitId,
        order.orderedBy,
        order.partnerClientId,
        order.partnerName,
        order.priority,
        order.clinicalNote,
        order.specimenCode,
        order.specimenType,
        order.patientSex,
        order.patientAgeYears,
      ],
    );
    for (const [position, testId] of order.testIds.entries())
      await this.database.query(
        'insert into lab_order_test (order_id, test_id, position) values ($1, $2, $3)',
        [order.id, testId, position],
      );
    return toRecord(row!);
  }

  async byIds(ids: readonly string[]): Promise<Map<string, OrderRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.database.query<Row>('select * from lab_order where id = any($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [String(r.id), toRecord(r)]));
  }

  /** The order row locked for a state change (inside the caller's transaction). */
  async lock(id: string): Promise<OrderRecord | null> {
    const [row] = await this.database.query<Row>('select * from lab_order where id = $1 for update', [id]);
    return row ? toRecord(row) : null;
  }

  async lockBySpecimen(partnerClientId: string, specimenCode: string): Promise<OrderRecord | null> {
    const [row] = await this.database.query<Row>(
      'select * from lab_order where specimen_code = $1 and partner_client_id = $2 for update',
      [specimenCode, partnerClientId],
    );
    return row ? toRecord(row) : null;
  }

  async bySpecimen(specimenCode: string): Promise<OrderRecord | null> {
    const [row] = await this.database.query<Row>('select * from lab_order where specimen_code = $1', [
      specimenCode,
    ]);
    return row ? toRecord(row) : null;
  }

  async forPatient(patientId: string): Promise<OrderRecord[]> {
    const rows = await this.database.query<Row>(
      'select * from lab_order where patient_id = $1 order by created_at desc, id limit 500',
      [patientId],
    );
    return rows.map(toRecord);
  }

  async forVisit(visitId: string): Promise<OrderRecord[]> {
    const rows = await this.database.query<Row>(
      'select * from lab_order where visit_id = $1 order by created_at, id limit 200',
      [visitId],
    );
    return rows.map(toRecord);
  }

  /** The doctor's orders with results waiting for review, oldest first. */
  async toReview(doctorAccountId: string): Promise<OrderRecord[]> {
    const rows = await this.database.query<Row>(
      `select * from lab_order where ordered_by = $1 and status = 'RESULTED' order by resulted_at, id limit 200`,
      [doctorAccountId],
    );
    return rows.map(toRecord);
  }

  async testsOf(orderIds: readonly string[]): Promise<Map<string, OrderTest[]>> {
    const out = new Map<string, OrderTest[]>(orderIds.map((id) => [id, []]));
    if (orderIds.length === 0) return out;
    const rows = await this.database.query<{ order_id: string; test_id: string; position: number }>(
      'select * from lab_order_test where order_id = any($1::uuid[]) order by order_id, position',
      [orderIds],
    );
    for (const r of rows)
      out.get(String(r.order_id))?.push({
        orderId: String(r.order_id),
        testId: String(r.test_id),
        position: Number(r.position),
      });
    return out;
  }

  /**
   * Moves a locked order to `status` (stamping its time); a status the partner sees takes a new
   * feed position, so the partner's cursor finds the change.
   */
  async transition(
    id: string,
    status: OrderStatus,
    extra: { reason?: string | null; reviewComment?: string | null; reviewedBy?: string | null } = {},
  ): Promise<OrderRecord> {
    const stamp = STAMP[status];
    const refeed = status === 'COLLECTED' || status === 'CANCELLED';
    const [row] = await this.database.query<Row>(
      `update lab_order set status = $2,
         status_reason = coalesce($3, status_reason),
         review_comment = coalesce($4, review_comment),
         reviewed_by = coalesce($5, reviewed_by)
         ${stamp ? `, ${stamp} = coalesce(${stamp}, now())` : ''}
         ${status === 'RELEASED' ? ', reviewed_at = coalesce(reviewed_at, now())' : ''}
         ${CLOSING.has(status) ? ', closed_at = now()' : ''}
         ${refeed ? ", feed_seq = nextval('lab_feed_seq'), feed_at = now()" : ''}
       where id = $1 returning *`,
      [id, status, extra.reason ?? null, extra.reviewComment ?? null, extra.reviewedBy ?? null],
    );
    return toRecord(row!);
  }

  /** A partner's feed: its visible orders after `afterSeq`, changed at or after `since`, in feed order. */
  async feed(
    partnerClientId: string,
    afterSeq: number,
    since: Date | null,
    limit: number,
  ): Promise<OrderRecord[]> {
    const rows = await this.database.query<Row>(
      `select * from lab_order
        where partner_client_id = $1 and feed_seq is not null and feed_seq > $2
          and ($3::timestamptz is null or feed_at >= $3) and status = any($4::text[])
        order by feed_seq limit $5`,
      [partnerClientId, afterSeq, since?.toISOString() ?? null, PARTNER_VISIBLE, limit],
    );
    return rows.map(toRecord);
  }

  /** Of `ids`, the orders the partner performs (the `partnerOwns` condition). */
  async ownedBy(partnerClientId: string, ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.database.query<{ id: string }>(
      'select id from lab_order where partner_client_id = $1 and id = any($2::uuid[])',
      [partnerClientId, ids],
    );
    return new Set(rows.map((r) => String(r.id)));
  }

  /**
   * History imports (a partner's archive, the demo seed): moves every timestamp of an order so that
   * it was created at `at`, keeping the intervals between its steps.
   */
  async backdate(id: string, at: Date): Promise<void> {
    await this.database.query(
      `update lab_order set
         created_at = created_at + d, collected_at = collected_at + d, sent_at = sent_at + d,
         received_at = received_at + d, resulted_at = resulted_at + d, reviewed_at = reviewed_at + d,
         released_at = released_at + d, closed_at = closed_at + d, feed_at = feed_at + d
       from (select $2::timestamptz - created_at as d from lab_order where id = $1) shift
       where id = $1`,
      [id, at.toISOString()],
    );
  }
}
