import { createHash } from 'node:crypto';
import type { RecordExportInput } from './fhir.types';

/** Ids of the test record, so tests can name what they expect. */
export const FX = {
  patient: '5f0c1f2e-6d0b-4c43-9a53-2f1f3c0b7a01',
  doctor: '0b6f2a52-1c3e-4e55-8f0a-6c2d9e7b4a11',
  otherDoctor: 'c3a1d7e4-5b2f-4a6c-9d8e-1f0b2c3d4e21',
  branch: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c31',
  amendedVisit: '1a2b3c4d-0000-4000-8000-000000000001',
  amendedV1: '1a2b3c4d-0000-4000-8000-0000000000a1',
  amendedV2: '1a2b3c4d-0000-4000-8000-0000000000a2',
  addendum: '1a2b3c4d-0000-4000-8000-0000000000d1',
  attachment: '1a2b3c4d-0000-4000-8000-0000000000f1',
  retractedVisit: '2b3c4d5e-0000-4000-8000-000000000002',
  retractedV1: '2b3c4d5e-0000-4000-8000-0000000000b1',
  retractedV2: '2b3c4d5e-0000-4000-8000-0000000000b2',
  attachmentSha256: createHash('sha256').update('pdf bytes of the blood test').digest('hex'),
  hostileComplaint: '<script>alert("x")</script> & боль в горле',
};

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Two visits: one amended (v1 FINAL -> v2 AMENDED with a reason, plus an addendum and an
 * attachment), one whose note was marked entered-in-error (v1 FINAL -> v2 ENTERED_IN_ERROR).
 */
export function recordFixture(): RecordExportInput {
  const firstContent = {
    complaints: FX.hostileComplaint,
    anamnesis: 'Болеет 3 дня.\nТемпература до 38,2.',
    examination: 'Зев гиперемирован.',
    diagnoses: [
      {
        code: 'J06.9',
        title: 'Острая инфекция верхних дыхательных путей неуточнённая',
        kind: 'PRIMARY' as const,
        certainty: 'PROVISIONAL' as const,
      },
    ],
    conclusion: 'ОРВИ.',
    prescriptions: [
      { drug: 'Парацетамол', form: 'таблетки', dose: '500 мг', frequency: 'при температуре выше 38,5' },
    ],
    referrals: [{ kind: 'LAB' as const, target: 'Общий анализ крови' }],
  };
  const retractedContent = {
    complaints: 'Головная боль.',
    diagnoses: [
      {
        code: 'I10',
        title: 'Эссенциальная гипертензия',
        kind: 'PRIMARY' as const,
        certainty: 'CONFIRMED' as const,
      },
    ],
    prescriptions: [{ drug: 'Лизиноприл', dose: '10 мг', frequency: '1 раз в день' }],
    referrals: [],
  };
  return {
    generatedAt: new Date('2025-05-01T10:00:00Z'),
    patient: {
      id: FX.patient,
      fullName: { family: 'Иванова', given: 'Мария', patronymic: 'Петровна' },
      birthDate: '1985-03-14',
      sex: 'female',
    },
    visits: [
      // Listed out of order on purpose: the export sorts visits by start time.
      {
        id: FX.retractedVisit,
        doctorAccountId: FX.otherDoctor,
        doctorName: 'Петров Пётр Петрович',
        startedAt: new Date('2025-04-02T12:00:00Z'),
        endedAt: new Date('2025-04-02T12:20:00Z'),
        versions: [
          {
            id: FX.retractedV2,
            number: 2,
            status: 'ENTERED_IN_ERROR',
            signedAt: new Date('2025-04-03T08:00:00Z'),
            signedBy: FX.otherDoctor,
            contentHash: hash('retracted v2'),
            reason: 'Протокол внесён не в ту карту',
            replacesVersionId: FX.retractedV1,
            content: retractedContent,
          },
          {
            id: FX.retractedV1,
            number: 1,
            status: 'FINAL',
            signedAt: new Date('2025-04-02T12:25:00Z'),
            signedBy: FX.otherDoctor,
            contentHash: hash('retracted v1'),
            content: retractedContent,
          },
        ],
        addenda: [],
        attachments: [],
      },
      {
        id: FX.amendedVisit,
        appointmentId: '7e6d5c4b-0000-4000-8000-000000000099',
        doctorAccountId: FX.doctor,
        doctorName: 'Сидорова Анна Игоревна',
        branchId: FX.branch,
        branchName: 'Филиал на Ленина',
        startedAt: new Date('2025-03-10T09:00:00Z'),
        endedAt: new Date('2025-03-10T09:30:00Z'),
        versions: [
          {
            id: FX.amendedV1,
            number: 1,
            status: 'FINAL',
            signedAt: new Date('2025-03-10T09:35:00Z'),
            signedBy: FX.doctor,
            signedByName: 'Сидорова Анна Игоревна',
            contentHash: hash('amended v1'),
            content: firstContent,
          },
          {
            id: FX.amendedV2,
            number: 2,
            status: 'AMENDED',
            signedAt: new Date('2025-03-12T15:00:00Z'),
            signedBy: FX.doctor,
            contentHash: hash('amended v2'),
            reason: 'Уточнён диагноз по результатам анализа крови',
            replacesVersionId: FX.amendedV1,
            content: {
              ...firstContent,
              diagnoses: [
                {
                  code: 'E11.9',
                  title: 'Сахарный диабет 2 типа без осложнений',
                  kind: 'SECONDARY',
                  certainty: 'CONFIRMED',
                },
                {
                  code: 'J03.9',
                  title: 'Острый тонзиллит неуточнённый',
                  kind: 'PRIMARY',
                  certainty: 'CONFIRMED',
                },
                {
                  code: 'J36',
                  title: 'Перитонзиллярный абсцесс',
                  kind: 'COMPLICATION',
                  certainty: 'PROVISIONAL',
                },
              ],
              recommendations: 'Обильное питьё. Контроль через 7 дней.',
              prescriptions: [
                {
                  drug: 'Амоксициллин',
                  form: 'капсулы',
                  dose: '500 мг',
                  route: 'внутрь',
                  frequency: '3 раза в день',
                  duration: '7 дней',
                  instructions: 'После еды',
                },
                {
                  drug: 'Парацетамол',
                  form: 'таблетки',
                  dose: '500 мг',
                  frequency: 'при температуре выше 38,5',
                },
              ],
              referrals: [{ kind: 'SPECIALIST', target: 'Оториноларинголог', note: 'Осмотр миндалин' }],
            },
          },
        ],
        addenda: [
          {
            id: FX.addendum,
            text: 'Результат ОАК: лейкоцитоз 12×10⁹/л.',
            signedAt: new Date('2025-03-13T10:00:00Z'),
            signedBy: FX.otherDoctor,
          },
        ],
        attachments: [
          {
            id: FX.attachment,
            fileName: 'анализ крови.pdf',
            contentType: 'application/pdf',
            size: 12345,
            sha256: FX.attachmentSha256,
            createdAt: new Date('2025-03-12T14:00:00Z'),
          },
        ],
      },
    ],
  };
}
