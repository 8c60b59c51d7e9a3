import { z } from 'zod';
import { CONTRACT_736_REQUIREMENTS } from './contract-736';
import { type ContractData, describeDocument } from './contract-data';
import { formatLongDate, formatRubles, NBSP } from './format';
import {
  calendarDate,
  type DocumentIssue,
  isValidKpp,
  isValidOgrn,
  isValidOrganisationInn,
  russianZodError,
  text,
  toDocumentIssues,
} from './requisites';

export type { DocumentIssue } from './requisites';

/**
 * A versioned template of the contract for paid medical services: plain data (the clinic's
 * details and an ordered list of sections whose paragraphs carry `{{placeholders}}`), edited
 * through the API and validated here when it is saved, so that rendering never meets an unknown
 * placeholder or a value that a contract does not have.
 */

/** When a paragraph is printed: only with a separate payer (заказчик), only with a legal representative, or without them. */
export const PARAGRAPH_CONDITIONS = ['payer', 'no-payer', 'representative', 'no-representative'] as const;
export type ParagraphCondition = (typeof PARAGRAPH_CONDITIONS)[number];

const paragraphSchema = z.union([
  text('Абзац не может быть пустым'),
  z.object({
    if: z.enum(PARAGRAPH_CONDITIONS, 'Неизвестное условие абзаца'),
    text: text('Абзац не может быть пустым'),
  }),
]);

const clinicSchema = z.object({
  name: text('Укажите наименование медицинской организации'),
  /** Адрес юридического лица в пределах места нахождения. */
  address: text('Укажите адрес медицинской организации'),
  phone: text('Укажите телефон медицинской организации'),
  email: z.string().trim().optional(),
  website: z.string().trim().optional(),
  ogrn: z.string().refine(isValidOgrn, 'ОГРН должен состоять из 13 цифр с верным контрольным разрядом'),
  inn: z
    .string()
    .refine(
      isValidOrganisationInn,
      'ИНН организации должен состоять из 10 цифр с верным контрольным разрядом',
    ),
  kpp: z
    .string()
    .refine(
      isValidKpp,
      'КПП должен состоять из 9 знаков: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры',
    ),
  /** Документ о внесении сведений в ЕГРЮЛ и орган, осуществивший государственную регистрацию. */
  registration: text('Укажите сведения о записи в ЕГРЮЛ и орган, осуществивший государственную регистрацию'),
  licence: z.object({
    number: text('Укажите номер лицензии на медицинскую деятельность'),
    date: calendarDate('Дата регистрации лицензии'),
    issuer: text('Укажите лицензирующий орган'),
    issuerAddress: text('Укажите адрес лицензирующего органа'),
    issuerPhone: text('Укажите телефон лицензирующего органа'),
    workTypes: z
      .array(text('Вид работ (услуг) не может быть пустым'))
      .min(1, 'Укажите работы (услуги) по лицензии'),
  }),
  /** Лицо, заключающее договор от имени исполнителя. */
  signatory: z.object({
    /** Written as inside a sentence: «генеральный директор». */
    position: text('Укажите должность лица, заключающего договор от имени исполнителя'),
    fullName: text('Укажите ФИО лица, заключающего договор от имени исполнителя'),
    authority: text('Укажите документ, подтверждающий полномочия (устав, доверенность)'),
  }),
});

const sectionSchema = z.object({
  heading: text('Укажите заголовок раздела').refine(
    (h) => !/[{}]/.test(h),
    'В заголовке раздела не бывает плейсхолдеров',
  ),
  paragraphs: z.array(paragraphSchema).min(1, 'В разделе должен быть хотя бы один абзац'),
});

const templateShape = z.object({
  version: z.number().int('Версия — целое число').positive('Версия начинается с 1'),
  title: text('Укажите название договора').refine(
    (t) => !/[{}]/.test(t),
    'В названии договора не бывает плейсхолдеров',
  ),
  clinic: clinicSchema,
  preamble: z.array(paragraphSchema).min(1, 'Укажите преамбулу: кто и с кем заключает договор'),
  sections: z.array(sectionSchema).min(1, 'В договоре должен быть хотя бы один раздел'),
});

export type ContractParagraph = z.infer<typeof paragraphSchema>;
export type ContractSection = z.infer<typeof sectionSchema>;
export type ClinicDetails = z.infer<typeof clinicSchema>;
export type ContractTemplate = z.infer<typeof templateShape>;

/** What a placeholder is filled from when a contract is rendered. */
export type PlaceholderContext = { template: ContractTemplate; data: ContractData };
type Placeholder = { needs?: 'payer' | 'representative'; value: (ctx: PlaceholderContext) => string };

const person = (
  pick: (data: ContractData) => ContractData['patient'] | undefined,
  needs?: Placeholder['needs'],
) => {
  const get = (ctx: PlaceholderContext) => {
    const found = pick(ctx.data);
    if (!found)
      throw new Error('A placeholder of a party the contract does not have (validation let it through)');
    return found;
  };
  return {
    fullName: { needs, value: (ctx: PlaceholderContext) => get(ctx).fullName },
    address: { needs, value: (ctx: PlaceholderContext) => get(ctx).address },
    phone: { needs, value: (ctx: PlaceholderContext) => get(ctx).phone },
    document: {
      needs,
      value: (ctx: PlaceholderContext) => describeDocument(get(ctx).document, formatLongDate),
    },
  };
};

/** `№ Л041-… от 12 марта 2021 г., выдана …` */
export function describeLicence(clinic: ClinicDetails): string {
  const { licence } = clinic;
  return `№${NBSP}${licence.number} от ${formatLongDate(licence.date)}, выдана: ${licence.issuer}`;
}

/** Every placeholder a template may use, by name. */
export const CONTRACT_PLACEHOLDERS: Record<string, Placeholder> = {
  'contract.number': { value: ({ data }) => data.number },
  'contract.date': { value: ({ data }) => formatLongDate(data.date) },
  'contract.city': { value: ({ data }) => data.city ?? '' },
  'contract.provisionTerms': { value: ({ data }) => data.provisionTerms },
  'clinic.name': { value: ({ template }) => template.clinic.name },
  'clinic.address': { value: ({ template }) => template.clinic.address },
  'clinic.phone': { value: ({ template }) => template.clinic.phone },
  'clinic.ogrn': { value: ({ template }) => template.clinic.ogrn },
  'clinic.inn': { value: ({ template }) => template.clinic.inn },
  'clinic.kpp': { value: ({ template }) => template.clinic.kpp },
  'clinic.registration': { value: ({ template }) => template.clinic.registration },
  'clinic.licence': { value: ({ template }) => describeLicence(template.clinic) },
  'clinic.workTypes': { value: ({ template }) => template.clinic.licence.workTypes.join('; ') },
  'clinic.signatory.position': { value: ({ template }) => template.clinic.signatory.position },
  'clinic.signatory.fullName': { value: ({ template }) => template.clinic.signatory.fullName },
  'clinic.signatory.authority': { value: ({ template }) => template.clinic.signatory.authority },
  ...prefixed(
    'patient',
    person((d) => d.patient),
  ),
  ...prefixed(
    'representative',
    person((d) => d.representative, 'representative'),
  ),
  'representative.basis': {
    needs: 'representative',
    value: ({ data }) => data.representative?.basis ?? '',
  },
  ...prefixed(
    'payer',
    person((d) => d.payer, 'payer'),
  ),
  services: {
    value: ({ data }) =>
      data.services.map((s) => `${s.name} — ${s.quantity} × ${formatRubles(s.unitPriceKopecks)}`).join('; '),
  },
  total: { value: ({ data }) => formatRubles(contractTotal(data)) },
};

function prefixed(prefix: string, entries: Record<string, Placeholder>): Record<string, Placeholder> {
  return Object.fromEntries(Object.entries(entries).map(([key, p]) => [`${prefix}.${key}`, p]));
}

/** The sum of the contract in kopecks (quantity × unit price, integer arithmetic). */
export function contractTotal(data: ContractData): number {
  return data.services.reduce((sum, s) => sum + s.quantity * s.unitPriceKopecks, 0);
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholder names used in a paragraph, in order. */
export function placeholdersOf(paragraph: string): string[] {
  return [...paragraph.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** Fills a paragraph's placeholders (validated templates only). */
export function fillPlaceholders(paragraph: string, ctx: PlaceholderContext): string {
  return paragraph.replace(PLACEHOLDER, (_, name: string) => {
    const placeholder = CONTRACT_PLACEHOLDERS[name];
    if (!placeholder) throw new Error(`Unknown placeholder {{${name}}} (the template was not validated)`);
    return placeholder.value(ctx);
  });
}

function paragraphIssues(paragraph: ContractParagraph, path: string): DocumentIssue[] {
  const { text: body, condition } =
    typeof paragraph === 'string'
      ? { text: paragraph, condition: undefined }
      : { text: paragraph.text, condition: paragraph.if };
  const textPath = typeof paragraph === 'string' ? path : `${path}.text`;
  const issues: DocumentIssue[] = [];
  if (/\{\{|\}\}/.test(body.replace(PLACEHOLDER, ''))) {
    issues.push({
      path: textPath,
      message: 'Незакрытый плейсхолдер: пишите {{имя}} с двумя фигурными скобками с каждой стороны',
    });
  }
  for (const name of placeholdersOf(body)) {
    const placeholder = CONTRACT_PLACEHOLDERS[name];
    if (!placeholder) {
      issues.push({ path: textPath, message: `Неизвестный плейсхолдер {{${name}}}` });
    } else if (placeholder.needs && placeholder.needs !== condition) {
      const party = placeholder.needs === 'payer' ? 'заказчика' : 'законного представителя';
      issues.push({
        path: textPath,
        message: `Плейсхолдер {{${name}}} допустим только в абзаце с условием «${placeholder.needs}»: не у каждого договора есть ${party}`,
      });
    }
  }
  return issues;
}

function templateIssues(template: ContractTemplate, checkCompliance: boolean): DocumentIssue[] {
  const issues = [
    ...template.preamble.flatMap((p, i) => paragraphIssues(p, `preamble.${i}`)),
    ...template.sections.flatMap((section, s) =>
      section.paragraphs.flatMap((p, i) => paragraphIssues(p, `sections.${s}.paragraphs.${i}`)),
    ),
  ];
  if (checkCompliance) {
    for (const requirement of CONTRACT_736_REQUIREMENTS) {
      if (!requirement.check(template)) {
        issues.push({
          path: '',
          message: `Нет обязательного условия по Правилам № 736: ${requirement.item}`,
        });
      }
    }
  }
  return issues;
}

export type ParseTemplateResult =
  | { ok: true; template: ContractTemplate }
  | { ok: false; issues: DocumentIssue[] };

/**
 * Validates a template at save time: the shape and the clinic's details (with check digits), that every
 * placeholder is known and a party's placeholder sits only in a paragraph printed when that party
 * exists, and (unless `checkCompliance: false`) that the items Decree No. 736 requires are present.
 */
export function safeParseContractTemplate(
  input: unknown,
  options: { checkCompliance?: boolean } = {},
): ParseTemplateResult {
  const parsed = templateShape.safeParse(input, { error: russianZodError });
  if (!parsed.success) return { ok: false, issues: toDocumentIssues(parsed.error) };
  const issues = templateIssues(parsed.data, options.checkCompliance ?? true);
  return issues.length ? { ok: false, issues } : { ok: true, template: parsed.data };
}

/** Thrown by {@link parseContractTemplate}; `issues` carry Russian messages for the editor. */
export class ContractTemplateError extends Error {
  constructor(readonly issues: DocumentIssue[]) {
    super(
      `Шаблон договора не прошёл проверку: ${issues.map((i) => (i.path ? `${i.path}: ` : '') + i.message).join('; ')}`,
    );
    this.name = 'ContractTemplateError';
  }
}

/** Like {@link safeParseContractTemplate}, but throws a {@link ContractTemplateError}. */
export function parseContractTemplate(
  input: unknown,
  options: { checkCompliance?: boolean } = {},
): ContractTemplate {
  const result = safeParseContractTemplate(input, options);
  if (!result.ok) throw new ContractTemplateError(result.issues);
  return result.template;
}
