import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { inputErrorSdl } from '@medikamente/runtime';
import { readClassifications, subgraphTypeDefs } from '@medikamente/schema';
import { describe, expect, it } from 'vitest';
import {
  codeQueryPrefixes,
  ICD10_SUBSET,
  Icd10ParseError,
  icd10Resolvers,
  icd10Sdl,
  normaliseCode,
  parseIcd10File,
} from '../src/modules/icd10';
import { searchText } from '../src/modules/icd10/icd10-code';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/icd10/${name}`, import.meta.url));

describe('normaliseCode', () => {
  it.each([
    [' j06.9 ', 'J06.9'],
    ['J069', 'J06.9'],
    ['I10', 'I10'],
    ['Н10', 'H10'], // Cyrillic Н
    ['к29.1', 'K29.1'], // Cyrillic к
    ['G01*', 'G01'],
    ['A17.0+', 'A17.0'],
    ['M54.16', 'M54.16'],
  ])('%s -> %s', (input, code) => expect(normaliseCode(input)).toBe(code));

  it.each(['', 'J6', 'J06.123', 'JJ06', '06.9', 'J06.', 'ЖО6', 'A00-B99', 'J06 9x'])('refuses %j', (input) =>
    expect(normaliseCode(input)).toBeNull());
});

describe('codeQueryPrefixes', () => {
  it('reads a code typed with the Russian layout both ways', () => {
    expect(codeQueryPrefixes('о06')).toEqual(['O06', 'J06']);
    expect(codeQueryPrefixes('j069')).toEqual(['J06.9']);
    expect(codeQueryPrefixes('J06.')).toEqual(['J06.']);
  });
  it('leaves words and bare letters to title search', () => {
    expect(codeQueryPrefixes('острый')).toBeNull();
    expect(codeQueryPrefixes('J')).toBeNull();
    expect(codeQueryPrefixes('витамин D3')).toBeNull();
  });
});

describe('searchText', () => {
  it('lower-cases, reads ё as е and keeps words only', () =>
    expect(searchText('Острая инфекция [ВДП], неуточнённая')).toBe(' острая инфекция вдп неуточненная '));
});

describe('the shipped subset', () => {
  it('holds about a hundred valid, distinct codes with titles', () => {
    expect(ICD10_SUBSET.length).toBeGreaterThanOrEqual(90);
    expect(ICD10_SUBSET.length).toBeLessThanOrEqual(120);
    for (const [code, title] of ICD10_SUBSET) {
      expect(normaliseCode(code)).toBe(code);
      expect(title.trim()).toBe(title);
      expect(title).toMatch(/[а-я]/i);
    }
    expect(new Set(ICD10_SUBSET.map(([c]) => c)).size).toBe(ICD10_SUBSET.length);
  });
});

describe('parseIcd10File', () => {
  it('reads an NSI CSV with BOM and ";", reporting invalid rows by line', () => {
    const parsed = parseIcd10File(fixture('nsi-sample.csv'));
    expect(parsed.format).toBe('csv');
    expect(parsed.skipped).toBe(1);
    expect(parsed.rows.map((r) => [r.code, r.active])).toEqual([
      ['J06.9', true],
      ['J45.8', true],
      ['K29.1', true],
      ['J00', false],
      ['E11.9', true],
      ['I10', true],
    ]);
    expect(parsed.rows[0]!.title).toBe('Острая инфекция верхних дыхательных путей; неуточненная');
    expect(parsed.rows.find((r) => r.code === 'E11.9')!.title).toBe(
      'Инсулиннезависимый сахарный диабет без осложнений',
    );
    expect(parsed.rejected.map((r) => [r.line, r.reason])).toEqual([
      [5, 'invalid code'],
      [6, 'empty title'],
      [8, 'duplicate code, first at line 4'],
      [12, 'invalid ACTUAL value'],
    ]);
    expect(parsed.rejected[0]!.raw).toContain('JXX');
  });

  it('reads an NSI XML with child elements or attributes, lines of the row elements', () => {
    const parsed = parseIcd10File(fixture('nsi-sample.xml'));
    expect(parsed.format).toBe('xml');
    expect(parsed.skipped).toBe(1);
    expect(parsed.rows).toEqual([
      {
        line: 11,
        code: 'J06.9',
        title: 'Острая инфекция верхних дыхательных путей неуточненная',
        active: true,
      },
      {
        line: 12,
        code: 'G01',
        title: 'Менингит при бактериальных болезнях, классифицированных в других рубриках',
        active: true,
      },
      { line: 15, code: 'Z76.0', title: 'Выдача "повторного" рецепта', active: false },
    ]);
    expect(parsed.rejected.map((r) => [r.line, r.reason])).toEqual([
      [13, 'empty title'],
      [14, 'invalid code'],
    ]);
  });

  it('takes the other column names, "," and an active row over an inactive duplicate', () => {
    const csv = 'code,name,is_actual\nI10,"Гипертензия, старая",false\ni10,Эссенциальная гипертензия,true\n';
    const parsed = parseIcd10File(csv);
    expect(parsed.rows).toEqual([{ line: 3, code: 'I10', title: 'Эссенциальная гипертензия', active: true }]);
    expect(parsed.rejected).toEqual([{ line: 2, reason: 'duplicate code, superseded by line 3' }]);
  });

  it('reads a windows-1251 file', () => {
    const cp1251 = (s: string) =>
      Buffer.from(
        [...s].map((c) => {
          const n = c.charCodeAt(0);
          return n >= 0x410 && n <= 0x44f ? n - 0x410 + 0xc0 : n;
        }),
      );
    const parsed = parseIcd10File(cp1251('MKB_CODE;MKB_NAME\nR05;Кашель\n'));
    expect(parsed.rows).toEqual([{ line: 2, code: 'R05', title: 'Кашель', active: true }]);
  });

  it.each([
    ['an unclosed quote', 'MKB_CODE;MKB_NAME\nR05;"Кашель\nR51;Головная боль\n'],
    ['no code column', 'ID;NAME\n1;Кашель\n'],
    ['broken XML', '<refbook><entry><MKB_CODE>R05</MKB_CODE><MKB_NAME>Кашель</entry></refbook>'],
    ['XML without rows', '<refbook><meta name="МКБ-10"/></refbook>'],
  ])('refuses a file with %s', (_, content) =>
    expect(() => parseIcd10File(content)).toThrow(Icd10ParseError));
});

describe('icd10Sdl', () => {
  it('builds with the subgraph header; both fields are PUBLIC with a justification', () => {
    const schema = buildSubgraphSchema({
      typeDefs: subgraphTypeDefs([inputErrorSdl, icd10Sdl].join('\n')),
      resolvers: icd10Resolvers as never,
    });
    expect(
      schema
        .getQueryType()!
        .getFields()
        .icd10Search!.args.map((a) => [a.name, a.defaultValue]),
    ).toEqual([
      ['query', undefined],
      ['first', 20],
    ]);
    const fields = readClassifications(schema).filter((f) => f.type === 'Icd10Code');
    expect(fields.map((f) => [f.field, f.category, !!f.justification])).toEqual([
      ['code', 'PUBLIC', true],
      ['title', 'PUBLIC', true],
    ]);
  });
});
