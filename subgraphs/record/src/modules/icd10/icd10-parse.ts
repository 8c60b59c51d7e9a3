import { hasControlCharacters } from '@medikamente/runtime';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { normaliseCode } from './icd10-code';

/** One valid row of a directory file. */
export type Icd10FileRow = { line: number; code: string; title: string; active: boolean };
/** A row left out of the import, with the line it was read from (the row's end line for CSV). */
export type Icd10Rejected = { line: number; reason: string; raw?: string };
export type Icd10ParsedFile = {
  format: 'csv' | 'xml';
  rows: Icd10FileRow[];
  rejected: Icd10Rejected[];
  /** Structural rows (chapters, blocks such as "A00-B99") that are not codes and are left out. */
  skipped: number;
};

/** The file cannot be read as an NSI directory at all; nothing may be imported from it. */
export class Icd10ParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Icd10ParseError';
  }
}

// Column names seen in NSI exports and hand-made files, compared case-insensitively.
const CODE_KEYS = ['mkb_code', 'code', 'mkb10_code', 'kod'];
const TITLE_KEYS = ['mkb_name', 'name', 'title', 'mkb10_name', 'naim'];
const ACTUAL_KEYS = ['actual', 'is_actual', 'active'];
const RANGE = /^[A-Z]\d\d(\.\d+)?\s*-\s*[A-Z]\d\d(\.\d+)?$/i;
const MAX_TITLE = 1000;

/** UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as windows-1251. */
export function decodeText(content: Buffer | string): string {
  if (typeof content === 'string') return content.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1251').decode(content);
  }
}

/**
 * Parses an NSI ICD-10 directory export (CSV with `;`, `,` or tab, or XML with one element per
 * row holding the fields as children or attributes). Tolerates the column name variants
 * MKB_CODE/CODE, MKB_NAME/NAME, ACTUAL/IS_ACTUAL. Throws Icd10ParseError when the file cannot be
 * read as such a directory; invalid rows are returned in `rejected`, duplicates keep one row
 * (the first active one).
 */
export function parseIcd10File(content: Buffer | string): Icd10ParsedFile {
  const text = decodeText(content);
  const format = text.trimStart().startsWith('<') ? 'xml' : 'csv';
  const records = format === 'xml' ? readXml(text) : readCsv(text);
  return { format, ...validate(records) };
}

type RawRecord = { line: number; fields: Record<string, string>; raw: string };

function readCsv(text: string): RawRecord[] {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', '\t', ','].reduce((best, d) => (count(header, d) > count(header, best) ? d : best));
  let parsed: Array<{ record: string[]; info: { lines: number } }>;
  try {
    parsed = parseCsv(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof parsed;
  } catch (e) {
    throw new Icd10ParseError(`CSV cannot be parsed: ${(e as Error).message}`);
  }
  const [head, ...body] = parsed;
  const columns = (head?.record ?? []).map((c) => c.trim().toLowerCase());
  requireColumns(columns);
  return body.map(({ record, info }) => ({
    line: info.lines,
    fields: Object.fromEntries(columns.map((c, i) => [c, record[i] ?? ''])),
    raw: record.join(delimiter),
  }));
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

function requireColumns(columns: string[]) {
  if (!columns.some((c) => CODE_KEYS.includes(c)) || !columns.some((c) => TITLE_KEYS.includes(c)))
    throw new Icd10ParseError(
      `no code and title columns found (expected one of ${CODE_KEYS.join('/')} and ${TITLE_KEYS.join('/')})`,
    );
}

function readXml(text: string): RawRecord[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw new Icd10ParseError(`XML cannot be parsed: line ${valid.err.line}: ${valid.err.msg}`);
  const tree = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: { maxTotalExpansions: Number.MAX_SAFE_INTEGER, maxExpandedLength: 100_000_000 },
  }).parse(text) as unknown;
  // The row element is the tag of most elements holding both a code and a title; every element
  // of that tag is a row, so a row missing its title is reported instead of passed over.
  const elements: Array<{ tag: string; fields: Record<string, string> }> = [];
  collectElements(tree, '', elements);
  const votes = new Map<string, number>();
  for (const e of elements)
    if (hasKey(e.fields, CODE_KEYS) && hasKey(e.fields, TITLE_KEYS))
      votes.set(e.tag, (votes.get(e.tag) ?? 0) + 1);
  const tag = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (tag === undefined) requireColumns([]);
  const rows = elements.filter((e) => e.tag === tag);
  // XML rows carry no position; the n-th opening tag of the row element is the n-th row.
  const lines = tagLines(text, tag!);
  return rows.map((r, i) => ({
    line: lines.length === rows.length ? lines[i]! : i + 1,
    fields: r.fields,
    raw: Object.entries(r.fields)
      .map(([k, v]) => `${k}=${v}`)
      .join('; '),
  }));
}

const hasKey = (fields: Record<string, string>, keys: string[]) => keys.some((k) => k in fields);

/** Every element with its scalar fields (children with text and attributes), in document order per tag. */
function collectElements(
  node: unknown,
  tag: string,
  out: Array<{ tag: string; fields: Record<string, string> }>,
) {
  if (Array.isArray(node)) {
    for (const n of node) collectElements(n, tag, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(node)) if (typeof v !== 'object') fields[k.toLowerCase()] = String(v);
  out.push({ tag, fields });
  for (const [k, v] of Object.entries(node)) if (v && typeof v === 'object') collectElements(v, k, out);
}

function tagLines(text: string, tag: string): number[] {
  const lines: number[] = [];
  const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const opening = new RegExp(`<${escaped}[\\s/>]`, 'g');
  const withoutComments = text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  let line = 1;
  let at = 0;
  for (const m of withoutComments.matchAll(opening)) {
    line += count(withoutComments.slice(at, m.index), '\n');
    at = m.index;
    lines.push(line);
  }
  return lines;
}

const pick = (fields: Record<string, string>, keys: string[]) => {
  const key = keys.find((k) => k in fields);
  return key === undefined ? undefined : fields[key]!.trim();
};

function parseActual(value: string | undefined): boolean | null {
  const v = (value ?? '').trim().toLowerCase();
  if (['', '1', 'true', 't', 'yes', 'y', 'да'].includes(v)) return true;
  if (['0', 'false', 'f', 'no', 'n', 'нет'].includes(v)) return false;
  return null;
}

function validate(records: RawRecord[]): Omit<Icd10ParsedFile, 'format'> {
  const rejected: Icd10Rejected[] = [];
  const byCode = new Map<string, Icd10FileRow>();
  let skipped = 0;
  for (const r of records) {
    const reject = (reason: string) => rejected.push({ line: r.line, reason, raw: r.raw.slice(0, 300) });
    const rawCode = pick(r.fields, CODE_KEYS) ?? '';
    const title = (pick(r.fields, TITLE_KEYS) ?? '').replace(/\s+/g, ' ');
    const active = parseActual(pick(r.fields, ACTUAL_KEYS));
    if (RANGE.test(rawCode)) {
      skipped++;
      continue;
    }
    const code = normaliseCode(rawCode);
    if (!code) reject(rawCode ? 'invalid code' : 'empty code');
    else if (!title) reject('empty title');
    else if (title.length > MAX_TITLE || hasControlCharacters(title)) reject('invalid title');
    else if (active === null) reject('invalid ACTUAL value');
    else {
      const row = { line: r.line, code, title, active };
      const first = byCode.get(code);
      if (!first) byCode.set(code, row);
      else if (!first.active && active) {
        // An inactive historical row and its current one: the current row wins.
        byCode.set(code, row);
        rejected.push({ line: first.line, reason: `duplicate code, superseded by line ${r.line}` });
      } else reject(`duplicate code, first at line ${first.line}`);
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  return { rows: [...byCode.values()], rejected, skipped };
}
