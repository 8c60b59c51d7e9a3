/** The small clinic the lab pages are shown on with the stand-in gateway (lab-fake.ts). */
import { randomUUID } from 'node:crypto';

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();

const branch = {
  id: randomUUID(),
  name: 'Медикаменте на Тверской',
  address: 'г. Москва, ул. Тверская, д. 12',
  timeZone: 'Europe/Moscow',
};
const doctorAccountId = randomUUID();
const patientId = randomUUID();
const visitId = randomUUID();

export const FIXTURE = {
  branch,
  doctorAccountId,
  specialist: {
    id: randomUUID(),
    accountId: doctorAccountId,
    displayName: 'Смирнов Алексей Викторович',
    specialties: ['Терапия'],
  },
  patient: {
    id: patientId,
    fullName: 'Соколова Анна Петровна',
    birthDate: '1985-03-14',
    ageYears: 41,
    sex: 'FEMALE',
    phone: '+7 916 123-45-67',
    email: 'anna@example.ru',
    insurancePolicy: null,
    chronicConditions: [],
  },
  visit: {
    id: visitId,
    patientId,
    appointmentId: null,
    doctorAccountId,
    branchId: branch.id,
    startedAt: day(0),
    status: 'OPEN',
    current: null,
    versions: [],
    addenda: [],
  },
};

const test = (code: string, name: string, specimenType: string, unit: string | null) => ({
  id: randomUUID(),
  code,
  name,
  specimenType,
  unit,
  turnaroundHours: 24,
  partnerName: 'Лаборатория «Гемотест»',
});
export const CATALOGUE = [
  test('GLU', 'Глюкоза', 'венозная кровь', 'ммоль/л'),
  test('K', 'Калий', 'венозная кровь', 'ммоль/л'),
  test('CBC', 'Общий анализ крови', 'венозная кровь (ЭДТА)', null),
  test('URINE', 'Общий анализ мочи', 'моча', null),
];
export const [GLUCOSE, POTASSIUM] = CATALOGUE as [(typeof CATALOGUE)[number], (typeof CATALOGUE)[number]];

export type LabResult = {
  id: string;
  testId: string;
  testName: string;
  kind: 'NUMERIC';
  numeric: number;
  unit: string;
  coded: null;
  text: null;
  referenceText: string;
  referenceRange: { low: number; high: number };
  flag: string;
  flagText: string;
  critical: boolean;
  partnerComment: string | null;
  resultedAt: string;
  released: boolean;
  previous: Array<{ id: string; numeric: number; resultedAt: string; flag: string }>;
};
export type LabOrder = {
  id: string;
  patientId: string;
  visitId: string | null;
  priority: string;
  clinicalNote: string | null;
  status: string;
  statusReason: string | null;
  specimenCode: string;
  specimenType: string;
  partnerName: string;
  tests: Array<{ testId: string; code: string; name: string; unit: string | null; resulted: boolean }>;
  results: LabResult[];
  reviewComment: string | null;
  createdAt: string;
  collectedAt: string | null;
  sentAt: string | null;
  resultedAt: string | null;
  releasedAt: string | null;
};

export const GLUCOSE_RANGE = { referenceText: '3,9–6,1 ммоль/л', referenceRange: { low: 3.9, high: 6.1 } };
export const POTASSIUM_RANGE = { referenceText: '3,5–5,1 ммоль/л', referenceRange: { low: 3.5, high: 5.1 } };

/** Earlier orders of the patient: glucose twice, released (the chart's history). */
export function seedOrders(): LabOrder[] {
  return [90, 30].map((ago, i) => ({
    id: randomUUID(),
    patientId,
    visitId: null,
    priority: 'ROUTINE',
    clinicalNote: null,
    status: 'RELEASED',
    statusReason: null,
    specimenCode: `S-OLD${i}-0000`,
    specimenType: 'венозная кровь',
    partnerName: GLUCOSE.partnerName,
    tests: [{ testId: GLUCOSE.id, code: 'GLU', name: 'Глюкоза', unit: 'ммоль/л', resulted: true }],
    results: [
      {
        id: randomUUID(),
        testId: GLUCOSE.id,
        testName: 'Глюкоза',
        kind: 'NUMERIC',
        numeric: i ? 5.9 : 5.2,
        unit: 'ммоль/л',
        coded: null,
        text: null,
        ...GLUCOSE_RANGE,
        flag: 'N',
        flagText: 'в пределах нормы',
        critical: false,
        partnerComment: null,
        resultedAt: day(ago),
        released: true,
        previous: [],
      },
    ],
    reviewComment: i ? 'Показатели в норме.' : null,
    createdAt: day(ago + 1),
    collectedAt: day(ago + 1),
    sentAt: day(ago + 1),
    resultedAt: day(ago),
    releasedAt: day(ago),
  }));
}
