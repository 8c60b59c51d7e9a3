import { ErrorCode, hasControlCharacters, type InputError, inputError } from '@medikamente/runtime';
import type { LabTestInput } from './catalogue.store';

const CODE = /^[A-Za-z0-9][A-Za-z0-9.\-_]{0,31}$/;
const CLIENT_ID = /^[a-z][a-z0-9_]{2,99}$/;

type RangeInput = {
  sex: 'MALE' | 'FEMALE' | 'ANY';
  ageFrom?: number | null;
  ageTo?: number | null;
  low?: number | null;
  high?: number | null;
};

type RawInput = {
  id?: string | null;
  code: string;
  codeSystem: 'LOINC' | 'FSLI' | 'LOCAL';
  name: string;
  specimenType: string;
  kind: 'NUMERIC' | 'CODED' | 'TEXT';
  unit?: string | null;
  unitAliases?: readonly string[] | null;
  referenceRanges: readonly RangeInput[];
  criticalLow?: number | null;
  criticalHigh?: number | null;
  plausibleLow?: number | null;
  plausibleHigh?: number | null;
  normalCodes?: readonly string[] | null;
  turnaroundHours: number;
  partnerClientId: string;
  partnerName: string;
  priceReference?: string | null;
  active?: boolean | null;
};

const text = (
  errors: InputError[],
  field: string,
  v: string | null | undefined,
  max: number,
  required: boolean,
): string | null => {
  const t = (v ?? '').trim();
  if (!t) {
    if (required) errors.push(inputError(field, ErrorCode.REQUIRED, 'Заполните поле'));
    return null;
  }
  if (t.length > max) errors.push(inputError(field, ErrorCode.TOO_LONG, `Не длиннее ${max} символов`));
  else if (hasControlCharacters(t))
    errors.push(inputError(field, ErrorCode.BAD_USER_INPUT, 'Недопустимые символы'));
  return t;
};

const finite = (errors: InputError[], field: string, v: number | null | undefined): number | null => {
  if (v === null || v === undefined) return null;
  if (!Number.isFinite(v)) errors.push(inputError(field, ErrorCode.BAD_USER_INPUT, 'Нужно число'));
  return v;
};

function checkRanges(errors: InputError[], ranges: readonly RangeInput[]): void {
  if (ranges.length > 30)
    errors.push(inputError('input.referenceRanges', ErrorCode.BAD_USER_INPUT, 'Не больше 30 интервалов'));
  ranges.slice(0, 30).forEach((r, i) => {
    const f = `input.referenceRanges[${i}]`;
    for (const [k, v] of [
      ['ageFrom', r.ageFrom],
      ['ageTo', r.ageTo],
    ] as const)
      if (v !== null && v !== undefined && (!Number.isInteger(v) || v < 0 || v > 150))
        errors.push(inputError(`${f}.${k}`, ErrorCode.BAD_USER_INPUT, 'Возраст от 0 до 150 лет'));
    if (r.ageFrom != null && r.ageTo != null && r.ageFrom >= r.ageTo)
      errors.push(
        inputError(
          `${f}.ageTo`,
          ErrorCode.BAD_USER_INPUT,
          'Конец возрастного интервала должен быть больше начала',
        ),
      );
    finite(errors, `${f}.low`, r.low);
    finite(errors, `${f}.high`, r.high);
    if (r.low == null && r.high == null)
      errors.push(inputError(`${f}.low`, ErrorCode.REQUIRED, 'Укажите нижнюю или верхнюю границу'));
    if (r.low != null && r.high != null && r.low > r.high)
      errors.push(inputError(`${f}.high`, ErrorCode.BAD_USER_INPUT, 'Верхняя граница меньше нижней'));
  });
}

/** Checks a catalogue entry; the normalised input, or the input errors (nothing is written then). */
export function validateLabTest(
  raw: RawInput,
): { ok: true; input: LabTestInput } | { ok: false; errors: InputError[] } {
  const errors: InputError[] = [];
  const code = text(errors, 'input.code', raw.code, 32, true);
  if (code && !CODE.test(code))
    errors.push(
      inputError('input.code', ErrorCode.BAD_USER_INPUT, 'Код: латинские буквы, цифры, точка, дефис'),
    );
  const name = text(errors, 'input.name', raw.name, 200, true);
  const specimenType = text(errors, 'input.specimenType', raw.specimenType, 100, true);
  const unit = text(errors, 'input.unit', raw.unit, 30, false);
  const partnerName = text(errors, 'input.partnerName', raw.partnerName, 200, true);
  const priceReference = text(errors, 'input.priceReference', raw.priceReference, 64, false);
  const partnerClientId = (raw.partnerClientId ?? '').trim();
  if (!CLIENT_ID.test(partnerClientId))
    errors.push(
      inputError(
        'input.partnerClientId',
        ErrorCode.BAD_USER_INPUT,
        'Некорректный идентификатор клиента лаборатории',
      ),
    );
  const aliases = [...new Set((raw.unitAliases ?? []).map((a) => a.trim()).filter(Boolean))];
  if (aliases.length > 10 || aliases.some((a) => a.length > 30 || hasControlCharacters(a)))
    errors.push(
      inputError('input.unitAliases', ErrorCode.BAD_USER_INPUT, 'Не больше 10 обозначений по 30 символов'),
    );
  const normalCodes = [...new Set((raw.normalCodes ?? []).map((a) => a.trim()).filter(Boolean))];
  if (normalCodes.length > 20 || normalCodes.some((a) => a.length > 60 || hasControlCharacters(a)))
    errors.push(
      inputError('input.normalCodes', ErrorCode.BAD_USER_INPUT, 'Не больше 20 значений по 60 символов'),
    );
  checkRanges(errors, raw.referenceRanges);
  const criticalLow = finite(errors, 'input.criticalLow', raw.criticalLow);
  const criticalHigh = finite(errors, 'input.criticalHigh', raw.criticalHigh);
  const plausibleLow = finite(errors, 'input.plausibleLow', raw.plausibleLow);
  const plausibleHigh = finite(errors, 'input.plausibleHigh', raw.plausibleHigh);
  if (criticalLow !== null && criticalHigh !== null && criticalLow >= criticalHigh)
    errors.push(
      inputError(
        'input.criticalHigh',
        ErrorCode.BAD_USER_INPUT,
        'Критическая верхняя граница должна быть больше нижней',
      ),
    );
  if (plausibleLow !== null && plausibleHigh !== null && plausibleLow >= plausibleHigh)
    errors.push(
      inputError(
        'input.plausibleHigh',
        ErrorCode.BAD_USER_INPUT,
        'Верхний предел должен быть больше нижнего',
      ),
    );
  if (
    raw.kind !== 'NUMERIC' &&
    (raw.referenceRanges.length > 0 || criticalLow !== null || criticalHigh !== null)
  )
    errors.push(
      inputError('input.kind', ErrorCode.BAD_USER_INPUT, 'Интервалы задаются только для числовых анализов'),
    );
  if (!Number.isInteger(raw.turnaroundHours) || raw.turnaroundHours < 1 || raw.turnaroundHours > 2000)
    errors.push(
      inputError('input.turnaroundHours', ErrorCode.BAD_USER_INPUT, 'Срок выполнения: от 1 до 2000 часов'),
    );
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      id: raw.id ?? null,
      code: code!,
      codeSystem: raw.codeSystem,
      name: name!,
      specimenType: specimenType!,
      kind: raw.kind,
      unit,
      unitAliases: aliases,
      referenceRanges: raw.referenceRanges.map((r) => ({
        sex: r.sex,
        ageFrom: r.ageFrom ?? null,
        ageTo: r.ageTo ?? null,
        low: r.low ?? null,
        high: r.high ?? null,
      })),
      criticalLow,
      criticalHigh,
      plausibleLow,
      plausibleHigh,
      normalCodes,
      turnaroundHours: raw.turnaroundHours,
      partnerClientId,
      partnerName: partnerName!,
      priceReference,
      active: raw.active ?? true,
    },
  };
}
