import type { Database } from '@medikamente/runtime';
import { codeQueryPrefixes, normaliseCode, searchText, searchWords } from './icd10-code';
import { ICD10_SUBSET } from './icd10-subset';

/** A code of the directory as the API shows it. */
export type Icd10Code = { code: string; title: string };
/** A row to write: `source` is 'subset' or 'nsi:<version>'. */
export type Icd10Write = { code: string; title: string; active: boolean };
export type Icd10WriteCounts = { imported: number; updated: number; unchanged: number };

type Row = { code: string; title: string };
type Existing = { code: string; title: string; active: boolean; source: string };

/** The most words of a title query that are compared (more only narrow an already exact result). */
const MAX_WORDS = 8;

/** The ICD-10 directory: all SQL of the module. */
export class Icd10Store {
  constructor(private readonly database: Database) {}

  /**
   * Active codes matching a query: by code prefix when it looks like a code ("J06", "j06.9",
   * "о06" typed on the Russian layout), else by title words (all of them, any order, each a word
   * start, case- and ё-insensitive). Ranked: exact code, code prefix, title starting with the
   * first word, other title matches; then by code.
   */
  async search(query: string, limit: number): Promise<Icd10Code[]> {
    const prefixes = codeQueryPrefixes(query);
    if (prefixes) {
      return this.database.query<Row>(
        `select code, title from icd10_code
          where active and code like any($1::text[])
          order by (code = any($2::text[])) desc, code collate "C" limit $3`,
        [prefixes.map((p) => `${p}%`), prefixes, limit],
      );
    }
    const words = searchWords(query).slice(0, MAX_WORDS);
    if (!words.length) return [];
    // Words hold only letters and digits (searchWords), so they carry no LIKE wildcards.
    return this.database.query<Row>(
      `select code, title from icd10_code
        where active and search_text like all($1::text[])
        order by (search_text like $2) desc, code collate "C" limit $3`,
      [words.map((w) => `% ${w}%`), ` ${words[0]}%`, limit],
    );
  }

  /** The active codes among `codes` (canonical form, see normaliseCode), keyed by canonical code. */
  async byCodes(codes: readonly string[]): Promise<Map<string, Icd10Code>> {
    const wanted = [...new Set(codes.map(normaliseCode).filter((c): c is string => c !== null))];
    if (!wanted.length) return new Map();
    const rows = await this.database.query<Row>(
      'select code, title from icd10_code where active and code = any($1::text[])',
      [wanted],
    );
    return new Map(rows.map((r) => [r.code, { code: r.code, title: r.title }]));
  }

  /** How many codes the directory holds, by source kind (active and inactive). */
  async counts(): Promise<{ subset: number; nsi: number; active: number }> {
    const [row] = await this.database.query<{ subset: number; nsi: number; active: number }>(
      `select count(*) filter (where source = 'subset')::int as subset,
              count(*) filter (where source <> 'subset')::int as nsi,
              count(*) filter (where active)::int as active
         from icd10_code`,
    );
    return row!;
  }

  /**
   * Writes the shipped subset (ICD10_SUBSET), idempotently: inserts missing codes and refreshes
   * titles of rows that still come from the subset; rows imported from the NSI file are never
   * touched. Call at start; safe to run concurrently from several replicas.
   */
  async ensureSubset(): Promise<number> {
    const rows = await this.database.query<{ code: string }>(
      `insert into icd10_code (code, title, search_text, source)
       select c, t, s, 'subset' from unnest($1::text[], $2::text[], $3::text[]) as u(c, t, s)
       on conflict (code) do update set title = excluded.title, search_text = excluded.search_text, imported_at = now()
         where icd10_code.source = 'subset' and icd10_code.title <> excluded.title
       returning code`,
      [
        ICD10_SUBSET.map((r) => r[0]),
        ICD10_SUBSET.map((r) => r[1]),
        ICD10_SUBSET.map((r) => searchText(r[1])),
      ],
    );
    return rows.length;
  }

  /**
   * Writes imported rows in one transaction: new codes are inserted, codes whose title, state or
   * source differ are updated, the rest are counted unchanged. Codes absent from `rows` stay as
   * they are (a file may be partial); an inactive row deactivates its code.
   */
  async write(rows: readonly Icd10Write[], source: string): Promise<Icd10WriteCounts> {
    return this.database.tx(async (q) => {
      const existing = new Map(
        (
          await q<Existing>(
            'select code, title, active, source from icd10_code where code = any($1::text[])',
            [rows.map((r) => r.code)],
          )
        ).map((r) => [r.code, r]),
      );
      const fresh = rows.filter((r) => !existing.has(r.code));
      const changed = rows.filter((r) => {
        const e = existing.get(r.code);
        return e && (e.title !== r.title || e.active !== r.active || e.source !== source);
      });
      const columns = (list: readonly Icd10Write[]) => [
        list.map((r) => r.code),
        list.map((r) => r.title),
        list.map((r) => searchText(r.title)),
        // As text: postgres.js sends a JS boolean array as one boolean, not as boolean[].
        list.map((r) => String(r.active)),
        source,
      ];
      if (fresh.length)
        await q(
          `insert into icd10_code (code, title, search_text, active, source)
           select c, t, s, a::boolean, $5 from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as u(c, t, s, a)`,
          columns(fresh),
        );
      if (changed.length)
        await q(
          `update icd10_code set title = u.t, search_text = u.s, active = u.a::boolean, source = $5, imported_at = now()
             from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as u(c, t, s, a)
            where icd10_code.code = u.c`,
          columns(changed),
        );
      return {
        imported: fresh.length,
        updated: changed.length,
        unchanged: rows.length - fresh.length - changed.length,
      };
    });
  }
}
