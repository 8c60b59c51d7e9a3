import type { Icd10Store } from './icd10.store';
import { type Icd10Rejected, parseIcd10File } from './icd10-parse';

export type Icd10ImportReport = {
  format: 'csv' | 'xml';
  /** New codes. */
  imported: number;
  /** Codes whose title, state (ACTUAL) or source changed. */
  updated: number;
  unchanged: number;
  /** Chapters and blocks ("A00-B99"): not codes, left out without complaint. */
  skipped: number;
  /** Rows left out, by line. */
  rejected: Icd10Rejected[];
};

/** A directory version, stored as the rows' source `nsi:<version>`. */
const VERSION = /^[\p{L}\p{N}._-]{1,64}$/u;

/**
 * Imports the Minzdrav NSI ICD-10 directory file (OID 1.2.643.5.1.13.13.11.1005, CSV or XML) the
 * clinic downloaded. The whole file is parsed before anything is written (a file that cannot be
 * parsed throws Icd10ParseError and writes nothing); the valid rows are written in one
 * transaction; invalid rows are reported in `rejected` with their line.
 */
export async function importIcd10(
  store: Icd10Store,
  content: Buffer | string,
  options: { version: string },
): Promise<Icd10ImportReport> {
  if (!VERSION.test(options.version)) throw new RangeError('version: 1..64 letters, digits, ".", "_" or "-"');
  const parsed = parseIcd10File(content);
  const counts = await store.write(parsed.rows, `nsi:${options.version}`);
  return { format: parsed.format, ...counts, skipped: parsed.skipped, rejected: parsed.rejected };
}
