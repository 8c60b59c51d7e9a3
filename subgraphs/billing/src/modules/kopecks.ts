import { ErrorCode } from '@medikamente/runtime';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/**
 * `Kopecks`: every money amount of the API (ADR 0017). A JSON number that is a whole number of
 * kopecks within ±Number.MAX_SAFE_INTEGER (≈ ±90 trillion ₽), so sums over many invoices (a
 * year's tax certificate, a branch's day in the reconciliation) are never cut at GraphQL `Int`'s
 * 2^31−1 (≈ 21.5 million ₽). Only billing has money, so the scalar is billing's alone.
 *
 * The scalar checks the shape only; how much a single input may be is the domain's rule
 * (`MAX_KOPECKS`, `kopecksError` in money.ts), reported in the payload's `inputErrors`.
 */
export const kopecksSdl = /* GraphQL */ `
  "Money: a whole number of kopecks (a JSON number, |n| ≤ 9007199254740991)"
  scalar Kopecks
`;

const MESSAGE = 'Сумма — целое число копеек (число JSON, не строка и не дробь)';

const refused = () => new GraphQLError(MESSAGE, { extensions: { code: ErrorCode.BAD_USER_INPUT } });

/** The value as a safe integer number of kopecks, or null. */
export function asKopecks(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'bigint')
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : null;
  return null;
}

/** An input value (variables): a safe integer JSON number, nothing else (no strings, no floats). */
function parseValue(value: unknown): number {
  const n = typeof value === 'number' ? asKopecks(value) : null;
  if (n === null) throw refused();
  return n;
}

/** An inline literal: an integer literal within the safe range. */
function parseLiteral(ast: ValueNode): number {
  if (ast.kind !== Kind.INT) throw refused();
  const n = Number(ast.value);
  if (!Number.isSafeInteger(n)) throw refused();
  return n;
}

/** An output value: the stores give numbers (bigint columns read as Number); anything else is our bug. */
function serialize(value: unknown): number {
  const n = asKopecks(value);
  if (n === null) throw new TypeError('Kopecks cannot represent a value that is not a safe integer');
  return n;
}

export const KopecksScalar = new GraphQLScalarType<number, number>({
  name: 'Kopecks',
  description: 'Money: a whole number of kopecks (a JSON number, |n| ≤ 9007199254740991)',
  serialize,
  parseValue,
  parseLiteral,
});
