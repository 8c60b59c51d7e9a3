import type { ConsentPurpose } from '@/gql/graphql';

export const PURPOSE_LABELS: Record<ConsentPurpose, string> = {
  TREATMENT: 'Обработка данных для оказания медицинской помощи',
  PORTAL_ACCOUNT: 'Личный кабинет пациента',
  MARKETING: 'Информационные и рекламные сообщения',
  LAB_SHARING: 'Передача данных в партнёрскую лабораторию',
  ANALYTICS: 'Обезличенная аналитика',
};

/** Purposes without which the portal cannot serve the patient. */
export const REQUIRED_PURPOSES: ReadonlySet<ConsentPurpose> = new Set(['TREATMENT', 'PORTAL_ACCOUNT']);

export type ConsentTextItem = {
  purpose: ConsentPurpose;
  version: number;
  title: string;
  body: string;
  publishedAt: string;
};

/** The newest version of each purpose's text. */
export function latestTexts(texts: readonly ConsentTextItem[]): ConsentTextItem[] {
  const by = new Map<ConsentPurpose, ConsentTextItem>();
  for (const t of texts) {
    const known = by.get(t.purpose);
    if (!known || known.version < t.version) by.set(t.purpose, t);
  }
  const order = Object.keys(PURPOSE_LABELS) as ConsentPurpose[];
  return [...by.values()].sort((a, b) => order.indexOf(a.purpose) - order.indexOf(b.purpose));
}

export function ConsentTextView({ text }: { text: ConsentTextItem }) {
  return (
    <details>
      <summary>
        Текст согласия «{text.title}», редакция {text.version} от{' '}
        {new Date(text.publishedAt).toLocaleDateString('ru-RU')}
      </summary>
      <p style={{ whiteSpace: 'pre-wrap' }}>{text.body}</p>
    </details>
  );
}
