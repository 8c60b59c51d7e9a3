import { dateError, ErrorCode, type InputError, idError, inputError, textError } from '@medikamente/runtime';
import type { IssueTaxCertificateInput, TaxPerson } from './certificates.service';

type PersonArg = {
  fullName: string;
  inn?: string | null;
  birthDate: string;
  document: { code: string; seriesNumber: string; issuedAt: string };
};
type Args = {
  patientId: string;
  year: number;
  taxpayer: PersonArg;
  patient?: (PersonArg & { relation: 'SPOUSE' | 'PARENT' | 'CHILD' | 'WARD' }) | null;
  expensiveInvoiceIds?: string[] | null;
  idempotencyKey: string;
};

function personErrors(prefix: string, p: PersonArg): Array<InputError | null> {
  return [
    textError(`${prefix}.fullName`, p.fullName, { max: 200, required: true }),
    textError(`${prefix}.inn`, p.inn, { max: 12 }),
    dateError(`${prefix}.birthDate`, p.birthDate),
    textError(`${prefix}.document.code`, p.document.code, { max: 2, required: true }),
    textError(`${prefix}.document.seriesNumber`, p.document.seriesNumber, { max: 50, required: true }),
    dateError(`${prefix}.document.issuedAt`, p.document.issuedAt),
  ];
}

function person(p: PersonArg): TaxPerson {
  const inn = p.inn?.trim();
  return {
    fullName: p.fullName.trim(),
    ...(inn ? { inn } : {}),
    birthDate: p.birthDate,
    document: {
      code: p.document.code.trim(),
      seriesNumber: p.document.seriesNumber.trim(),
      issuedAt: p.document.issuedAt,
    },
  };
}

/** The issueTaxCertificate arguments checked and normalised, or input errors. */
export function certificateInput(
  input: Args,
): { ok: true; value: IssueTaxCertificateInput } | { ok: false; inputErrors: InputError[] } {
  const expensive = input.expensiveInvoiceIds ?? [];
  const inputErrors = [
    idError('input.patientId', input.patientId),
    ...personErrors('input.taxpayer', input.taxpayer),
    ...(input.patient ? personErrors('input.patient', input.patient) : []),
    expensive.length > 500
      ? inputError('input.expensiveInvoiceIds', ErrorCode.BAD_USER_INPUT, 'Не больше 500 счетов')
      : null,
    ...expensive.map((id, i) => idError(`input.expensiveInvoiceIds.${i}`, id)),
    textError('input.idempotencyKey', input.idempotencyKey, { max: 100, required: true }),
  ].filter((e) => e !== null);
  if (inputErrors.length) return { ok: false, inputErrors };
  return {
    ok: true,
    value: {
      patientId: input.patientId.toLowerCase(),
      year: input.year,
      taxpayer: person(input.taxpayer),
      patient: input.patient ? { ...person(input.patient), relation: input.patient.relation } : null,
      expensiveInvoiceIds: [...new Set(expensive.map((id) => id.toLowerCase()))],
      idempotencyKey: input.idempotencyKey,
    },
  };
}
