import { dateError, ErrorCode, type InputError, idError, inputError, textError } from '@medikamente/runtime';
import type { ContractPerson } from '../documents';
import { type CreateContractInput, DEFAULT_PROVISION_TERMS } from './contracts.service';

type DocumentArg = {
  kind: string;
  seriesNumber: string;
  issuedBy?: string | null;
  issuedAt?: string | null;
};
type PersonArg = {
  fullName: string;
  birthDate?: string | null;
  address: string;
  phone: string;
  document: DocumentArg;
};
type ContractArgs = {
  patientId: string;
  branchId: string;
  patient: PersonArg;
  representative?: (PersonArg & { basis: string }) | null;
  payer?: PersonArg | null;
  services: Array<{ priceItemId: string; quantity?: number | null }>;
  provisionTerms?: string | null;
  city?: string | null;
  idempotencyKey: string;
};

const opt = (v: string | null | undefined) => v?.trim() || undefined;

/** Length and character checks of a party's fields (what the document validators do not check). */
function personErrors(prefix: string, p: PersonArg): Array<InputError | null> {
  return [
    textError(`${prefix}.fullName`, p.fullName, { max: 200, required: true }),
    p.birthDate ? dateError(`${prefix}.birthDate`, p.birthDate) : null,
    textError(`${prefix}.address`, p.address, { max: 500, required: true }),
    textError(`${prefix}.phone`, p.phone, { max: 50, required: true }),
    textError(`${prefix}.document.kind`, p.document.kind, { max: 200, required: true }),
    textError(`${prefix}.document.seriesNumber`, p.document.seriesNumber, { max: 50, required: true }),
    textError(`${prefix}.document.issuedBy`, p.document.issuedBy, { max: 300 }),
    p.document.issuedAt ? dateError(`${prefix}.document.issuedAt`, p.document.issuedAt) : null,
  ];
}

function person(p: PersonArg): ContractPerson {
  const issuedBy = opt(p.document.issuedBy);
  const issuedAt = opt(p.document.issuedAt);
  const birthDate = opt(p.birthDate);
  return {
    fullName: p.fullName.trim(),
    ...(birthDate ? { birthDate } : {}),
    address: p.address.trim(),
    phone: p.phone.trim(),
    document: {
      kind: p.document.kind.trim(),
      seriesNumber: p.document.seriesNumber.trim(),
      ...(issuedBy ? { issuedBy } : {}),
      ...(issuedAt ? { issuedAt } : {}),
    },
  };
}

/** The createContract arguments checked and normalised (trimmed, ids lower-case), or input errors. */
export function contractInput(
  input: ContractArgs,
): { ok: true; value: CreateContractInput } | { ok: false; inputErrors: InputError[] } {
  const quantities = input.services.map((s) => s.quantity ?? 1);
  const inputErrors = [
    idError('input.patientId', input.patientId),
    idError('input.branchId', input.branchId),
    ...personErrors('input.patient', input.patient),
    ...(input.representative
      ? [
          ...personErrors('input.representative', input.representative),
          textError('input.representative.basis', input.representative.basis, { max: 300, required: true }),
        ]
      : []),
    ...(input.payer ? personErrors('input.payer', input.payer) : []),
    input.services.length === 0 || input.services.length > 50
      ? inputError('input.services', ErrorCode.BAD_USER_INPUT, 'От 1 до 50 услуг')
      : null,
    ...input.services.flatMap((s, i) => [
      idError(`input.services.${i}.priceItemId`, s.priceItemId),
      Number.isInteger(quantities[i]) && quantities[i]! >= 1 && quantities[i]! <= 100
        ? null
        : inputError(`input.services.${i}.quantity`, ErrorCode.BAD_USER_INPUT, 'Количество от 1 до 100'),
    ]),
    textError('input.provisionTerms', input.provisionTerms, { max: 1000 }),
    textError('input.city', input.city, { max: 100 }),
    textError('input.idempotencyKey', input.idempotencyKey, { max: 100, required: true }),
  ].filter((e) => e !== null);
  if (inputErrors.length) return { ok: false, inputErrors };
  return {
    ok: true,
    value: {
      patientId: input.patientId.toLowerCase(),
      branchId: input.branchId.toLowerCase(),
      patient: person(input.patient),
      representative: input.representative
        ? { ...person(input.representative), basis: input.representative.basis.trim() }
        : null,
      payer: input.payer ? person(input.payer) : null,
      services: input.services.map((s, i) => ({
        priceItemId: s.priceItemId.toLowerCase(),
        quantity: quantities[i]!,
      })),
      provisionTerms: opt(input.provisionTerms) ?? DEFAULT_PROVISION_TERMS,
      city: opt(input.city) ?? null,
      idempotencyKey: input.idempotencyKey,
    },
  };
}
