/** Staff roles admitted to the staff app, and the sections each role sees in its navigation. */

export const STAFF_ROLES = [
  'receptionist',
  'doctor',
  'cashier',
  'accountant',
  'analyst',
  'it_admin',
  'security_officer',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export type Section = { href: string; label: string };

const SECTIONS: Partial<Record<string, readonly Section[]>> = {
  receptionist: [
    { href: '/', label: 'Журнал' },
    { href: '/patients', label: 'Пациенты' },
    { href: '/calls', label: 'Обзвон' },
  ],
  doctor: [
    { href: '/doctor', label: 'Мои пациенты сегодня' },
    { href: '/record', label: 'Медкарта' },
    { href: '/lab', label: 'Результаты к проверке' },
  ],
  cashier: [{ href: '/cashier', label: 'Касса' }],
  accountant: [{ href: '/accounting', label: 'Бухгалтерия' }],
  security_officer: [
    { href: '/privacy', label: 'Мониторинг доступа' },
    { href: '/privacy/audit', label: 'Журнал доступа' },
    { href: '/privacy/rules', label: 'Правила мониторинга' },
    { href: '/privacy/chains', label: 'Целостность журналов' },
  ],
};

/** The sections of a role (none for roles the app has no screens for yet). */
export const sectionsOf = (role: string): readonly Section[] => SECTIONS[role] ?? [];

/** Where a role starts after signing in. */
export const homeOf = (role: string): string => sectionsOf(role)[0]?.href ?? '/';

/** Russian names of the roles, for the header and the "no sections" page. */
export const ROLE_LABELS: Record<string, string> = {
  receptionist: 'Регистратура',
  doctor: 'Врач',
  cashier: 'Касса',
  accountant: 'Бухгалтерия',
  analyst: 'Аналитика',
  it_admin: 'ИТ-администратор',
  security_officer: 'Служба безопасности',
};
