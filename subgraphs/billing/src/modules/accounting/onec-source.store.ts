import type { Database } from '@medikamente/runtime';
import type { ExportItem } from './onec-documents';

type ItemRow = {
  kind: 'payment' | 'refund';
  id: string;
  payment_id: string | null;
  method: 'CASH' | 'CARD' | 'ONLINE';
  amount_kopecks: string | number;
  at: Date | string;
  patient_id: string;
  fiscal_document_number: number | string | null;
};

const toItem = (r: ItemRow): ExportItem => {
  const common = {
    id: String(r.id),
    method: r.method.toLowerCase() as 'cash' | 'card' | 'online',
    amountKopecks: Number(r.amount_kopecks),
    at: new Date(r.at),
    payer: { patientId: String(r.patient_id) },
    receiptFiscalNumber: r.fiscal_document_number === null ? null : Number(r.fiscal_document_number),
  };
  return r.kind === 'payment'
    ? { kind: 'payment', ...common }
    : { kind: 'refund', paymentId: String(r.payment_id), ...common };
};

/**
 * Captured payments and done refunds as 1C export items: amounts, dates, our ids, the fiscal
 * document number of the receipt and the payer's opaque id (a pseudonym in 1C) — no names,
 * contacts or anything else of the patient is read. `exclude` filters by the export map.
 */
const itemsSql = (where: { payment: string; refund: string }) => `
  select * from (
    select 'payment' as kind, p.id, null::uuid as payment_id, p.method, p.amount_kopecks, p.captured_at as at,
           p.patient_id, r.fiscal_document_number
      from payment p left join receipt r on r.id = p.id
     where p.status = 'CAPTURED' and ${where.payment}
    union all
    select 'refund' as kind, f.id, f.payment_id, p.method, f.amount_kopecks, f.done_at as at,
           f.patient_id, r.fiscal_document_number
      from refund f join payment p on p.id = f.payment_id left join receipt r on r.id = f.id
     where f.status = 'DONE' and ${where.refund}
  ) items`;

/** Not exported, and not failed with its next attempt still ahead ($1 = now). */
const due = (kind: 'payment' | 'refund', alias: string) =>
  `not exists (select 1 from onec_export e where e.kind = '${kind}' and e.our_id = ${alias}.id::text
     and (e.status = 'exported' or e.next_attempt_at > $1))`;
/** Never tried. */
const untried = (kind: 'payment' | 'refund', alias: string) =>
  `not exists (select 1 from onec_export e where e.kind = '${kind}' and e.our_id = ${alias}.id::text)`;

export type OneCCounts = { exported: number; failed: number; pending: number };
export type OneCLastRun = {
  running: boolean;
  startedAt: Date | null;
  finishedAt: Date | null;
  exported: number;
  failed: number;
};

/** What the 1C export reads of the ledger's records, and its run lease: all SQL of it. */
export class OneCSourceStore {
  constructor(private readonly database: Database) {}

  /** Records due for export (oldest first): never exported, and not waiting for a later retry. */
  async due(now: Date, limit: number, since: Date | null): Promise<ExportItem[]> {
    const rows = await this.database.query<ItemRow>(
      `${itemsSql({
        payment: `p.captured_at >= $2 and ${due('payment', 'p')}`,
        refund: `f.done_at >= $2 and ${due('refund', 'f')}`,
      })} order by at, kind, id limit $3`,
      [now, since ?? new Date(0), limit],
    );
    return rows.map(toItem);
  }

  /** Every captured payment and done refund of [from, to) (the EnterpriseData file of a day). */
  async between(from: Date, to: Date): Promise<ExportItem[]> {
    const rows = await this.database.query<ItemRow>(
      `${itemsSql({
        payment: 'p.captured_at >= $1 and p.captured_at < $2',
        refund: 'f.done_at >= $1 and f.done_at < $2',
      })} order by at, kind, id`,
      [from, to],
    );
    return rows.map(toItem);
  }

  /** Payments and refunds exported, failed so far, and never tried (since the cut-off). */
  async counts(since: Date | null): Promise<OneCCounts> {
    const [row] = await this.database.query<{
      exported: string | number;
      failed: string | number;
      pending_payments: string | number;
      pending_refunds: string | number;
    }>(
      `select
         (select count(*) from onec_export where kind in ('payment', 'refund') and status = 'exported') as exported,
         (select count(*) from onec_export where kind in ('payment', 'refund') and status = 'failed') as failed,
         (select count(*) from payment p where p.status = 'CAPTURED' and p.captured_at >= $1
            and ${untried('payment', 'p')}) as pending_payments,
         (select count(*) from refund f where f.status = 'DONE' and f.done_at >= $1
            and ${untried('refund', 'f')}) as pending_refunds`,
      [since ?? new Date(0)],
    );
    return {
      exported: Number(row?.exported ?? 0),
      failed: Number(row?.failed ?? 0),
      pending: Number(row?.pending_payments ?? 0) + Number(row?.pending_refunds ?? 0),
    };
  }

  /** Takes the run lease for `holder` when it is free or ran out; false when another round holds it. */
  async acquire(holder: string, leaseMs: number): Promise<boolean> {
    const rows = await this.database.query(
      `update onec_export_run set holder = $1, lease_until = now() + $2 * interval '1 millisecond',
              last_started_at = now()
        where id = 1 and (lease_until < now() or holder = $1) returning id`,
      [holder, leaseMs],
    );
    return rows.length === 1;
  }

  /** Extends the lease; false when it was lost (ran out and taken by another round). */
  async renew(holder: string, leaseMs: number): Promise<boolean> {
    const rows = await this.database.query(
      `update onec_export_run set lease_until = now() + $2 * interval '1 millisecond'
        where id = 1 and holder = $1 returning id`,
      [holder, leaseMs],
    );
    return rows.length === 1;
  }

  /** Frees the lease and records the round's outcome. */
  async release(holder: string, outcome: { exported: number; failed: number }): Promise<void> {
    await this.database.query(
      `update onec_export_run set holder = null, lease_until = '-infinity', last_finished_at = now(),
              last_exported = $2, last_failed = $3
        where id = 1 and holder = $1`,
      [holder, outcome.exported, outcome.failed],
    );
  }

  async lastRun(): Promise<OneCLastRun> {
    const [row] = await this.database.query<{
      lease_until: Date | string;
      holder: string | null;
      last_started_at: Date | string | null;
      last_finished_at: Date | string | null;
      last_exported: number | string;
      last_failed: number | string;
    }>('select *, lease_until > now() as live from onec_export_run where id = 1');
    const r = row as (typeof row & { live?: boolean }) | undefined;
    return {
      running: Boolean(r?.holder && r.live),
      startedAt: r?.last_started_at ? new Date(r.last_started_at) : null,
      finishedAt: r?.last_finished_at ? new Date(r.last_finished_at) : null,
      exported: Number(r?.last_exported ?? 0),
      failed: Number(r?.last_failed ?? 0),
    };
  }
}
