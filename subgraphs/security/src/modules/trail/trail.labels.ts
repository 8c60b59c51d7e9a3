/** Russian wording of the trail for patients and officers (no staff names anywhere). */
export const ROLE_RU: Record<string, string> = {
  doctor: 'Врач',
  receptionist: 'Регистратор',
  cashier: 'Кассир',
  accountant: 'Бухгалтер',
  lab_partner: 'Партнёрская лаборатория',
  analyst: 'Аналитик',
  it_admin: 'ИТ-администратор',
  security_officer: 'Служба безопасности',
  service: 'Автоматическая система клиники',
  patient: 'Пациент',
};

/** The part of the clinic a service stands for. */
export const DEPARTMENT_RU: Record<string, string> = {
  identity: 'Учётные записи',
  patient: 'Регистратура',
  schedule: 'Расписание и запись',
  record: 'Медицинская карта',
  lab: 'Лаборатория',
  billing: 'Касса и бухгалтерия',
};

const PURPOSE_RU: Record<string, string> = {
  careRelationship: 'лечение: запись на приём',
  author: 'автор записи',
  breakGlass: 'экстренный доступ',
  partnerOwns: 'выполнение заказа анализа',
  resultReleased: 'выдача результата',
  self: 'собственные данные',
};

export const CATEGORY_RU: Record<string, string> = {
  CONTACT: 'контакты',
  IDENTITY: 'документы и дата рождения',
  SOCIAL: 'адрес и место работы',
  HEALTH: 'медицинские сведения',
  FINANCIAL: 'договоры и оплаты',
};

/** The purpose of use in words: the conditions that held, or the role's duties. */
export function purposeRu(purpose: string | null): string {
  const held = (purpose ?? '').split(',').filter(Boolean);
  if (held.length === 0) return 'служебные обязанности';
  return held.map((p) => PURPOSE_RU[p] ?? 'иное основание').join(', ');
}

/** IHE BALP subtype of an event: a query (a list or search) or a read of one patient. */
export const balpSubtype = (requestPatients: number): 'PatientQuery' | 'PatientRead' =>
  requestPatients > 1 ? 'PatientQuery' : 'PatientRead';
