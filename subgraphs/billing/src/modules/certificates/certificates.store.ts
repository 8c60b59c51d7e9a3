import type { Database } from '@medikamente/runtime';
import { parseTaxCertificateData, type TaxCertificateData } from '../documents';

export type TaxCertificateRecord = {
  id: string;
  number: string;
  patientId: string;
  year: number;
  /** The validated certificate data, as printed and sent. */
  data: TaxCertificateData;
  /** The GUID of the XML file's name (the file is reproduced byte for byte). */
  fileGuid: string;
  totalKopecks: number;
  createdBy: string;
  createdAt: Date;
};

/** What the patient paid on one invoice in a period: ledger payments and refunds. */
export type InvoicePaid = { invoiceId: string; paidKopecks: number; refundedKopecks: number };

type Row = {
  id: string;
  number: string;
  patient_id: string;
  year: number;
  data: unknown;
  file_guid: string;
  total_kopecks: string | number;
  created_by: string;
  created_at: Date | string;
};

const toRecord = (r: Row): TaxCertificateRecord => ({
  id: String(r.id),
  number: r.number,
  patientId: String(r.patient_id),
  year: Number(r.year),
  data: parseTaxCertificateData(typeof r.data === 'string' ? JSON.parse(r.data) : r.data),
  fileGuid: String(r.file_guid),
  totalKopecks: Number(r.total_kopecks),
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
});

/** Issued certificates and the ledger sums they are made of: all SQL of the module. */
export class TaxCertificateStore {
  constructor(private readonly database: Database) {}

  async byIds(ids: readonly string[]): Promise<Map<string, TaxCertificateRecord>> {
    const rows = await this.database.query<Row>('select * from tax_certificate where id = any($1::uuid[])', [
      ids,
    ]);
    return new Map(rows.map((r) => [String(r.id), toRecord(r)]));
  }

  async forPatient(patientId: string): Promise<TaxCertificateRecord[]> {
    const rows = await this.database.query<Row>(
      'select * from tax_certificate where patient_id = $1 order by year desc, created_at desc, id limit 200',
      [patientId],
    );
    return rows.map(toRecord);
  }

  /**
   * The patient's money per invoice in [from, to): PAYMENT and REFUND entries of the ledger by the
   * time they were written (a payment when captured, a refund when made).
   */
  async paidBetween(patientId: string, from: Date, to: Date): Promise<InvoicePaid[]> {
    const rows = await this.database.query<{ invoice_id: string; kind: string; sum: string | number }>(
      `select l.invoice_id, l.kind, sum(l.amount_kopecks) as sum
         from ledger_entry l join invoice i on i.id = l.invoice_id
        where i.patient_id = $1 and l.kind in ('PAYMENT', 'REFUND') and l.created_at >= $2 and l.created_at < $3
        group by l.invoice_id, l.kind`,
      [patientId, from, to],
    );
    const out = new Map<string, InvoicePaid>();
    for (const r of rows) {
      const id = String(r.invoice_id);
      const entry = out.get(id) ?? { invoiceId: id, paidKopecks: 0, refundedKopecks: 0 };
      if (r.kind === 'PAYMENT') entry.paidKopecks = Number(r.sum);
      else entry.refundedKopecks = Number(r.sum);
      out.set(id, entry);
    }
    return [...out.values()];
  }

  /** The next certificate number, `2026-000017` (at most 12 characters, as the form allows). */
  async nextNumber(year: number): Promise<string> {
    const [seq] = await this.database.query<{ n: string }>(
      "select nextval('tax_certificate_number_seq')::text as n",
    );
    return `${year}-${seq!.n.padStart(6, '0')}`;
  }

  async insert(c: Omit<TaxCertificateRecord, 'createdAt'>): Promise<TaxCertificateRecord> {
    const [row] = await this.database.query<Row>(
      `insert into tax_certificate (id, number, patient_id, year, data, file_guid, total_kopecks, created_by)
       values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8) returning *`,
      [c.id, c.number, c.patientId, c.year, JSON.stringify(c.data), c.fileGuid, c.totalKopecks, c.createdBy],
    );
    return toRecord(row!);
  }
}
