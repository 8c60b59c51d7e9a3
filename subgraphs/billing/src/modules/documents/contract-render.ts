import {
  type ContractData,
  type ContractPerson,
  contractDataSchema,
  describeDocument,
} from './contract-data';
import {
  type ContractParagraph,
  type ContractTemplate,
  contractTotal,
  describeLicence,
  fillPlaceholders,
  type ParagraphCondition,
  type PlaceholderContext,
} from './contract-template';
import {
  capitalise,
  formatLongDate,
  formatMoscowDateTime,
  formatRubles,
  formatShortDate,
  shortName,
} from './format';
import { type DocumentIssue, russianZodError, toDocumentIssues } from './requisites';

/** A paragraph of a rendered section: numbered text, or the place of the services table. */
export type RenderedParagraph = { kind: 'text'; number: string; text: string } | { kind: 'services' };
export type RenderedSection = { number: string; heading: string; paragraphs: RenderedParagraph[] };
export type RenderedServiceLine = {
  number: number;
  code?: string;
  name: string;
  quantity: number;
  unitPriceKopecks: number;
  amountKopecks: number;
  /** `1 500,00 ₽` */
  unitPriceText: string;
  amountText: string;
};
/** A party's block under «Реквизиты и подписи сторон». */
export type RenderedParty = {
  role: 'Исполнитель' | 'Потребитель' | 'Законный представитель потребителя' | 'Заказчик';
  name: string;
  details: string[];
  /** The signature line: a caption (position) and the short name, `Иванова М. П.` */
  signature: { caption: string; name: string };
};

/** A contract with every placeholder filled: plain data for the PDF, the portal and the archive. */
export type RenderedContract = {
  templateVersion: number;
  title: string;
  number: string;
  /** `YYYY-MM-DD` and `7 декабря 2026 г.` */
  date: string;
  dateText: string;
  city?: string;
  clinicName: string;
  licenceText: string;
  preamble: string[];
  sections: RenderedSection[];
  services: RenderedServiceLine[];
  totalKopecks: number;
  totalText: string;
  parties: RenderedParty[];
  /** Present when the patient accepted the contract in the portal. */
  acceptance?: { channel: 'PORTAL'; at: string; text: string };
};

/** Thrown by {@link renderContract} when the contract's data is incomplete; Russian messages. */
export class ContractDataError extends Error {
  constructor(readonly issues: DocumentIssue[]) {
    super(`Данные договора не прошли проверку: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'ContractDataError';
  }
}

function included(paragraph: ContractParagraph, data: ContractData): boolean {
  if (typeof paragraph === 'string') return true;
  const holds: Record<ParagraphCondition, boolean> = {
    payer: Boolean(data.payer),
    'no-payer': !data.payer,
    representative: Boolean(data.representative),
    'no-representative': !data.representative,
  };
  return holds[paragraph.if];
}

const textOf = (p: ContractParagraph) => (typeof p === 'string' ? p : p.text);

function personDetails(person: ContractPerson): string[] {
  return [
    ...(person.birthDate ? [`Дата рождения: ${formatShortDate(person.birthDate)}`] : []),
    `Место жительства: ${person.address}`,
    `Телефон: ${person.phone}`,
    `Документ: ${describeDocument(person.document, formatShortDate)}`,
  ];
}

function parties(template: ContractTemplate, data: ContractData): RenderedParty[] {
  const { clinic } = template;
  const result: RenderedParty[] = [
    {
      role: 'Исполнитель',
      name: clinic.name,
      details: [
        `Адрес: ${clinic.address}`,
        `ОГРН ${clinic.ogrn}, ИНН ${clinic.inn}, КПП ${clinic.kpp}`,
        `Государственная регистрация: ${clinic.registration}`,
        `Лицензия на осуществление медицинской деятельности ${describeLicence(clinic)}`,
        `Лицензирующий орган: ${clinic.licence.issuer}, ${clinic.licence.issuerAddress}, тел. ${clinic.licence.issuerPhone}`,
        `Телефон: ${clinic.phone}${clinic.email ? `, e-mail: ${clinic.email}` : ''}`,
        `Договор от имени Исполнителя заключает: ${clinic.signatory.position} ${clinic.signatory.fullName}, основание полномочий: ${clinic.signatory.authority}`,
      ],
      signature: {
        caption: capitalise(clinic.signatory.position),
        name: shortName(clinic.signatory.fullName),
      },
    },
    {
      role: 'Потребитель',
      name: data.patient.fullName,
      details: personDetails(data.patient),
      // A legal representative signs for the patient.
      signature: data.representative
        ? {
            caption: 'За Потребителя — законный представитель',
            name: shortName(data.representative.fullName),
          }
        : { caption: 'Потребитель', name: shortName(data.patient.fullName) },
    },
  ];
  if (data.representative) {
    result.push({
      role: 'Законный представитель потребителя',
      name: data.representative.fullName,
      details: [...personDetails(data.representative), `Основание полномочий: ${data.representative.basis}`],
      signature: { caption: 'Законный представитель', name: shortName(data.representative.fullName) },
    });
  }
  if (data.payer) {
    result.push({
      role: 'Заказчик',
      name: data.payer.fullName,
      details: personDetails(data.payer),
      signature: { caption: 'Заказчик', name: shortName(data.payer.fullName) },
    });
  }
  return result;
}

/**
 * Fills a validated template (see `parseContractTemplate`) with one contract's data: conditional
 * paragraphs are kept or dropped, sections and paragraphs numbered, a paragraph that is only
 * `{{services}}` becomes the place of the services table, amounts are integer kopecks.
 * Throws {@link ContractDataError} when the data is incomplete.
 */
export function renderContract(template: ContractTemplate, input: ContractData): RenderedContract {
  const parsed = contractDataSchema.safeParse(input, { error: russianZodError });
  if (!parsed.success) throw new ContractDataError(toDocumentIssues(parsed.error));
  const data = parsed.data;
  const ctx: PlaceholderContext = { template, data };

  const sections = template.sections.map((section, s): RenderedSection => {
    let n = 0;
    const paragraphs = section.paragraphs
      .filter((p) => included(p, data))
      .map((p): RenderedParagraph => {
        if (textOf(p).trim() === '{{services}}') return { kind: 'services' };
        n += 1;
        return { kind: 'text', number: `${s + 1}.${n}`, text: fillPlaceholders(textOf(p), ctx) };
      });
    return { number: String(s + 1), heading: section.heading, paragraphs };
  });

  const services = data.services.map((line, i): RenderedServiceLine => {
    const amountKopecks = line.quantity * line.unitPriceKopecks;
    return {
      number: i + 1,
      ...(line.code ? { code: line.code } : {}),
      name: line.name,
      quantity: line.quantity,
      unitPriceKopecks: line.unitPriceKopecks,
      amountKopecks,
      unitPriceText: formatRubles(line.unitPriceKopecks),
      amountText: formatRubles(amountKopecks),
    };
  });
  const totalKopecks = contractTotal(data);

  return {
    templateVersion: template.version,
    title: template.title,
    number: data.number,
    date: data.date,
    dateText: formatLongDate(data.date),
    ...(data.city ? { city: data.city } : {}),
    clinicName: template.clinic.name,
    licenceText: describeLicence(template.clinic),
    preamble: template.preamble.filter((p) => included(p, data)).map((p) => fillPlaceholders(textOf(p), ctx)),
    sections,
    services,
    totalKopecks,
    totalText: formatRubles(totalKopecks),
    parties: parties(template, data),
    ...(data.acceptance?.channel === 'PORTAL'
      ? {
          acceptance: {
            channel: 'PORTAL' as const,
            at: data.acceptance.at.toISOString(),
            text: `Принят в личном кабинете ${formatMoscowDateTime(data.acceptance.at)}`,
          },
        }
      : {}),
  };
}
