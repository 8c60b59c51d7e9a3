/**
 * Demo data for local runs (`pnpm start`): staff of every role, a few patient accounts and
 * ~200 patients with consents and care relationships, written through the services' own
 * stores so that the data passes the same validation as the API.
 *
 * Deterministic (seeded PRNG): every fresh data directory gets the same people. Passwords and
 * the staff's TOTP secrets are the exception: they are random per data directory and returned
 * once, so no credential lives in the repository.
 */
import { randomBytes } from 'node:crypto';
import type { AccountRole, IdentityService } from '@medikamente/subgraph-identity';
import type { PatientService } from '@medikamente/subgraph-patient';
import type { ConsentChannel, ConsentPurpose } from '../subgraphs/patient/src/modules/consent/consent.store';
import {
  normalizePhone,
  type PatientFields,
  validatePatientFields,
} from '../subgraphs/patient/src/modules/patient/validation';

export type DemoLogin = {
  login: string;
  /** null when the account already existed (an earlier, interrupted seed): the password is unknown. */
  password: string | null;
  role: AccountRole;
  displayName: string;
  note?: string;
  /**
   * Base32 TOTP secret of a staff account (every demo staff account has TOTP enrolled); null when
   * unknown (created by an interrupted seed), absent for patients.
   */
  totpSecret?: string | null;
};
/** `created` is false when the data was already there; `logins` is then empty (passwords are hashed). */
export type DemoLogins = { created: boolean; logins: DemoLogin[] };

export const SENTINEL_LOGIN = 'reception@medikamente.local';
/**
 * Placeholder branch ids until the schedule subgraph owns branches: Moscow (head office)
 * and Kaliningrad (the first new branch).
 */
export const DEMO_BRANCHES = {
  moscow: 'b0000000-0000-4000-8000-000000000001',
  kaliningrad: 'b0000000-0000-4000-8000-000000000002',
} as const;
const PATIENT_COUNT = 200;
const CARE_SOURCE = 'demo-seed';

// mulberry32: tiny, fast and good enough for demo data; the seed fixes the whole data set.
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
  const uuid = () => {
    const h = Array.from({ length: 32 }, () => int(0, 15).toString(16));
    h[12] = '4';
    h[16] = (8 + int(0, 3)).toString(16);
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  return { next, int, pick, digits, uuid, chance: (p: number) => next() < p };
}

/** Readable random password, 80 bits: 4 groups of 4 from 32 letters and digits (e.g. k7mp-x3qa-9tzr-h2wd). */
function demoPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'; // no l/1/o/0: easy to read aloud and retype
  const chars = [...randomBytes(16)].map((b) => alphabet[b % 32]); // 256 % 32 = 0: unbiased
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

const STAFF: Array<{ login: string; role: AccountRole; name: string; note?: string; branches: string[] }> = [
  {
    login: 'doctor.ivanova@medikamente.local',
    role: 'doctor',
    name: 'Иванова Мария Сергеевна',
    note: 'терапевт',
    branches: [DEMO_BRANCHES.moscow],
  },
  {
    login: 'doctor.petrov@medikamente.local',
    role: 'doctor',
    name: 'Петров Алексей Николаевич',
    note: 'кардиолог',
    branches: [DEMO_BRANCHES.moscow],
  },
  {
    login: 'doctor.smirnova@medikamente.local',
    role: 'doctor',
    name: 'Смирнова Ольга Викторовна',
    note: 'невролог',
    branches: [DEMO_BRANCHES.moscow, DEMO_BRANCHES.kaliningrad],
  },
  {
    login: 'doctor.kuznetsov@medikamente.local',
    role: 'doctor',
    name: 'Кузнецов Дмитрий Андреевич',
    note: 'эндокринолог',
    branches: [DEMO_BRANCHES.kaliningrad],
  },
  {
    login: 'cashier@medikamente.local',
    role: 'cashier',
    name: 'Орлова Наталья Петровна',
    branches: [DEMO_BRANCHES.moscow],
  },
  { login: 'accountant@medikamente.local', role: 'accountant', name: 'Зайцева Ирина Олеговна', branches: [] },
  { login: 'analyst@medikamente.local', role: 'analyst', name: 'Белов Кирилл Максимович', branches: [] },
  { login: 'it.admin@medikamente.local', role: 'it_admin', name: 'Гусев Артём Игоревич', branches: [] },
  {
    login: 'security@medikamente.local',
    role: 'security_officer',
    name: 'Комаров Павел Юрьевич',
    branches: [],
  },
  // Last on purpose: its presence marks a completed identity seed.
  {
    login: SENTINEL_LOGIN,
    role: 'receptionist',
    name: 'Васильева Елена Павловна',
    branches: [DEMO_BRANCHES.moscow, DEMO_BRANCHES.kaliningrad],
  },
];

const PATIENT_ACCOUNTS: Array<{ login: string; fields: PatientFields }> = [
  {
    login: 'patient.sokolova@medikamente.local',
    fields: {
      lastName: 'Соколова',
      firstName: 'Анна',
      middleName: 'Игоревна',
      birthDate: '1988-04-12',
      sex: 'FEMALE',
      phone: '+79161234501',
      email: 'patient.sokolova@medikamente.local',
    },
  },
  {
    login: 'patient.morozov@medikamente.local',
    fields: {
      lastName: 'Морозов',
      firstName: 'Игорь',
      middleName: 'Валентинович',
      birthDate: '1961-09-30',
      sex: 'MALE',
      phone: '+79261234502',
      chronicConditions: ['Гипертоническая болезнь II стадии'],
    },
  },
  {
    login: 'patient.lebedeva@medikamente.local',
    fields: {
      lastName: 'Лебедева',
      firstName: 'Татьяна',
      middleName: 'Андреевна',
      birthDate: '1995-01-22',
      sex: 'FEMALE',
      phone: '+79051234503',
    },
  },
];

// Male surnames; the female form is derived (Иванов → Иванова, Троицкий → Троицкая, Шевченко unchanged).
const SURNAMES = (
  'Абрамов Аксёнов Алексеев Андреев Антонов Афанасьев Баранов Белоусов Богданов Борисов Васильев ' +
  'Виноградов Волков Воробьёв Гаврилов Голубев Григорьев Давыдов Дмитриев Егоров Ершов Жуков Захаров ' +
  'Зуев Ильин Калинин Киселёв Ковалёв Козлов Королёв Крылов Кудрявцев Лебедев Макаров Медведев ' +
  'Мельников Миронов Никитин Николаев Новиков Орлов Павлов Поляков Романов Савельев Семёнов Сергеев ' +
  'Соловьёв Степанов Тарасов Тихонов Федоров Филиппов Фролов Чернов Шубин Щербаков Яковлев Троицкий ' +
  'Вишневский Шевченко Коваленко'
).split(' ');
const MALE_NAMES = (
  'Александр Алексей Андрей Артём Борис Владимир Дмитрий Евгений Иван Игорь Кирилл Максим Михаил ' +
  'Никита Николай Олег Павел Роман Сергей Юрий'
).split(' ');
const FEMALE_NAMES = (
  'Александра Алина Анастасия Анна Валентина Вера Дарья Екатерина Елена Ирина Ксения Людмила Мария ' +
  'Наталья Ольга Светлана Софья Татьяна Юлия Галина'
).split(' ');
// [male patronymic, female patronymic] from the father's name.
const PATRONYMICS = (
  'Александрович/Александровна Алексеевич/Алексеевна Андреевич/Андреевна Борисович/Борисовна ' +
  'Васильевич/Васильевна Викторович/Викторовна Владимирович/Владимировна Дмитриевич/Дмитриевна ' +
  'Евгеньевич/Евгеньевна Иванович/Ивановна Игоревич/Игоревна Ильич/Ильинична Михайлович/Михайловна ' +
  'Никитич/Никитична Николаевич/Николаевна Олегович/Олеговна Павлович/Павловна Петрович/Петровна ' +
  'Сергеевич/Сергеевна Юрьевич/Юрьевна'
)
  .split(' ')
  .map((p) => p.split('/') as [string, string]);
const femaleSurname = (s: string) =>
  /(ов|ев|ёв|ин|ын)$/.test(s) ? `${s}а` : /ий$/.test(s) ? s.replace(/ий$/, 'ая') : s;

const CITIES = [
  {
    city: 'г. Москва',
    region: '45',
    police: 'ГУ МВД России по г. Москве',
    phones: ['916', '915', '925', '926', '903', '985', '977'],
    streets: [
      'ул. Профсоюзная',
      'Ленинский пр-т',
      'ул. Тверская',
      'ул. Маросейка',
      'Кутузовский пр-т',
      'ул. Бутырская',
      'Варшавское ш.',
    ],
  },
  {
    city: 'г. Калининград',
    region: '27',
    police: 'УМВД России по Калининградской области',
    phones: ['911', '921', '906', '962'],
    streets: [
      'Ленинский пр-т',
      'ул. Генерала Соммера',
      'Московский пр-т',
      'ул. Черняховского',
      'ул. Горького',
    ],
  },
  {
    city: 'г. Екатеринбург',
    region: '65',
    police: 'ГУ МВД России по Свердловской области',
    phones: ['912', '922', '950', '982'],
    streets: ['ул. Малышева', 'пр-т Ленина', 'ул. Вайнера', 'ул. 8 Марта', 'ул. Куйбышева'],
  },
  {
    city: 'г. Владивосток',
    region: '05',
    police: 'УМВД России по Приморскому краю',
    phones: ['914', '924', '908'],
    streets: ['ул. Светланская', 'Океанский пр-т', 'ул. Алеутская', 'ул. Русская', 'ул. Адмирала Фокина'],
  },
] as const;
const WORKPLACES = [
  'ПАО «Сбербанк»',
  'ООО «Вектор»',
  'ГБОУ «Школа № 1543»',
  'АО «Почта России»',
  'ООО «Технопарк»',
  'ИП Смирнов А. В.',
  'ГАУЗ «Городская больница № 2»',
  'ОАО «РЖД»',
  'ООО «Балтийская логистика»',
];
const CONDITIONS = [
  'Гипертоническая болезнь II стадии',
  'Сахарный диабет 2 типа',
  'Бронхиальная астма',
  'Хронический гастрит',
  'ИБС: стенокардия напряжения',
  'Гипотиреоз',
  'Остеохондроз поясничного отдела позвоночника',
  'Хроническая обструктивная болезнь лёгких',
  'Аллергия на пенициллин',
  'Мигрень',
];
// Latin spelling of each letter of а…я (with ё after е), for demo e-mail addresses.
const LATIN = 'a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh sch - y - e yu ya'.split(' ');
const TRANSLIT = new Map(
  [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'].map((c, i) => [c, LATIN[i]!.replace('-', '')]),
);
const translit = (s: string) => [...s.toLowerCase()].map((c) => TRANSLIT.get(c) ?? c).join('');

/** A SNILS body above 001-001-998 with its control sum (same rule as isValidSnils). */
function snils(r: ReturnType<typeof prng>): string {
  const body = `${r.int(1, 9)}${r.digits(8)}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (9 - i);
  let control = sum > 101 ? sum % 101 : sum;
  if (control === 100 || control === 101) control = 0;
  return `${body}${String(control).padStart(2, '0')}`;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
// A fixed "today" keeps the data identical whatever day the seed runs.
const REFERENCE_DAY = new Date('2025-06-01T00:00:00Z');

function randomPatient(r: ReturnType<typeof prng>): PatientFields {
  const sex = r.chance(0.5) ? 'MALE' : 'FEMALE';
  const male = sex === 'MALE';
  const surname = r.pick(SURNAMES);
  const [pm, pf] = r.pick(PATRONYMICS);
  const born = addDays(new Date('1940-01-01T00:00:00Z'), r.int(0, 365 * 71));
  const place = r.pick(CITIES);
  const address = () =>
    `${place.city}, ${r.pick(place.streets)}, д. ${r.int(1, 140)}${r.chance(0.8) ? `, кв. ${r.int(1, 320)}` : ''}`;
  let phone: string | null = null;
  while (!phone) phone = normalizePhone(`+7${r.pick(place.phones)}${r.digits(7)}`);
  // Passports are issued at 14 and replaced at 20 and 45: take the latest before the reference day.
  const age = (REFERENCE_DAY.getTime() - born.getTime()) / (365.25 * 86_400_000);
  const issuedAtAge = age >= 45 ? 45 : age >= 20 ? 20 : 14;
  const issuedOn = addDays(born, Math.round(issuedAtAge * 365.25) + r.int(5, 60));
  const home = address();
  const lastName = male ? surname : femaleSurname(surname);
  const firstName = r.pick(male ? MALE_NAMES : FEMALE_NAMES);
  const conditions =
    age > 50 && r.chance(0.45)
      ? [r.pick(CONDITIONS), r.pick(CONDITIONS)]
      : r.chance(0.12)
        ? [r.pick(CONDITIONS)]
        : [];
  return {
    lastName,
    firstName,
    middleName: male ? pm : pf,
    birthDate: iso(born),
    sex,
    phone,
    email: r.chance(0.4)
      ? `${translit(firstName)}.${translit(lastName)}${r.int(1, 99)}@${r.pick(['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru'])}`
      : null,
    passport: `${place.region}${String(issuedOn.getUTCFullYear() % 100).padStart(2, '0')}${r.digits(6)}`,
    passportIssuedBy: place.police,
    passportIssuedOn: issuedOn < REFERENCE_DAY ? iso(issuedOn) : iso(addDays(REFERENCE_DAY, -30)),
    snils: snils(r),
    insurancePolicy: r.chance(0.7) ? `${r.int(1, 9)}${r.digits(15)}` : null,
    registrationAddress: home,
    homeAddress: r.chance(0.85) ? home : address(),
    workplace: age < 65 && age > 20 && r.chance(0.7) ? r.pick(WORKPLACES) : null,
    chronicConditions: [...new Set(conditions)],
  };
}

function valid(fields: PatientFields): PatientFields {
  const v = validatePatientFields(fields, ['lastName', 'firstName', 'birthDate', 'sex']);
  if (!v.ok) throw new Error(`seed: invalid patient ${JSON.stringify(fields)}: ${JSON.stringify(v.errors)}`);
  return v.value;
}

/** Seeds the demo data set once; later calls return `{ created: false }` without writing. */
export async function seedDemo(opts: {
  identity: IdentityService;
  patient: PatientService;
  log?: (s: string) => void;
  /**
   * Called as soon as the accounts exist, before the slower patient data: the caller can keep
   * the passwords even if the rest of the seed is interrupted (a re-run then completes it).
   */
  onLogins?: (logins: DemoLogin[]) => void;
}): Promise<DemoLogins> {
  const { identity, patient } = opts;
  const log = opts.log ?? (() => {});
  const r = prng(20250601);
  const patientIds = Array.from({ length: PATIENT_COUNT }, () => r.uuid());
  const accountPatientIds = PATIENT_ACCOUNTS.map(() => r.uuid());
  // Both databases must be complete: identity and patient data live in separate directories.
  const lastId = patientIds[PATIENT_COUNT - 1]!;
  if (
    (await identity.stores.accounts.byLogin(SENTINEL_LOGIN)) &&
    (await patient.stores.patients.byIds([lastId])).has(lastId)
  ) {
    return { created: false, logins: [] };
  }

  // Accounts: an existing login (interrupted earlier seed) is kept as is.
  const logins: DemoLogin[] = [];
  const ids = new Map<string, { accountId: string; patientId: string | null }>();
  const account = async (a: {
    login: string;
    role: AccountRole;
    name: string;
    note?: string;
    branches?: string[];
    patientId?: string;
  }) => {
    const existing = await identity.stores.accounts.byLogin(a.login);
    const staff = a.role !== 'patient';
    let password: string | null = null;
    let totpSecret: string | null = null;
    if (existing) ids.set(a.login, { accountId: existing.id, patientId: existing.patientId });
    else {
      password = demoPassword();
      // Staff sign in with a second factor, as they would in the clinic.
      const c = await identity.createAccount({
        role: a.role,
        login: a.login,
        password,
        displayName: a.name,
        branchIds: a.branches ?? [],
        patientId: a.patientId,
        totp: staff,
      });
      totpSecret = c.totpSecret;
      ids.set(a.login, { accountId: c.accountId, patientId: c.patientId });
    }
    logins.push({
      login: a.login,
      password,
      role: a.role,
      displayName: a.name,
      ...(a.note ? { note: a.note } : {}),
      ...(staff ? { totpSecret } : {}),
    });
  };
  const started = Date.now();
  for (const [i, p] of PATIENT_ACCOUNTS.entries()) {
    const f = p.fields;
    await account({
      login: p.login,
      role: 'patient',
      name: `${f.lastName} ${f.firstName} ${f.middleName}`,
      patientId: accountPatientIds[i],
    });
  }
  for (const s of STAFF) await account({ ...s, branches: s.branches });
  log(`accounts: ${logins.length} (${Date.now() - started} ms)`);
  opts.onLogins?.(logins);

  const reception = ids.get(SENTINEL_LOGIN)!.accountId;
  const { patients, consents, care } = patient.stores;
  const give = (id: string, purpose: ConsentPurpose, channel: ConsentChannel, actor: string) =>
    consents.give(id, purpose, 1, channel, actor);

  // Patient accounts get their record exactly as registerSelf creates it.
  for (const p of PATIENT_ACCOUNTS) {
    const { accountId, patientId } = ids.get(p.login)!;
    const { replayed } = await patients.create(valid(p.fields), {
      id: patientId!,
      accountId,
      createdBy: accountId,
      // As registerSelf: the key is the record itself, so a re-run replays whatever it holds.
      idempotency: {
        principal: { kind: 'user', subject: accountId },
        key: patientId!,
        operation: 'registerSelf',
        request: {},
      },
    });
    if (replayed) continue;
    await give(patientId!, 'TREATMENT', 'PORTAL', accountId);
    await give(patientId!, 'PORTAL_ACCOUNT', 'PORTAL', accountId);
  }

  // Registered by reception; an idempotency key per patient makes a re-run replay, not duplicate.
  let withdrawn = 0;
  for (const [i, id] of patientIds.entries()) {
    const fields = valid(randomPatient(r));
    const channel = r.pick(['RECEPTION', 'RECEPTION', 'PAPER', 'PHONE'] as const);
    const extra = (['PORTAL_ACCOUNT', 'MARKETING', 'LAB_SHARING', 'ANALYTICS'] as const).filter((_, k) =>
      r.chance([0.3, 0.3, 0.5, 0.4][k]!),
    );
    const withdraw = extra.length > 0 && r.chance(0.08) ? r.pick(extra) : null;
    const { replayed } = await patients.create(fields, {
      id,
      createdBy: reception,
      // The key names the demo patient: a re-run replays it (whatever the generator produced).
      idempotency: {
        principal: { kind: 'user', subject: reception },
        key: `demo-seed-${i}`,
        operation: 'demoSeed',
        request: {},
      },
    });
    if (replayed) continue;
    await give(id, 'TREATMENT', channel, reception);
    for (const purpose of extra)
      await give(id, purpose, purpose === 'PORTAL_ACCOUNT' ? 'PORTAL' : channel, reception);
    if (withdraw) {
      await consents.withdraw(id, withdraw, r.pick(['PORTAL', 'PHONE', 'RECEPTION'] as const));
      withdrawn++;
    }
  }
  log(
    `patients: ${PATIENT_COUNT + PATIENT_ACCOUNTS.length}, withdrawn consents: ${withdrawn} (${Date.now() - started} ms)`,
  );

  // Until the schedule subgraph derives care relationships from appointments, each demo
  // doctor gets a fixed panel of patients (a year long, so the demo does not expire soon).
  const until = new Date(Date.now() + 365 * 86_400_000);
  const doctors = STAFF.filter((s) => s.role === 'doctor');
  for (const [d, doctor] of doctors.entries()) {
    const doctorId = ids.get(doctor.login)!.accountId;
    for (let k = 0; k < 10; k++) await care.grant(doctorId, patientIds[d * 10 + k]!, CARE_SOURCE, until);
  }
  const ivanova = ids.get(doctors[0]!.login)!.accountId;
  for (const p of PATIENT_ACCOUNTS)
    await care.grant(ivanova, ids.get(p.login)!.patientId!, CARE_SOURCE, until);
  log(`care relationships: ${doctors.length * 10 + PATIENT_ACCOUNTS.length} (${Date.now() - started} ms)`);

  return { created: true, logins };
}

/** The demo doctors with their identity account ids (after `seedDemo`). */
export async function demoDoctors(identity: IdentityService) {
  const out: Array<{ accountId: string; name: string; note: string; branches: string[] }> = [];
  for (const s of STAFF.filter((x) => x.role === 'doctor')) {
    const a = await identity.stores.accounts.byLogin(s.login);
    if (a) out.push({ accountId: a.id, name: s.name, note: s.note ?? '', branches: s.branches });
  }
  return out;
}

/** Ids of the demo patients (the same on every machine: the data set is seeded). */
export function demoPatientIds(): string[] {
  const r = prng(20250601);
  const patientIds = Array.from({ length: PATIENT_COUNT }, () => r.uuid());
  const accountPatientIds = PATIENT_ACCOUNTS.map(() => r.uuid());
  return [...accountPatientIds, ...patientIds];
}
