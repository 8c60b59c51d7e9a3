import { randomUUID } from 'node:crypto';
import {
  type Database,
  IdempotencyMismatchError,
  IdempotencyStore,
  type Principal,
} from '@medikamente/runtime';
import type { PatientFields } from './validation';

/** A patient as the domain sees it (never a raw DB row). */
export type PatientRecord = {
  id: string;
  accountId: string | null;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string;
  sex: 'MALE' | 'FEMALE';
  phone: string | null;
  email: string | null;
  passport: string | null;
  passportIssuedBy: string | null;
  passportIssuedOn: string | null;
  snils: string | null;
  insurancePolicy: string | null;
  registrationAddress: string | null;
  homeAddress: string | null;
  workplace: string | null;
  chronicConditions: string[];
  mergedInto: string | null;
  createdAt: Date;
};

const COLUMNS: Record<keyof PatientFields, string> = {
  lastName: 'last_name',
  firstName: 'first_name',
  middleName: 'middle_name',
  birthDate: 'birth_date',
  sex: 'sex',
  phone: 'phone',
  email: 'email',
  passport: 'passport',
  passportIssuedBy: 'passport_issued_by',
  passportIssuedOn: 'passport_issued_on',
  snils: 'snils',
  insurancePolicy: 'insurance_policy',
  registrationAddress: 'registration_address',
  homeAddress: 'home_address',
  workplace: 'workplace',
  chronicConditions: 'chronic_conditions',
};

const SELECT = `select id, account_id, last_name, first_name, middle_name, to_char(birth_date, 'YYYY-MM-DD') as birth_date, sex,
  phone, email, passport, passport_issued_by, to_char(passport_issued_on, 'YYYY-MM-DD') as passport_issued_on, snils,
  insurance_policy, registration_address, home_address, workplace, chronic_conditions, merged_into, created_at
  from patient`;

type Row = Record<string, unknown>;

function toRecord(r: Row): PatientRecord {
  return {
    id: String(r.id),
    accountId: (r.account_id as string | null) ?? null,
    lastName: String(r.last_name),
    firstName: String(r.first_name),
    middleName: (r.middle_name as string | null) ?? null,
    birthDate: String(r.birth_date),
    sex: r.sex === 'FEMALE' ? 'FEMALE' : 'MALE',
    phone: (r.phone as string | null) ?? null,
    email: (r.email as string | null) ?? null,
    passport: (r.passport as string | null) ?? null,
    passportIssuedBy: (r.passport_issued_by as string | null) ?? null,
    passportIssuedOn: (r.passport_issued_on as string | null) ?? null,
    snils: (r.snils as string | null) ?? null,
    insurancePolicy: (r.insurance_policy as string | null) ?? null,
    registrationAddress: (r.registration_address as string | null) ?? null,
    homeAddress: (r.home_address as string | null) ?? null,
    workplace: (r.workplace as string | null) ?? null,
    chronicConditions: Array.isArray(r.chronic_conditions) ? (r.chronic_conditions as string[]) : [],
    mergedInto: (r.merged_into as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
  };
}

const sortName = (f: PatientFields) =>
  [f.lastName, f.firstName, f.middleName].filter(Boolean).join(' ').toLowerCase().replace(/ё/g, 'е');

export type SearchInput = { text?: string | null; phone?: string | null; birthDate?: string | null };

/** SQL for patients; the only place that knows the patient tables. */
export class PatientStore {
  private readonly idempotency: IdempotencyStore;

  constructor(private readonly database: Database) {
    this.idempotency = new IdempotencyStore(database);
  }

  async byIds(ids: readonly string[]): Promise<Map<string, PatientRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.database.query<Row>(`${SELECT} where id = any($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [String(r.id), toRecord(r)]));
  }

  /**
   * Creates a patient. With an idempotency key the key is claimed in the same transaction,
   * so concurrent retries wait for the first and get its patient instead of a second one; a key
   * already used for a different request throws `IdempotencyMismatchError`.
   */
  async create(
    fields: PatientFields,
    opts: {
      id?: string;
      accountId?: string | null;
      createdBy: string;
      idempotency?: {
        principal: Pick<Principal, 'kind' | 'subject'>;
        key: string;
        operation: string;
        request: Record<string, unknown>;
      } | null;
    },
  ): Promise<{ patient: PatientRecord; replayed: boolean }> {
    const id = opts.id ?? randomUUID();
    const keys = (Object.keys(fields) as (keyof PatientFields)[]).filter((k) => fields[k] !== undefined);
    const cols = ['id', 'account_id', 'created_by', 'sort_name', ...keys.map((k) => COLUMNS[k])];
    const vals = [
      id,
      opts.accountId ?? null,
      opts.createdBy,
      sortName(fields),
      ...keys.map((k) => fields[k]),
    ];
    const resultId = await this.database.tx(async (q) => {
      if (opts.idempotency) {
        const claim = await this.idempotency.claim({ ...opts.idempotency, result: id });
        if (claim.status === 'mismatch') throw new IdempotencyMismatchError();
        if (claim.status === 'replayed') return claim.result;
      }
      await q(
        `insert into patient (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
        vals,
      );
      return id;
    });
    const patient = (await this.byIds([resultId])).get(resultId)!;
    return { patient, replayed: resultId !== id };
  }

  async update(id: string, fields: PatientFields): Promise<PatientRecord | null> {
    const current = (await this.byIds([id])).get(id);
    if (!current) return null;
    const keys = (Object.keys(fields) as (keyof PatientFields)[]).filter((k) => fields[k] !== undefined);
    if (keys.length === 0) return current;
    const merged = { ...current, ...fields };
    const sets = [
      ...keys.map((k, i) => `${COLUMNS[k]} = $${i + 2}`),
      `sort_name = $${keys.length + 2}`,
      'updated_at = now()',
    ];
    await this.database.query(`update patient set ${sets.join(', ')} where id = $1`, [
      id,
      ...keys.map((k) => fields[k]),
      sortName(merged),
    ]);
    return (await this.byIds([id])).get(id) ?? null;
  }

  /** Active (not merged) patients with the same phone and birth date. */
  async duplicates(phone: string, birthDate: string, excludeId?: string): Promise<PatientRecord[]> {
    const rows = await this.database.query<Row>(
      `${SELECT} where phone = $1 and birth_date = $2::date and merged_into is null and ($3::uuid is null or id <> $3::uuid) order by created_at limit 20`,
      [phone, birthDate, excludeId ?? null],
    );
    return rows.map(toRecord);
  }

  /**
   * Keyset-paginated search over active patients ordered by name. The cursor is the last
   * patient's id, so no personal data travels in it.
   */
  async search(
    input: SearchInput,
    first: number,
    after: string | null,
  ): Promise<{ items: PatientRecord[]; hasNext: boolean }> {
    const where: string[] = ['merged_into is null'];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (input.text) {
      const t = input.text
        .trim()
        .toLowerCase()
        .replace(/ё/g, 'е')
        .replace(/[%_\\]/g, '');
      where.push(`sort_name like ${p(`${t}%`)}`);
    }
    if (input.phone) where.push(`phone = ${p(input.phone)}`);
    if (input.birthDate) where.push(`birth_date = ${p(input.birthDate)}::date`);
    if (after)
      where.push(`(sort_name, id) > (select sort_name, id from patient where id = ${p(after)}::uuid)`);
    const rows = await this.database.query<Row>(
      `${SELECT} where ${where.join(' and ')} order by sort_name, id limit ${p(first + 1)}`,
      params,
    );
    return { items: rows.slice(0, first).map(toRecord), hasNext: rows.length > first };
  }

  /**
   * Merges `mergeId` into `keepId` in one transaction: fills the kept record's empty fields,
   * moves consents and care relationships, and marks the merged record.
   */
  async merge(keepId: string, mergeId: string): Promise<void> {
    await this.database.tx(async (q) => {
      const fill = Object.values(COLUMNS)
        .filter((c) => c !== 'chronic_conditions')
        .map((c) => `${c} = coalesce(k.${c}, m.${c})`)
        .join(', ');
      await q(
        `update patient k set ${fill},
           chronic_conditions = (select array(select distinct unnest(k.chronic_conditions || m.chronic_conditions))),
           account_id = coalesce(k.account_id, m.account_id), updated_at = now()
         from patient m where k.id = $1 and m.id = $2`,
        [keepId, mergeId],
      );
      await q('update patient set merged_into = $1, account_id = null, updated_at = now() where id = $2', [
        keepId,
        mergeId,
      ]);
      // Consents already present on the kept record win; the rest move over.
      await q(
        `update consent c set patient_id = $1 where c.patient_id = $2 and (c.withdrawn_at is not null or not exists
           (select 1 from consent k where k.patient_id = $1 and k.purpose = c.purpose and k.withdrawn_at is null))`,
        [keepId, mergeId],
      );
      await q(
        `insert into care_relationship (doctor_account_id, patient_id, source, valid_until)
         select doctor_account_id, $1, source, valid_until from care_relationship where patient_id = $2
         on conflict (doctor_account_id, patient_id, source) do update set valid_until = greatest(care_relationship.valid_until, excluded.valid_until)`,
        [keepId, mergeId],
      );
    });
  }
}
