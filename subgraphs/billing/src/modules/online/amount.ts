/**
 * YooKassa writes money as decimal strings ("123.45", currency apart); we keep integer kopecks.
 * The conversion goes through BigInt digits so no float ever touches an amount.
 */

const AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/;

/** "123.45" → 12345; "100" → 10000; "0.5" → 50. Throws RangeError on anything else. */
export function amountToKopecks(value: string): number {
  const m = AMOUNT.exec(value);
  if (!m) throw new RangeError('not a decimal amount with at most two fraction digits');
  const kopecks = BigInt(m[1] ?? '0') * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  if (kopecks > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('amount too large');
  return Number(kopecks);
}

/** 12345 → "123.45"; 5 → "0.05". Throws RangeError unless a non-negative safe integer. */
export function kopecksToAmount(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks) || kopecks < 0) {
    throw new RangeError('kopecks must be a non-negative safe integer');
  }
  const k = BigInt(kopecks);
  return `${k / 100n}.${String(k % 100n).padStart(2, '0')}`;
}
