import { describe, expect, it } from 'vitest';
import { contractPdf } from './contract.pdf';
import { CONTRACT_736_REQUIREMENTS, checkContract736 } from './contract-736';
import { DEFAULT_CONTRACT_TEMPLATE } from './contract-default';
import { ContractDataError, renderContract } from './contract-render';
import {
  CONTRACT_PLACEHOLDERS,
  type ContractParagraph,
  type ContractTemplate,
  ContractTemplateError,
  parseContractTemplate,
  safeParseContractTemplate,
} from './contract-template';
import { contractData } from './documents.fixtures';
import { formatLongDate, formatRubles, NBSP } from './format';
import { readPdf } from './read-pdf.testing';
import { isValidKpp, isValidOgrn, isValidOrganisationInn } from './requisites';

/** A deep copy of a template changed by `change` (the default stays untouched). */
function mutate(template: ContractTemplate, change: (copy: ContractTemplate) => void): ContractTemplate {
  const copy = structuredClone(template);
  change(copy);
  return copy;
}

/** Every string inside a value (the rendered contract is plain data). */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(textsOf);
  return [];
}

function issuesOf(input: unknown, options?: { checkCompliance?: boolean }) {
  const result = safeParseContractTemplate(input, options);
  if (result.ok) throw new Error('expected the template to be refused');
  return result.issues;
}

describe('contract template validation', () => {
  it('accepts the default template, whose clinic numbers carry valid check digits', () => {
    expect(parseContractTemplate(DEFAULT_CONTRACT_TEMPLATE)).toEqual(DEFAULT_CONTRACT_TEMPLATE);
    const { ogrn, inn, kpp } = DEFAULT_CONTRACT_TEMPLATE.clinic;
    expect([isValidOgrn(ogrn), isValidOrganisationInn(inn), isValidKpp(kpp)]).toEqual([true, true, true]);
    // A changed digit breaks the check digit.
    expect(isValidOgrn(`${ogrn.slice(0, 5)}${(Number(ogrn[5]) + 1) % 10}${ogrn.slice(6)}`)).toBe(false);
  });

  it('refuses unknown placeholders, unclosed braces and a party placeholder outside its condition, in Russian', () => {
    const template = mutate(DEFAULT_CONTRACT_TEMPLATE, (t) => {
      t.sections[0]?.paragraphs.push(
        'СНИЛС: {{patient.snils}}',
        'Сумма {{total} рублей',
        'Плательщик {{payer.fullName}}',
      );
    });
    const issues = issuesOf(template);
    const at = (i: number) =>
      `sections.0.paragraphs.${(DEFAULT_CONTRACT_TEMPLATE.sections[0]?.paragraphs.length ?? 0) + i}`;
    expect(issues).toEqual([
      { path: at(0), message: 'Неизвестный плейсхолдер {{patient.snils}}' },
      {
        path: at(1),
        message: 'Незакрытый плейсхолдер: пишите {{имя}} с двумя фигурными скобками с каждой стороны',
      },
      {
        path: at(2),
        message:
          'Плейсхолдер {{payer.fullName}} допустим только в абзаце с условием «payer»: не у каждого договора есть заказчика',
      },
    ]);
    expect(() => parseContractTemplate(template)).toThrow(ContractTemplateError);
  });

  it('checks the clinic details: check digits, required fields and types, with Russian messages', () => {
    const template = mutate(DEFAULT_CONTRACT_TEMPLATE, (t) => {
      t.clinic.ogrn = '1157746000016';
      t.clinic.inn = '7704123451';
      (t.clinic.licence as Partial<typeof t.clinic.licence>).issuerPhone = undefined;
      t.clinic.licence.workTypes = [];
      (t as { version: unknown }).version = '2';
    });
    const issues = issuesOf(template);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'version', message: 'Неверный тип значения' },
        { path: 'clinic.ogrn', message: 'ОГРН должен состоять из 13 цифр с верным контрольным разрядом' },
        {
          path: 'clinic.inn',
          message: 'ИНН организации должен состоять из 10 цифр с верным контрольным разрядом',
        },
        { path: 'clinic.licence.issuerPhone', message: 'Обязательное поле не заполнено' },
        { path: 'clinic.licence.workTypes', message: 'Укажите работы (услуги) по лицензии' },
      ]),
    );
    for (const issue of issues) {
      expect(issue.message).toMatch(/^[А-ЯЁ]/);
      expect(issue.message).not.toMatch(/invalid|expected|received/i);
    }
  });

  it('refuses a template that drops an item Decree No. 736 requires, unless compliance is not checked', () => {
    const withoutFreeCare = mutate(DEFAULT_CONTRACT_TEMPLATE, (t) => {
      t.sections = t.sections.filter((s) => !s.heading.includes('бесплатной'));
    });
    expect(issuesOf(withoutFreeCare)).toEqual([
      {
        path: '',
        message:
          'Нет обязательного условия по Правилам № 736: уведомление о возможности получить медицинскую помощь бесплатно по программе государственных гарантий',
      },
    ]);
    expect(safeParseContractTemplate(withoutFreeCare, { checkCompliance: false }).ok).toBe(true);
  });

  it('has every required 736 item in the default template, and each check notices its item missing', () => {
    expect(checkContract736(DEFAULT_CONTRACT_TEMPLATE).filter((r) => !r.ok)).toEqual([]);
    // Emptying all text fails every requirement that the text carries.
    const bare = mutate(DEFAULT_CONTRACT_TEMPLATE, (t) => {
      t.preamble = ['Стороны заключили договор.'];
      t.sections = [{ heading: 'Раздел', paragraphs: ['Текст.'] }];
    });
    expect(checkContract736(bare).filter((r) => r.ok)).toEqual([]);
    // Removing one section at a time fails exactly the items located there.
    const expectedBySection: Record<string, string[]> = {
      'Ответственность сторон': ['liability'],
      'Изменение и расторжение договора': ['change-termination'],
      'Выдача медицинских документов': ['medical-documents'],
      'Перечень медицинских услуг и их стоимость': ['services', 'price'],
    };
    for (const [heading, ids] of Object.entries(expectedBySection)) {
      const without = mutate(DEFAULT_CONTRACT_TEMPLATE, (t) => {
        t.sections = t.sections.filter((s) => s.heading !== heading);
      });
      expect(
        checkContract736(without)
          .filter((r) => !r.ok)
          .map((r) => r.id),
        heading,
      ).toEqual(ids);
    }
    // Without the payer's paragraphs the payer item and the three copies go missing.
    const noPayerText = mutate(DEFAULT_CONTRACT_TEMPLATE, (t) => {
      const dropPayer = (ps: ContractParagraph[]) =>
        ps.filter((p) => typeof p === 'string' || p.if !== 'payer');
      t.preamble = dropPayer(t.preamble);
      for (const s of t.sections) s.paragraphs = dropPayer(s.paragraphs);
    });
    expect(
      checkContract736(noPayerText)
        .filter((r) => !r.ok)
        .map((r) => r.id),
    ).toEqual(['payer', 'copies']);
    expect(CONTRACT_736_REQUIREMENTS.map((r) => r.id)).toContain('free-care-notice');
  });
});

describe('renderContract', () => {
  it('fills every placeholder, keeps the payer paragraphs and numbers the paragraphs', () => {
    const rendered = renderContract(DEFAULT_CONTRACT_TEMPLATE, contractData());
    const json = JSON.stringify(rendered);
    expect(textsOf(rendered).filter((t) => /[{}]/.test(t))).toEqual([]);
    expect(rendered.preamble.join(' ')).toContain(
      'Ёлкин Сергей Петрович, именуемый(ая) в дальнейшем «Заказчик»',
    );
    const last = rendered.sections.at(-1);
    expect(last?.paragraphs.map((p) => (p.kind === 'text' ? p.number : 'services'))).toEqual([
      '10.1',
      '10.2',
      '10.3',
    ]);
    expect(json).toContain('в трёх экземплярах');
    expect(json).not.toContain('в двух экземплярах');
    expect(rendered.parties.map((p) => p.role)).toEqual(['Исполнитель', 'Потребитель', 'Заказчик']);
    expect(rendered.sections[1]?.paragraphs[0]).toEqual({ kind: 'services' });
    expect(rendered.totalKopecks).toBe(150000 + 2 * 75050);
    expect(rendered.totalText).toBe(`3${NBSP}001,00${NBSP}₽`);
    expect(rendered.services[1]?.amountText).toBe(`1${NBSP}501,00${NBSP}₽`);
    expect(rendered.acceptance?.text).toBe(
      `Принят в личном кабинете 7${NBSP}декабря 2026${NBSP}г. в 14:05 (МСК)`,
    );
  });

  it('drops the payer without one and lets a legal representative sign for the patient', () => {
    const representative = {
      ...contractData().payer!,
      fullName: 'Ёлкина Ольга Ивановна',
      basis: 'свидетельство о рождении IV-МЮ 123456',
    };
    const rendered = renderContract(
      DEFAULT_CONTRACT_TEMPLATE,
      contractData({ payer: undefined, representative, acceptance: undefined }),
    );
    const json = JSON.stringify(rendered);
    expect(json).toContain('в двух экземплярах');
    expect(json).not.toContain('«Заказчик»');
    expect(rendered.preamble.join(' ')).toContain(
      'Ёлкина Ольга Ивановна, действующий(ая) в качестве законного представителя',
    );
    expect(rendered.parties.map((p) => p.role)).toEqual([
      'Исполнитель',
      'Потребитель',
      'Законный представитель потребителя',
    ]);
    expect(rendered.parties[1]?.signature).toEqual({
      caption: 'За Потребителя — законный представитель',
      name: `Ёлкина О.${NBSP}И.`,
    });
    expect(rendered.acceptance).toBeUndefined();
  });

  it('renders every known placeholder to its value', () => {
    const data = contractData({
      representative: {
        ...contractData().payer!,
        fullName: 'Ёлкина Ольга Ивановна',
        basis: 'решение органа опеки',
      },
    });
    const paragraphs = Object.entries(CONTRACT_PLACEHOLDERS).map(([name, p]): ContractParagraph => {
      const text = `${name}={{${name}}}`;
      return p.needs ? { if: p.needs, text } : text;
    });
    const template: ContractTemplate = {
      ...DEFAULT_CONTRACT_TEMPLATE,
      sections: [{ heading: 'Все', paragraphs }],
    };
    const texts =
      renderContract(parseContractTemplate(template, { checkCompliance: false }), data).sections[0]
        ?.paragraphs ?? [];
    const byName = new Map(
      texts.flatMap((p) => (p.kind === 'text' ? [p.text.split('=') as [string, string]] : [])),
    );
    expect(byName.get('patient.document')).toBe(
      `Паспорт гражданина Российской Федерации 45 06 123456, выдан ОВД района Арбат г. Москвы, ${formatLongDate('2007-05-10')}`,
    );
    expect(byName.get('contract.date')).toBe(formatLongDate('2026-12-07'));
    expect(byName.get('clinic.licence')).toContain('Л041-01137-77/00368421');
    expect(byName.get('representative.basis')).toBe('решение органа опеки');
    expect(byName.get('total')).toBe(formatRubles(300100));
    for (const name of Object.keys(CONTRACT_PLACEHOLDERS)) expect(byName.get(name), name).toMatch(/\S/);
  });

  it('refuses incomplete data with Russian messages', () => {
    const error = (() => {
      try {
        renderContract(DEFAULT_CONTRACT_TEMPLATE, contractData({ services: [], date: '2026-02-30' }));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ContractDataError);
    expect((error as ContractDataError).issues).toEqual([
      { path: 'date', message: 'Дата договора: ожидается дата в формате ГГГГ-ММ-ДД' },
      { path: 'services', message: 'В договоре должна быть хотя бы одна услуга' },
    ]);
  });
});

describe('contractPdf', () => {
  it('prints the parties, the services, the total, the licence and the acceptance as readable text', async () => {
    const data = contractData();
    const pdf = await contractPdf(renderContract(DEFAULT_CONTRACT_TEMPLATE, data));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, metadata } = await readPdf(pdf);
    for (const expected of [
      'Договор на оказание платных медицинских услуг',
      '№ Д-2026-000123',
      '7 декабря 2026 г.',
      'Ёлкина Татьяна Сергеевна',
      'Ёлкин Сергей Петрович',
      'Приём (осмотр, консультация) врача',
      'B03.016.003',
      '750,50 ₽',
      'Итого',
      '3 001,00 ₽',
      'Общая стоимость медицинских услуг по Договору составляет 3 001,00 ₽',
      'Л041-01137-77/00368421 от 12 марта 2021 г.',
      'Лицензирующий орган: Департамент здравоохранения города Москвы',
      'ОГРН 1157746000015, ИНН 7704123450, КПП 770401001',
      'без взимания платы в рамках программы государственных гарантий',
      'Реквизиты и подписи сторон',
      '/ Иванова М. П. /',
      'Принят в личном кабинете 7 декабря 2026 г. в 14:05 (МСК)',
    ]) {
      expect(text).toContain(expected);
    }
    for (const personal of ['Ёлкин', '45 06', 'Лесная']) expect(metadata).not.toContain(personal);
  });
});
