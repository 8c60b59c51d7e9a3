import type { Database } from '@medikamente/runtime';
import { z } from 'zod';

export const CLIENT_ROLES = ['lab_partner', 'service'] as const;
export type ClientRole = (typeof CLIENT_ROLES)[number];

const row = z.object({
  client_id: z.string(),
  secret_hash: z.string(),
  role: z.enum(CLIENT_ROLES),
  scopes: z.array(z.string()),
  name: z.string(),
  created_at: z.coerce.date(),
  disabled_at: z.coerce.date().nullable(),
});

export type ClientRecord = {
  clientId: string;
  secretHash: string;
  role: ClientRole;
  scopes: string[];
  name: string;
  createdAt: Date;
  disabledAt: Date | null;
};

const toRecord = (raw: unknown): ClientRecord => {
  const r = row.parse(raw);
  return {
    clientId: r.client_id,
    secretHash: r.secret_hash,
    role: r.role,
    scopes: r.scopes,
    name: r.name,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
  };
};

/** The only place that reads and writes `partner_client`. */
export class ClientStore {
  constructor(private readonly database: Database) {}

  async create(c: {
    clientId: string;
    secretHash: string;
    role: ClientRole;
    scopes: string[];
    name: string;
  }): Promise<ClientRecord> {
    const rows = await this.database.query(
      `insert into partner_client (client_id, secret_hash, role, scopes, name)
       values ($1, $2, $3, $4::text[], $5) returning *`,
      [c.clientId, c.secretHash, c.role, c.scopes, c.name],
    );
    return toRecord(rows[0]);
  }

  async byId(clientId: string): Promise<ClientRecord | null> {
    const rows = await this.database.query('select * from partner_client where client_id = $1', [clientId]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Clients disabled within the last `windowSec` seconds: id -> epoch seconds (rounded up). */
  async disabledSince(windowSec: number): Promise<Record<string, number>> {
    const rows = await this.database.query<{ client_id: string; at: string | number }>(
      `select client_id, ceil(extract(epoch from disabled_at))::bigint as at from partner_client
       where disabled_at is not null and disabled_at > now() - make_interval(secs => $1::float8)`,
      [windowSec],
    );
    return Object.fromEntries(rows.map((r) => [r.client_id, Number(r.at)]));
  }
}
