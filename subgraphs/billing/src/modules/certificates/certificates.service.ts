import { randomUUID } from 'node:crypto';
import {
  appError,
  type Database,
  ErrorCode,
  IdempotencyStore,
  type InputError,
  inputError,
  type Principal,
} from '@medikamente/runtime';
import { DateTime } from 'luxon';
import { codes } from '../../error-codes.generated';
import type { ContractService } from '../contracts/contracts.service';
import { issuesAsInputErrors } from '../contracts/contracts.service';
import {
  buildTaxCertificateXml,
  encodeWindows1251,
  formatLongDate,
  type PatientRelation,
  parseTaxCertificateData,
  type TaxCertificateData,
  TaxCertificateError,
  type TaxCertificateInput,
  taxCertificateFileName,
  taxCertificatePdf,
} from '../documents';
import { clinicToday, type Outcome } from '../invoices/invoices.service';
import type { InvoiceStore } from '../invoices/invoices.store';
import { idempotentWrite } from '../refused';
import type { TaxCertificateRecord, TaxCertificateStore } from './certificates.store';

export type TaxPerson = {
  fullName: string;
  inn?: string;
  birthDate: string;
  document: { code: string; seriesNumber: string; issuedAt: string };
};

export type IssueTaxCertificateInput = {
  patientId: string;
  year: number;
  /** Who claims the deduction (the patient, or who paid for them). */
  taxpayer: TaxPerson;
  /** The patient, when not the taxpayer. */
  patient: (TaxPerson & { relation: PatientRelation }) | null;
  /** Invoices for expensive treatment (service code 02); everything else is code 01. */
  expensiveInvoiceIds: string[];
  idempotencyKey: string;
};

/** The certificate's files, made from its stored data. */
export type TaxCertificateFiles = { fileName: string; xml: string; xmlFile: Buffer; pdf(): Promise<Buffer> };

const FIRST_YEAR = 2024;

/**
 * Tax-deduction certificates (КНД 1151156) for a patient and a year: the sums are the ledger's
 * payments minus refunds of the patient's invoices written in that calendar year (the clinic's
 * zone), by service code; the clinic and the signer come from the contract template in force.
 */
export class TaxCertificateService {
  private readonly idempotency: IdempotencyStore;
  constructor(
    private readonly deps: {
      database: Database;
      certificates: TaxCertificateStore;
      invoices: InvoiceStore;
      contracts: ContractService;
      clinicTimeZone: string;
    },
  ) {
    this.idempotency = new IdempotencyStore(deps.database);
  }

  /** Sums by service code of what the patient paid in the year (net of refunds; never below zero). */
  async sums(patientId: string, year: number, expensive: ReadonlySet<string>) {
    const zone = this.deps.clinicTimeZone;
    const from = DateTime.fromObject({ year, month: 1, day: 1 }, { zone });
    const paid = await this.deps.certificates.paidBetween(
      patientId,
      from.toJSDate(),
      from.plus({ years: 1 }).toJSDate(),
    );
    const by = { '01': 0, '02': 0 };
    for (const p of paid) by[expensive.has(p.invoiceId) ? '02' : '01'] += p.paidKopecks - p.refundedKopecks;
    return (['01', '02'] as const)
      .map((code) => ({ code, kopecks: Math.max(0, by[code]) }))
      .filter((s) => s.kopecks > 0);
  }

  async issue(principal: Principal, input: IssueTaxCertificateInput): Promise<Outcome<TaxCertificateRecord>> {
    const by = principal.subject;
    if (!by) throw appError(ErrorCode.UNAUTHENTICATED);
    if (principal.role === 'patient' && principal.patientId !== input.patientId)
      return fail([inputError('input.patientId', ErrorCode.NOT_FOUND, 'Пациент не найден')]);
    const today = clinicToday(this.deps.clinicTimeZone);
    const thisYear = Number(today.slice(0, 4));
    if (!Number.isInteger(input.year) || input.year < FIRST_YEAR || input.year > thisYear)
      return fail([
        inputError('input.year', ErrorCode.BAD_USER_INPUT, `Год — с ${FIRST_YEAR} по ${thisYear}`),
      ]);
    const invoices = await this.deps.invoices.byIds(input.expensiveInvoiceIds);
    const foreign = input.expensiveInvoiceIds.flatMap((id, i) =>
      invoices.get(id)?.patientId === input.patientId
        ? []
        : [inputError(`input.expensiveInvoiceIds.${i}`, ErrorCode.NOT_FOUND, 'Счёт пациента не найден')],
    );
    if (foreign.length) return fail(foreign);
    const sums = await this.sums(input.patientId, input.year, new Set(input.expensiveInvoiceIds));
    if (sums.length === 0)
      return fail([inputError('input.year', codes.NOTHING_PAID, 'За этот год оплат медицинских услуг нет')]);
    const { clinic } = (await this.deps.contracts.currentTemplate()).template;
    const draft = (number: string): TaxCertificateInput => ({
      year: input.year,
      number,
      issuedAt: today,
      clinic: {
        name: clinic.name,
        inn: clinic.inn,
        kpp: clinic.kpp,
        licence: `№ ${clinic.licence.number} от ${formatLongDate(clinic.licence.date)}`,
      },
      taxpayer: input.taxpayer,
      ...(input.patient ? { patient: input.patient } : {}),
      sums,
      signer: { fullName: clinic.signatory.fullName, position: clinic.signatory.position },
    });
    try {
      parseTaxCertificateData(draft(`${input.year}-000000`));
    } catch (e) {
      if (e instanceof TaxCertificateError) return fail(certificateErrors(e));
      throw e;
    }
    const { idempotencyKey, ...request } = input;
    return idempotentWrite(
      { database: this.deps.database, idempotency: this.idempotency },
      { principal, key: idempotencyKey, operation: 'issueTaxCertificate', request },
      async (id) => {
        const data = parseTaxCertificateData(draft(await this.deps.certificates.nextNumber(input.year)));
        return this.deps.certificates.insert({
          id,
          number: data.number,
          patientId: input.patientId,
          year: input.year,
          data,
          fileGuid: randomUUID(),
          totalKopecks: sums.reduce((s, x) => s + x.kopecks, 0),
          createdBy: by,
        });
      },
      async (id) => (await this.deps.certificates.byIds([id])).get(id)!,
    );
  }
}

/** The certificate's XML (its file name and windows-1251 bytes) and PDF, from its stored data. */
export function certificateFiles(c: { data: TaxCertificateData; fileGuid: string }): TaxCertificateFiles {
  const fileId = taxCertificateFileName(c.data, c.fileGuid);
  const xml = buildTaxCertificateXml(c.data, fileId);
  return {
    fileName: `${fileId}.xml`,
    xml,
    xmlFile: encodeWindows1251(xml),
    pdf: () => taxCertificatePdf(c.data),
  };
}

/** The validator's issues: the taxpayer's and patient's under the input, the rest on the whole input. */
function certificateErrors(e: TaxCertificateError): InputError[] {
  return e.issues.flatMap((i) =>
    /^(taxpayer|patient)(\.|$)/.test(i.path)
      ? issuesAsInputErrors([i], 'input', codes.CERTIFICATE_DATA_INVALID)
      : [inputError('input', codes.CERTIFICATE_DATA_INVALID, i.message)],
  );
}

function fail(inputErrors: InputError[]): { ok: false; inputErrors: InputError[] } {
  return { ok: false, inputErrors };
}
