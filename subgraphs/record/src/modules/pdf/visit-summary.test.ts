import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { renderVisitSummaryPdf } from './index';
import { manyPrescriptions, typicalVisitSummary } from './visit-summary.fixtures';

type ReadPdf = { pages: string[]; text: string; metadata: string };

/** Reads the rendered PDF back with pdf.js: the text of each page and the document information. */
async function readPdf(pdf: Buffer): Promise<ReadPdf> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false })
    .promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join('')
          .replace(/\s+/g, ' '),
      );
    }
    const { info, metadata } = await doc.getMetadata();
    return { pages, text: pages.join('\n'), metadata: JSON.stringify(info) + (metadata?.getRaw() ?? '') };
  } finally {
    await doc.destroy();
  }
}

describe('renderVisitSummaryPdf', () => {
  it('renders a signed conclusion whose Cyrillic text reads back intact', async () => {
    const pdf = await renderVisitSummaryPdf(typicalVisitSummary());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const { pages, text } = await readPdf(pdf);
    expect(pages).toHaveLength(1);
    for (const expected of [
      'ООО «Медикаменте»',
      'Лицензия: Л041-01137-77/00368421',
      'Консультативное заключение',
      'Пациент: Ёлкина Татьяна Сергеевна',
      'Дата рождения: 09.04.1987',
      // 11:30 UTC in Moscow (UTC+3).
      'Дата и время приёма: 05.03.2025 14:30',
      'Филиал: Филиал на Садовой',
      'Врач: Петров Андрей Викторович, врач-терапевт',
      'Жалобы',
      'першение в горле',
      'Анамнез заболевания',
      'Объективный осмотр',
      'Диагноз (МКБ-10)',
      'J06.9 — Острая инфекция верхних дыхательных путей неуточнённая (основной, предварительный)',
      'I10 — Эссенциальная (первичная) гипертензия (сопутствующий, заключительный)',
      'Заключение',
      'Рекомендации',
      'Назначения',
      'Парацетамол, таблетки 500 мг',
      'Направления',
      'Лабораторное исследование: Общий анализ крови — натощак',
      'Консультация специалиста: Оториноларинголог',
      'Дополнения',
      'Результат экспресс-теста на грипп отрицательный.',
      'Подписано электронной подписью: Петров А. В., 05.03.2025 16:00',
      'Документ подписан электронной подписью: Петров А. В., 05.03.2025 15:05, версия 1; SHA-256: a3f1c2d4e5b6',
      'Стр. 1 из 1',
    ]) {
      expect(text).toContain(expected);
    }
    // The main diagnosis is listed before the accompanying one, whatever the input order.
    expect(text.indexOf('J06.9')).toBeLessThan(text.indexOf('I10'));
    expect(text).not.toContain('Исправленная версия');
  });

  it('marks an amended version with its reason in the body and the footer', async () => {
    const input = typicalVisitSummary();
    input.version = {
      ...input.version,
      number: 2,
      status: 'AMENDED',
      signedAt: new Date('2025-03-06T07:10:00Z'),
      correctionReason: 'Уточнён код диагноза',
    };
    const { text } = await readPdf(await renderVisitSummaryPdf(input));
    expect(text).toContain('Исправленная версия (версия 2). Причина исправления: Уточнён код диагноза');
    expect(text).toContain('Исправленная версия: Уточнён код диагноза');
    expect(text).toContain('06.03.2025 10:10, версия 2; SHA-256:');
  });

  it('keeps personal data out of the document metadata', async () => {
    const input = typicalVisitSummary();
    const { metadata } = await readPdf(await renderVisitSummaryPdf(input));
    expect(metadata).toContain('Консультативное заключение');
    for (const personal of ['Ёлкина', 'Петров', '1987', 'J06.9']) {
      expect(metadata).not.toContain(personal);
    }
    // The creation date is the signing time, not the time of printing.
    expect(metadata).toContain('D:20250305120500');
  });

  it('omits empty sections', async () => {
    const input = typicalVisitSummary({ addenda: [] });
    input.content = {
      ...input.content,
      anamnesis: undefined,
      examination: '   ',
      recommendations: '',
      prescriptions: [],
      referrals: [],
    };
    input.patient = { fullName: input.patient.fullName };
    input.clinic = { name: input.clinic.name };
    const { text } = await readPdf(await renderVisitSummaryPdf(input));
    expect(text).toContain('Жалобы');
    expect(text).toContain('Заключение');
    for (const absent of [
      'Анамнез',
      'Объективный осмотр',
      'Рекомендации',
      'Назначения',
      'Направления',
      'Дополнения',
      'Дата рождения',
      'Лицензия',
      'Тел.',
    ]) {
      expect(text).not.toContain(absent);
    }
  });

  it('breaks a long prescription list across pages with the footer and page numbers on each', async () => {
    const input = typicalVisitSummary();
    input.content = { ...input.content, prescriptions: manyPrescriptions(60) };
    const { pages } = await readPdf(await renderVisitSummaryPdf(input));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]).toContain('Стр. 2 из');
    pages.forEach((page, i) => {
      expect(page).toContain(`Стр. ${i + 1} из ${pages.length}`);
      expect(page).toContain('SHA-256: a3f1c2d4e5b6');
    });
    // The table header repeats on the following pages; the last row is not lost.
    expect(pages[1]).toContain('Препарат');
    expect(pages.join('\n')).toContain('Препарат № 60, таблетки');
  });

  it('keeps a section heading on the page of its body', async () => {
    // Longer and longer tables push the last sections over every position near a page break.
    for (let count = 24; count <= 34; count++) {
      const input = typicalVisitSummary();
      input.content = { ...input.content, prescriptions: manyPrescriptions(count) };
      const { pages } = await readPdf(await renderVisitSummaryPdf(input));
      for (const [heading, body] of [
        ['Дополнения', 'Результат экспресс-теста'],
        ['Направления', 'Общий анализ крови'],
      ] as const) {
        const page = pages.find((p) => p.includes(heading));
        expect(page, `${heading} with ${count} prescriptions`).toContain(body);
      }
    }
  });

  it('renders the same bytes for the same signed version', async () => {
    const [first, second] = await Promise.all([
      renderVisitSummaryPdf(typicalVisitSummary()),
      renderVisitSummaryPdf(typicalVisitSummary()),
    ]);
    expect(first.equals(second)).toBe(true);
  });

  it('refuses an unknown time zone instead of printing a wrong time', async () => {
    const input = typicalVisitSummary();
    input.visit = { ...input.visit, timeZone: 'Mars/Olympus' };
    await expect(renderVisitSummaryPdf(input)).rejects.toThrow(RangeError);
  });
});
