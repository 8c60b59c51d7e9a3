import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@medikamente/runtime';
import { createTestDatabase } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICD10_SUBSET, Icd10ParseError, Icd10Store, icd10Resolvers, importIcd10 } from '../src/modules/icd10';
import { record } from '../src/service';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/icd10/${name}`, import.meta.url));

/** A fresh record database with all the service's migrations (Postgres when it answers, else PGlite). */
async function openRecordDatabase() {
  const test = await createTestDatabase('icd10');
  const { migrationsDir, migrations } = record.definition;
  const database = await openDatabase({
    url: test.url,
    migrationsDir: fileURLToPath(migrationsDir as URL),
    migrations,
  });
  const store = new Icd10Store(database);
  await store.ensureSubset();
  return {
    database,
    store,
    close: async () => {
      await database.close();
      await test.drop();
    },
  };
}

const codes = (rows: Array<{ code: string }>) => rows.map((r) => r.code);

describe('ICD-10 directory: subset and search', () => {
  let db: Awaited<ReturnType<typeof openRecordDatabase>>;
  beforeAll(async () => {
    db = await openRecordDatabase();
  });
  afterAll(async () => db?.close());

  it('holds the shipped subset once; ensureSubset is idempotent', async () => {
    expect(await db.store.counts()).toEqual({
      subset: ICD10_SUBSET.length,
      nsi: 0,
      active: ICD10_SUBSET.length,
    });
    expect(ICD10_SUBSET.length).toBeGreaterThanOrEqual(90);
    expect(await db.store.ensureSubset()).toBe(0);
    expect((await db.store.counts()).subset).toBe(ICD10_SUBSET.length);
  });

  it('validates codes: only known active codes, keyed by canonical code', async () => {
    const found = await db.store.byCodes(['j06.9', 'I10', 'X99.9', 'nonsense', 'Н10']);
    expect([...found.keys()].sort()).toEqual(['I10', 'J06.9']);
    expect(found.get('J06.9')!.title).toBe('Острая инфекция верхних дыхательных путей неуточненная');
  });

  it('finds by code prefix, the exact code first', async () => {
    expect(codes(await db.store.search('J06', 20))).toEqual(['J06', 'J06.0', 'J06.9']);
    expect(codes(await db.store.search(' j06.9 ', 20))).toEqual(['J06.9']);
    expect(codes(await db.store.search('j069', 20))).toEqual(['J06.9']);
    expect(codes(await db.store.search('J4', 20))).toEqual(['J44.9', 'J45', 'J45.0', 'J45.9']);
    expect(codes(await db.store.search('M54', 2))).toEqual(['M54', 'M54.2']);
  });

  it('reads a code typed on the Russian layout or with a Cyrillic lookalike', async () => {
    expect(codes(await db.store.search('о06', 20))).toEqual(['J06', 'J06.0', 'J06.9']); // "о" is the J key
    expect(codes(await db.store.search('Н10', 20))).toEqual(['H10.1', 'H10.9']); // Cyrillic Н
  });

  it('finds by all words of the title, any order, case- and ё-insensitive, at word starts', async () => {
    const acute = codes(await db.store.search('ОСТРЫЙ синусит', 20));
    expect(acute).toEqual(['J01.0', 'J01.9']);
    expect(codes(await db.store.search('синусит острый', 20))).toEqual(acute);
    expect(codes(await db.store.search('неуточнённая инфекция верхних', 20))).toEqual(['J06.9']);
    expect(codes(await db.store.search('синус', 20))).toEqual(acute);
    expect(await db.store.search('инусит', 20)).toEqual([]);
    expect(await db.store.search('синусит подагра', 20)).toEqual([]);
  });

  it('ranks titles that start with the first word before other title matches', async () => {
    expect(codes(await db.store.search('гастрит', 20))).toEqual(['K29', 'K29.7', 'K29.3', 'K29.5']);
  });

  it('the resolver validates its arguments with coded errors', async () => {
    const ctx = { stores: { icd10: db.store } };
    const search = (query: string, first?: number) =>
      icd10Resolvers.Query.icd10Search({}, { query, first }, ctx);
    expect(codes(await search('I10'))).toEqual(['I10']);
    await expect(search('   ')).rejects.toMatchObject({ extensions: { code: 'REQUIRED', field: 'query' } });
    await expect(search('a'.repeat(101))).rejects.toMatchObject({ extensions: { code: 'TOO_LONG' } });
    await expect(search('I10', 51)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
    await expect(search('I10', 0)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('ICD-10 directory: NSI import', () => {
  let db: Awaited<ReturnType<typeof openRecordDatabase>>;
  beforeAll(async () => {
    db = await openRecordDatabase();
  });
  afterAll(async () => db?.close());

  const snapshot = () =>
    db.database.query('select code, title, source, active, imported_at from icd10_code order by code');

  it('adds, updates and deactivates codes and reports rejected rows with their lines', async () => {
    const report = await importIcd10(db.store, fixture('nsi-sample.csv'), { version: '5.12' });
    // J45.8 and K29.1 are new; J06.9 has another title; J00 is deactivated; E11.9 and I10 now come from NSI.
    expect(report).toMatchObject({ format: 'csv', imported: 2, updated: 4, unchanged: 0, skipped: 1 });
    expect(report.rejected.map((r) => r.line)).toEqual([5, 6, 8, 12]);
    expect(report.rejected[2]!.reason).toBe('duplicate code, first at line 4');

    expect(codes(await db.store.search('смешанная астма', 20))).toEqual(['J45.8']);
    expect((await db.store.search('J06.9', 1))[0]!.title).toBe(
      'Острая инфекция верхних дыхательных путей; неуточненная',
    );
    expect(await db.store.search('насморк', 20)).toEqual([]);
    expect([...(await db.store.byCodes(['J00', 'J45.8', 'K29.1'])).keys()].sort()).toEqual([
      'J45.8',
      'K29.1',
    ]);
    const [row] = await db.database.query<{ source: string }>(
      "select source from icd10_code where code = 'I10'",
    );
    expect(row!.source).toBe('nsi:5.12');
  });

  it('re-importing the same file changes nothing; the subset does not overwrite imported rows', async () => {
    const before = await snapshot();
    const again = await importIcd10(db.store, fixture('nsi-sample.csv'), { version: '5.12' });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 6 });
    expect(await db.store.ensureSubset()).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it('imports the XML export too', async () => {
    const report = await importIcd10(db.store, fixture('nsi-sample.xml'), { version: '5.13' });
    expect(report).toMatchObject({ format: 'xml', imported: 2, updated: 1, unchanged: 0, skipped: 1 });
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [13, 'empty title'],
      [14, 'invalid code'],
    ]);
    expect(codes(await db.store.search('менингит', 20))).toEqual(['G01']);
    expect((await db.store.byCodes(['Z76.0'])).size).toBe(0); // imported inactive
  });

  it('a file that cannot be parsed writes nothing', async () => {
    const before = await snapshot();
    const broken = 'MKB_CODE;MKB_NAME;ACTUAL\nR99;Новый код;1\nR05;"Кашель;1\n';
    await expect(importIcd10(db.store, broken, { version: '9' })).rejects.toThrow(Icd10ParseError);
    await expect(importIcd10(db.store, '<a><b>', { version: '9' })).rejects.toThrow(Icd10ParseError);
    expect(await snapshot()).toEqual(before);
  });

  it('writes in one transaction: a failing update rolls back the inserts before it', async () => {
    const before = await snapshot();
    const rows = [
      { code: 'R99', title: 'Новый код', active: true },
      { code: 'J45.8', title: ' ', active: true }, // violates the table's title check
    ];
    await expect(db.store.write(rows, 'nsi:9')).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });
});
