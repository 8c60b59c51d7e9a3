import { randomUUID } from 'node:crypto';
import type { Database } from '@medikamente/runtime';

export const CONSENT_PURPOSES = [
  'TREATMENT',
  'PORTAL_ACCOUNT',
  'MARKETING',
  'LAB_SHARING',
  'ANALYTICS',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_CHANNELS = ['PORTAL', 'RECEPTION', 'PHONE', 'PAPER'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export type ConsentRecord = {
  id: string;
  patientId: string;
  purpose: ConsentPurpose;
  textVersion: number;
  givenAt: Date;
  givenChannel: ConsentChannel;
  withdrawnAt: Date | null;
  withdrawnChannel: ConsentChannel | null;
};

export type ConsentTextRecord = {
  purpose: ConsentPurpose;
  version: number;
  title: string;
  body: string;
  publishedAt: Date;
};

type Row = Record<string, unknown>;
const toConsent = (r: Row): ConsentRecord => ({
  id: String(r.id),
  patientId: String(r.patient_id),
  purpose: r.purpose as ConsentPurpose,
  textVersion: Number(r.text_version),
  givenAt: new Date(r.given_at as string),
  givenChannel: r.given_channel as ConsentChannel,
  withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at as string) : null,
  withdrawnChannel: (r.withdrawn_channel as ConsentChannel | null) ?? null,
});

/** Consents per purpose with versioned texts; history is kept (withdrawal sets a time, never deletes). */
export class ConsentStore {
  constructor(private readonly database: Database) {}

  async texts(purpose?: ConsentPurpose | null): Promise<ConsentTextRecord[]> {
    const rows = await this.database.query<Row>(
      'select * from consent_text where ($1::text is null or purpose = $1) order by purpose, version desc',
      [purpose ?? null],
    );
    return rows.map((r) => ({
      purpose: r.purpose as ConsentPurpose,
      version: Number(r.version),
      title: String(r.title),
      body: String(r.body),
      publishedAt: new Date(r.published_at as string),
    }));
  }

  async textExists(purpose: ConsentPurpose, version: number): Promise<boolean> {
    const rows = await this.database.query('select 1 from consent_text where purpose = $1 and version = $2', [
      purpose,
      version,
    ]);
    return rows.length > 0;
  }

  /** Consents of many patients (history included when asked), oldest first. */
  async forPatients(
    patientIds: readonly string[],
    includeHistory: boolean,
  ): Promise<Map<string, ConsentRecord[]>> {
    const rows = await this.database.query<Row>(
      `select * from consent where patient_id = any($1::uuid[]) ${includeHistory ? '' : 'and withdrawn_at is null'} order by given_at, id`,
      [patientIds],
    );
    const out = new Map<string, ConsentRecord[]>(patientIds.map((id) => [id, []]));
    for (const r of rows) out.get(String(r.patient_id))?.push(toConsent(r));
    return out;
  }

  /**
   * Gives a consent. An active consent of the same purpose and text version is returned
   * as is (safe retry); an older version is withdrawn and replaced in one transaction.
   */
  async give(
    patientId: string,
    purpose: ConsentPurpose,
    version: number,
    channel: ConsentChannel,
    actor: string,
  ): Promise<ConsentRecord> {
    return this.database.tx(async (q) => {
      const active = await q<Row>(
        'select * from consent where patient_id = $1 and purpose = $2 and withdrawn_at is null for update',
        [patientId, purpose],
      );
      if (active[0] && Number(active[0].text_version) === version) return toConsent(active[0]);
      if (active[0]) {
        await q('update consent set withdrawn_at = now(), withdrawn_channel = $2 where id = $1', [
          active[0].id,
          channel,
        ]);
      }
      const rows = await q<Row>(
        `insert into consent (id, patient_id, purpose, text_version, given_at, given_channel, recorded_by)
         values ($1, $2, $3, $4, now(), $5, $6) returning *`,
        [randomUUID(), patientId, purpose, version, channel, actor],
      );
      return toConsent(rows[0]!);
    });
  }

  /** Withdraws the active consent of a purpose; returns it, or null when none was active. */
  async withdraw(
    patientId: string,
    purpose: ConsentPurpose,
    channel: ConsentChannel,
  ): Promise<ConsentRecord | null> {
    const rows = await this.database.query<Row>(
      `update consent set withdrawn_at = now(), withdrawn_channel = $3
       where patient_id = $1 and purpose = $2 and withdrawn_at is null returning *`,
      [patientId, purpose, channel],
    );
    return rows[0] ? toConsent(rows[0]) : null;
  }
}
