/**
 * `pnpm import:icd10 <file> [--version V] [--strict]` — loads the Minzdrav NSI ICD-10 directory
 * (OID 1.2.643.5.1.13.13.11.1005, CSV or XML as downloaded by the clinic) into the record
 * subgraph's database: RECORD_DATABASE_URL, or the embedded PGlite under DATA_DIR (stop the
 * service first: PGlite is one process's). Prints the counts and the first rejected rows.
 *
 * Exit codes: 0 imported (rejected rows are reported, the valid rows are in); 1 the file cannot
 * be read or parsed (nothing written), or with --strict when any row was rejected (the valid rows
 * are still written); 2 usage.
 */
import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '@medikamente/runtime';
import { loadRecordEnv } from '../src/env';
import { Icd10ParseError, Icd10Store, importIcd10 } from '../src/modules/icd10';
import { record } from '../src/service';

const SHOWN = 20;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { version: { type: 'string' }, strict: { type: 'boolean', default: false } },
});
const [file] = positionals;
if (!file || positionals.length > 1) {
  console.error('usage: pnpm import:icd10 <file.csv|file.xml> [--version V] [--strict]');
  process.exit(2);
}
const path = resolve(file);
// Without --version the file name stands for the directory version (e.g. "1.2.643.5.1.13.13.11.1005_2.21").
const version =
  values.version ??
  basename(path, extname(path))
    .replace(/[^\p{L}\p{N}._-]/gu, '_')
    .slice(0, 64);

let content: Buffer;
try {
  content = readFileSync(path);
} catch (e) {
  console.error(`import:icd10: cannot read ${path}: ${(e as Error).message}`);
  process.exit(1);
}

const env = loadRecordEnv();
// The service's own migrations, so that the script works on a database the service never opened.
const { migrationsDir, migrations } = record.definition;
const database = await openDatabase({
  url: env.RECORD_DATABASE_URL,
  dataDir: env.DATA_DIR,
  migrationsDir: migrationsDir instanceof URL ? fileURLToPath(migrationsDir) : migrationsDir,
  migrations,
});
try {
  const report = await importIcd10(new Icd10Store(database), content, { version });
  console.log(
    `ICD-10 ${report.format.toUpperCase()} nsi:${version}: ${report.imported} imported, ${report.updated} updated, ` +
      `${report.unchanged} unchanged, ${report.skipped} chapters/blocks skipped, ${report.rejected.length} rejected`,
  );
  for (const r of report.rejected.slice(0, SHOWN))
    console.log(`  line ${r.line}: ${r.reason}${r.raw ? ` — ${r.raw}` : ''}`);
  if (report.rejected.length > SHOWN) console.log(`  … and ${report.rejected.length - SHOWN} more`);
  process.exitCode = values.strict && report.rejected.length ? 1 : 0;
} catch (e) {
  if (!(e instanceof Icd10ParseError) && !(e instanceof RangeError)) throw e;
  console.error(`import:icd10: ${e.message}; nothing was written`);
  process.exitCode = 1;
} finally {
  await database.close();
}
