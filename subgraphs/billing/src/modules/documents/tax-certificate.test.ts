import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { certificateInput } from './documents.fixtures';
import { readPdf } from './read-pdf.testing';
import { TaxCertificateError, type TaxCertificateInput, taxCertificate } from './tax-certificate';
import { TAX_CERTIFICATE_FILE_PREFIX } from './tax-certificate.xml';
import { encodeWindows1251, isWindows1251 } from './windows-1251';

const GUID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  isArray: (name) => name === 'СумРасх',
});

type Attributes = Record<string, string>;
type ParsedFile = {
  Файл: Attributes & {
    Документ: Attributes & {
      СвМедОрг: Attributes;
      НП: Attributes & { ФИО: Attributes; СвДУЛ: Attributes };
      Пациент?: Attributes & { ФИО: Attributes; СвДУЛ: Attributes };
      СумРасх: Attributes[];
      Подписант: { ФИО: Attributes };
    };
  };
};

/** Reads the file as the tax authority would: bytes decoded as windows-1251, then parsed. */
function readXmlFile(file: Buffer): { text: string; parsed: ParsedFile } {
  const text = new TextDecoder('windows-1251').decode(file);
  return { text, parsed: parser.parse(text) as ParsedFile };
}

function refusal(input: TaxCertificateInput): TaxCertificateError {
  try {
    taxCertificate(input);
  } catch (error) {
    if (error instanceof TaxCertificateError) return error;
    throw error;
  }
  throw new Error('expected the certificate to be refused');
}

describe('taxCertificate XML', () => {
  it('parses back with the form code, the year, the parties and the sums in FNS money format', () => {
    const certificate = taxCertificate(certificateInput(), { fileGuid: GUID });
    const { text, parsed } = readXmlFile(certificate.xmlFile);
    expect(text).toBe(certificate.xml);
    expect(text.startsWith('<?xml version="1.0" encoding="windows-1251"?>')).toBe(true);

    const file = parsed.Файл;
    expect(`${file.ИдФайл}.xml`).toBe(certificate.fileName);
    expect(certificate.fileName).toBe(
      `${TAX_CERTIFICATE_FILE_PREFIX}_7704_7704_7704123450770401001_20270120_${GUID.toUpperCase()}.xml`,
    );
    const doc = file.Документ;
    expect(doc).toMatchObject({
      КНД: '1151156',
      ОтчГод: '2026',
      НомСправ: '2026-000017',
      НомКорр: '0',
      ДатаДок: '20.01.2027',
      ПрПацНП: '0',
    });
    expect(doc.СвМедОрг).toEqual({ НаимОрг: 'ООО «Медикаменте»', ИННЮЛ: '7704123450', КПП: '770401001' });
    expect(doc.НП).toMatchObject({ ИННФЛ: '772400000010', ДатаРожд: '03.02.1960' });
    expect(doc.НП.ФИО).toEqual({ Фамилия: 'Ёлкин', Имя: 'Сергей', Отчество: 'Петрович' });
    expect(doc.НП.СвДУЛ).toEqual({ КодВидДок: '21', СерНомДок: '45 01 654321', ДатаДок: '04.03.2005' });
    expect(doc.Пациент?.ФИО).toEqual({ Фамилия: 'Ёлкина', Имя: 'Алиса', Отчество: 'Сергеевна' });
    expect(doc.Пациент?.СвДУЛ.КодВидДок).toBe('03');
    // Ordered by code; rubles with a point and exactly two decimals.
    expect(doc.СумРасх).toEqual([
      { КодУсл: '01', Сумма: '12500.00' },
      { КодУсл: '02', Сумма: '85000.50' },
    ]);
    expect(doc.Подписант.ФИО.Фамилия).toBe('Петрова');
  });

  it('marks a taxpayer who is the patient and leaves out a code without expenses', () => {
    const certificate = taxCertificate(
      certificateInput({
        patient: undefined,
        sums: [
          { code: '01', kopecks: 150005 },
          { code: '02', kopecks: 0 },
        ],
      }),
    );
    const doc = readXmlFile(certificate.xmlFile).parsed.Файл.Документ;
    expect(doc.ПрПацНП).toBe('1');
    expect(doc.Пациент).toBeUndefined();
    expect(doc.СумРасх).toEqual([{ КодУсл: '01', Сумма: '1500.05' }]);
    expect(certificate.fileName).toMatch(
      new RegExp(
        `^${TAX_CERTIFICATE_FILE_PREFIX}_\\d{4}_\\d{4}_\\d{19}_\\d{8}_[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\\.xml$`,
      ),
    );
  });

  it('writes the file in windows-1251 and escapes markup characters', () => {
    const input = certificateInput({
      clinic: { ...certificateInput().clinic, name: 'ООО «Здоровье & Ко» "Ёлка" <1>' },
    });
    const certificate = taxCertificate(input);
    const { parsed } = readXmlFile(certificate.xmlFile);
    expect(parsed.Файл.Документ.СвМедОрг.НаимОрг).toBe('ООО «Здоровье & Ко» "Ёлка" <1>');
    // One byte per character; Ё is 0xA8 and « is 0xAB in windows-1251.
    expect(certificate.xmlFile.length).toBe([...certificate.xml].length);
    expect(certificate.xmlFile.includes(Buffer.from([0xab, 0xc7, 0xe4]))).toBe(true); // «Зд
    expect(certificate.xmlFile.includes(Buffer.from([0xa8, 0xeb, 0xea, 0xe0]))).toBe(true); // Ёлка
  });
});

describe('windows-1251 encoder', () => {
  it('round-trips every string of the code page and refuses other characters', () => {
    const alphabet = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet)), (chars) => {
        const value = chars.join('');
        return (
          isWindows1251(value) && new TextDecoder('windows-1251').decode(encodeWindows1251(value)) === value
        );
      }),
    );
    for (const foreign of ['ğ', '中', '😀']) {
      expect(isWindows1251(foreign)).toBe(false);
      expect(() => encodeWindows1251(`a${foreign}`)).toThrow(RangeError);
    }
  });
});

describe('taxCertificate validation', () => {
  it('refuses data that cannot make a certificate, with Russian messages', () => {
    const base = certificateInput();
    const cases: Array<[Partial<TaxCertificateInput>, { path: string; message: string }]> = [
      [
        { year: 2023 },
        { path: 'year', message: 'Справка по форме КНД 1151156 выдаётся за расходы начиная с 2024 года' },
      ],
      [
        { issuedAt: '2025-12-31' },
        { path: 'issuedAt', message: 'Справка не может быть выдана раньше отчётного года' },
      ],
      [
        {
          sums: [
            { code: '01', kopecks: 100 },
            { code: '01', kopecks: 200 },
          ],
        },
        { path: 'sums', message: 'Каждый код услуги указывается один раз' },
      ],
      [
        { sums: [{ code: '02', kopecks: 0 }] },
        { path: 'sums', message: 'Сумма расходов должна быть больше нуля' },
      ],
      [
        { sums: [{ code: '01', kopecks: 10.5 }] },
        { path: 'sums.0.kopecks', message: 'Сумма расходов: сумма в копейках должна быть целым числом' },
      ],
      [
        { taxpayer: { ...base.taxpayer, inn: '772400000011' } },
        {
          path: 'taxpayer.inn',
          message: 'ИНН физического лица должен состоять из 12 цифр с верными контрольными разрядами',
        },
      ],
      [
        { patient: { ...base.patient!, relation: 'SIBLING' as never } },
        {
          path: 'patient.relation',
          message: 'Вычет предоставляется за лечение супруга, родителей, детей и подопечных',
        },
      ],
      [
        { taxpayer: { ...base.taxpayer, fullName: 'Yılmaz Ağa' } },
        {
          path: 'taxpayer.fullName',
          message: 'Символы «ığ» нельзя передать в налоговый орган (кодировка windows-1251)',
        },
      ],
    ];
    for (const [override, issue] of cases) {
      expect(refusal({ ...base, ...override }).issues, issue.path).toEqual([issue]);
    }
  });
});

describe('taxCertificate PDF', () => {
  it('prints the form with the clinic, the taxpayer, the patient and the sums', async () => {
    const certificate = taxCertificate(certificateInput());
    const pdf = await certificate.pdf;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, metadata } = await readPdf(pdf);
    for (const expected of [
      'ИНН 7704123450',
      'КПП 770401001',
      'Форма по КНД 1151156',
      'Справка об оплате медицинских услуг для представления в налоговый орган',
      'Номер справки 2026-000017',
      'Отчётный год 2026',
      'ООО «Медикаменте»',
      'Налогоплательщик и пациент являются одним лицом 0 — нет',
      'Данные о налогоплательщике',
      'Фамилия Ёлкин',
      'ИНН 772400000010',
      'Данные о пациенте',
      'Имя Алиса',
      'Серия и номер документа IV-МЮ 123456',
      'Код услуги 01 12 500,00 ₽',
      'Код услуги 02 85 000,50 ₽',
      'Петрова Анна Ивановна',
      'Дата 20.01.2027',
    ]) {
      expect(text).toContain(expected);
    }
    for (const personal of ['Ёлкин', '772400000010']) expect(metadata).not.toContain(personal);
  });
});
