import type { Database } from '@medikamente/runtime';

export type TrailRecord = {
  streamId: number;
  service: string;
  seq: number;
  occurredAt: Date;
  actorId: string;
  actorRole: string;
  patientId: string;
  categories: string[];
  operation: string | null;
  requestId: string;
  clientAddress: string | null;
  purpose: string | null;
  /** How many patients the same request touched in this service (BALP query vs read). */
  requestPatients: number;
};

export type TrailFilter = {
  patientId?: string | null;
  actorId?: string | null;
  service?: string | null;
  category?: string | null;
  from?: Date | null;
  to?: Date | null;
  /** Only events older than this stream position (paging backwards). */
  before?: number | null;
};

type Row = Record<string, unknown>;
const toTrail = (r: Row): TrailRecord => ({
  streamId: Number(r.stream_id),
  service: String(r.service),
  seq: Number(r.seq),
  occurredAt: new Date(r.occurred_at as string),
  actorId: String(r.actor_id),
  actorRole: String(r.actor_role),
  patientId: String(r.patient_id),
  categories: r.categories as string[],
  operation: (r.operation as string | null) ?? null,
  requestId: String(r.request_id),
  clientAddress: (r.client_address as string | null) ?? null,
  purpose: (r.purpose as string | null) ?? null,
  requestPatients: Number(r.request_patients ?? 1),
});

const SELECT = `select a.*, (select count(*) from audit_record b where b.service = a.service and b.request_id = a.request_id) as request_patients
  from audit_record a`;

/** Searches of the central audit stream (read-only; the stream module writes it). */
export class TrailStore {
  constructor(private readonly database: Database) {}

  async search(f: TrailFilter, limit: number): Promise<TrailRecord[]> {
    const rows = await this.database.query<Row>(
      `${SELECT}
       where ($1::uuid is null or a.patient_id = $1) and ($2::text is null or a.actor_id = $2)
         and ($3::text is null or a.service = $3) and ($4::text is null or $4 = any(a.categories))
         and ($5::timestamptz is null or a.occurred_at >= $5) and ($6::timestamptz is null or a.occurred_at < $6)
         and ($7::bigint is null or a.stream_id < $7)
       order by a.stream_id desc limit $8`,
      [
        f.patientId ?? null,
        f.actorId ?? null,
        f.service ?? null,
        f.category ?? null,
        f.from?.toISOString() ?? null,
        f.to?.toISOString() ?? null,
        f.before ?? null,
        limit,
      ],
    );
    return rows.map(toTrail);
  }

  /** Who looked at a patient's data, newest first: everyone but the patient. */
  async forPatient(patientId: string, limit: number, before: number | null): Promise<TrailRecord[]> {
    const rows = await this.database.query<Row>(
      `${SELECT} where a.patient_id = $1 and a.actor_role <> 'patient' and ($3::bigint is null or a.stream_id < $3)
       order by a.stream_id desc limit $2`,
      [patientId, limit, before],
    );
    return rows.map(toTrail);
  }
}
