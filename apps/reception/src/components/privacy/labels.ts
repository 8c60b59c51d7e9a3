import { dateTimeIn } from '@medikamente/web-kit/format';

/** Russian wording of the privacy-monitoring console (the API answers with codes). */

/** The clinic's zone for the officer's times (alerts come from every branch). */
export const CLINIC_ZONE = 'Europe/Moscow';

/** "24.11.2025, 09:30" in the clinic's zone; "—" when the API gave no time. */
export const when = (iso: string | null | undefined): string => (iso ? dateTimeIn(iso, CLINIC_ZONE) : '—');

export const SEVERITY_LABELS: Record<string, string> = {
  LOW: 'низкая',
  MEDIUM: 'средняя',
  HIGH: 'высокая',
  CRITICAL: 'критическая',
};

export const ALERT_STATUS_LABELS: Record<string, string> = {
  NEW: 'Новое',
  EXPLAINED: 'Объяснено',
  UNEXPLAINED: 'Не объяснено',
  INCIDENT: 'Инцидент',
};

export const STEP_LABELS: Record<string, string> = {
  RAISED: 'Оповещение создано',
  NOTIFIED: 'Отправлено по e-mail',
  ASSIGNED: 'Назначено',
  TRIAGED: 'Разобрано',
  NOTE: 'Заметка',
};

/** The person's role as the trail names it (not the app's section names). */
export const ACTOR_ROLE_LABELS: Record<string, string> = {
  doctor: 'Врач',
  receptionist: 'Регистратор',
  cashier: 'Кассир',
  accountant: 'Бухгалтер',
  lab_partner: 'Партнёрская лаборатория',
  analyst: 'Аналитик',
  it_admin: 'ИТ-администратор',
  security_officer: 'Служба безопасности',
  service: 'Автоматическая система',
  patient: 'Пациент',
};

/** The services whose audit trails reach the central stream, by the part of the clinic. */
export const SERVICE_LABELS: Record<string, string> = {
  identity: 'Учётные записи',
  patient: 'Регистратура',
  schedule: 'Расписание и запись',
  record: 'Медицинская карта',
  lab: 'Лаборатория',
  billing: 'Касса и бухгалтерия',
};

export const CATEGORY_LABELS: Record<string, string> = {
  CONTACT: 'контакты',
  IDENTITY: 'документы и дата рождения',
  SOCIAL: 'адрес и место работы',
  HEALTH: 'медицинские сведения',
  FINANCIAL: 'договоры и оплаты',
};

export const PURPOSE_LABELS: Record<string, string> = {
  careRelationship: 'лечение: запись на приём',
  author: 'автор записи',
  breakGlass: 'экстренный доступ',
  partnerOwns: 'выполнение заказа анализа',
  resultReleased: 'выдача результата',
  self: 'собственные данные',
};

/** The purpose of use in words: the conditions that held, or the role's duties when none. */
export function purposeText(purpose: string | null | undefined): string {
  const held = (purpose ?? '').split(',').filter(Boolean);
  return held.length ? held.map((p) => PURPOSE_LABELS[p] ?? p).join(', ') : 'служебные обязанности';
}

export const labelOf = (labels: Record<string, string>, code: string | null | undefined): string =>
  code ? (labels[code] ?? code) : '—';

/** Russian names of the evidence a rule records (other keys are shown as they come). */
export const EVIDENCE_LABELS: Record<string, string> = {
  streamIds: 'События журнала (номера в потоке)',
  operation: 'Операция клиента',
  categories: 'Категории данных',
  zone: 'Часовой пояс филиала',
  events: 'Событий за окно',
  baselinePerWindow: 'Обычно за такое окно',
  searches: 'Поисков без открытия карты',
  windowMinutes: 'Окно, мин',
  verificationId: 'Проверка цепочки',
  reason: 'Причина',
  brokenAtSeq: 'Нарушение с записи №',
};
