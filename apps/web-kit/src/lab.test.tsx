import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { canCancel, canCollect, canSend, chartGeometry, labStatusText, labValueText, ruNumber } from './lab';
import { FlagBadge, LabHistoryChart, LabResultCards, LabResultsTable } from './lab-view';

const BOX = { width: 320, height: 160, padLeft: 40, padRight: 10, padY: 10 };

describe('lab labels and values', () => {
  it('says every status in Russian, with the reason of a rejection', () => {
    expect(labStatusText('COLLECTED')).toBe('биоматериал взят');
    expect(labStatusText('RELEASED')).toBe('выдан пациенту');
    expect(labStatusText('REJECTED', 'гемолиз')).toBe('отклонён: гемолиз');
    expect(labStatusText('ORDERED', 'ignored')).toBe('назначен');
  });

  it('writes numbers the Russian way whatever the locale: decimal comma, minus sign', () => {
    expect(ruNumber(5.6)).toBe('5,6');
    expect(ruNumber(-0.5)).toBe('−0,5');
    expect(labValueText({ numeric: 6.84, unit: 'ммоль/л' })).toBe('6,84 ммоль/л');
    expect(labValueText({ coded: 'отрицательно' })).toBe('отрицательно');
    expect(labValueText({})).toBe('—');
  });

  it('offers the clinic steps in order: collected, then sent; cancel until results', () => {
    expect([canCollect('ORDERED'), canSend('ORDERED')]).toEqual([true, false]);
    expect([canCollect('COLLECTED'), canSend('COLLECTED')]).toEqual([false, true]);
    expect(canCancel('RECEIVED')).toBe(true);
    expect(canCancel('RESULTED')).toBe(false);
  });
});

describe('chart geometry', () => {
  it('puts time left to right, higher values higher, and the band between low and high', () => {
    const g = chartGeometry(
      [
        { at: '2026-03-01T08:00:00Z', value: 7 },
        { at: '2026-01-01T08:00:00Z', value: 5 },
      ],
      { low: 3.9, high: 6.1 },
      BOX,
    );
    expect(g.points.map((p) => p.value)).toEqual([5, 7]);
    expect(g.points[0]!.x).toBe(BOX.padLeft);
    expect(g.points[1]!.x).toBe(BOX.width - BOX.padRight);
    expect(g.points[1]!.y).toBeLessThan(g.points[0]!.y);
    // 7 is above the norm: its point lies above the band's top edge; 5 inside the band.
    expect(g.points[1]!.y).toBeLessThan(g.band!.y);
    expect(g.points[0]!.y).toBeGreaterThan(g.band!.y);
    expect(g.points[0]!.y).toBeLessThan(g.band!.y + g.band!.height);
    expect(g.path.startsWith('M')).toBe(true);
  });

  it('draws a single value in the middle and no band without a range', () => {
    const g = chartGeometry([{ at: '2026-03-01T08:00:00Z', value: 1 }], {}, BOX);
    expect(g.points[0]!.x).toBe(BOX.padLeft + (BOX.width - BOX.padLeft - BOX.padRight) / 2);
    expect(g.band).toBeNull();
  });
});

describe('lab views', () => {
  it('shows a flag as words with a mark, never colour alone', () => {
    const html = renderToStaticMarkup(<FlagBadge flag="HH" flagText="Критически высокое значение" />);
    expect(html).toContain('Критически высокое значение');
    expect(html).toContain('data-flag="HH"');
    expect(renderToStaticMarkup(<FlagBadge flag="L" />)).toContain('ниже нормы');
  });

  it('lists results with value, unit, range, flag and earlier values', () => {
    const html = renderToStaticMarkup(
      <LabResultsTable
        caption="Результаты"
        showPrevious
        results={[
          {
            id: 'r1',
            testName: 'Калий',
            numeric: 6.8,
            unit: 'ммоль/л',
            referenceText: '3,5–5,1 ммоль/л',
            flag: 'HH',
            flagText: 'критически высокое',
            previous: [{ numeric: 4.2, resultedAt: '2026-01-10T09:00:00Z', flag: 'N' }],
          },
        ]}
      />,
    );
    for (const text of ['Калий', '6,8 ммоль/л', '3,5–5,1 ммоль/л', 'критически высокое', '4,2 (10.01.2026)'])
      expect(html).toContain(text);
  });

  it('shows a patient each result as a card: value, flag in words, the norm', () => {
    const html = renderToStaticMarkup(
      <LabResultCards
        label="Результаты"
        results={[
          {
            id: 'r1',
            testName: 'Глюкоза',
            numeric: 7.4,
            unit: 'ммоль/л',
            referenceText: '3,9–6,1 ммоль/л',
            flag: 'H',
            flagText: 'выше нормы',
          },
        ]}
      />,
    );
    expect(html).toContain('aria-label="Результаты"');
    for (const text of ['Глюкоза', '7,4 ммоль/л', 'выше нормы', 'норма 3,9–6,1 ммоль/л'])
      expect(html).toContain(text);
    expect(html).toContain('class="abnormal"');
  });

  it('gives the chart a text summary and the same values as a table', () => {
    const html = renderToStaticMarkup(
      <LabHistoryChart
        title="Глюкоза"
        unit="ммоль/л"
        referenceText="3,9–6,1 ммоль/л"
        band={{ low: 3.9, high: 6.1 }}
        points={[
          { at: '2026-01-10T09:00:00Z', value: 5.2, flag: 'N' },
          { at: '2026-03-10T09:00:00Z', value: 7.4, flag: 'H' },
        ]}
      />,
    );
    expect(html).toContain('role="img"');
    expect(html).toContain(
      'aria-label="Глюкоза: 2 значения, последнее 7,4 ммоль/л от 10.03.2026; норма 3,9–6,1 ммоль/л."',
    );
    expect(html).toContain('<td>10.03.2026</td><td>7,4 ммоль/л</td>');
    expect(html).toContain('class="band"');
  });
});
