import type { VisitSummaryInput, VisitSummaryPrescription } from './visit-summary.types';

/** A typical signed outpatient conclusion (test data only; the names are invented). */
export function typicalVisitSummary(overrides: Partial<VisitSummaryInput> = {}): VisitSummaryInput {
  return {
    clinic: {
      name: 'ООО «Медикаменте»',
      address: 'г. Москва, ул. Садовая, д. 5',
      licence: 'Л041-01137-77/00368421',
      phone: '+7 495 123-45-67',
    },
    patient: { fullName: 'Ёлкина Татьяна Сергеевна', birthDate: '1987-04-09' },
    doctor: { fullName: 'Петров Андрей Викторович', specialty: 'врач-терапевт' },
    visit: {
      startedAt: new Date('2025-03-05T11:30:00Z'),
      branchName: 'Филиал на Садовой',
      timeZone: 'Europe/Moscow',
    },
    version: {
      number: 1,
      status: 'FINAL',
      signedAt: new Date('2025-03-05T12:05:00Z'),
      signedByName: 'Петров А. В.',
      contentHash: 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00',
    },
    content: {
      complaints: 'Повышение температуры до 37,8 °C, насморк, першение в горле в течение 2 дней.',
      anamnesis: 'Заболела остро 03.03.2025 после переохлаждения. Хронических заболеваний нет.',
      examination:
        'Состояние удовлетворительное. Зев гиперемирован. Дыхание везикулярное, хрипов нет. ЧДД 16.',
      diagnoses: [
        {
          code: 'I10',
          title: 'Эссенциальная (первичная) гипертензия',
          kind: 'SECONDARY',
          certainty: 'CONFIRMED',
        },
        {
          code: 'J06.9',
          title: 'Острая инфекция верхних дыхательных путей неуточнённая',
          kind: 'PRIMARY',
          certainty: 'PROVISIONAL',
        },
      ],
      conclusion: 'ОРВИ, лёгкое течение. Трудоспособность временно утрачена.',
      recommendations: 'Обильное тёплое питьё.\nПовторный приём через 5 дней.',
      prescriptions: [
        {
          drug: 'Парацетамол',
          form: 'таблетки 500 мг',
          dose: '500 мг',
          route: 'внутрь',
          frequency: 'до 3 раз в день',
          duration: '5 дней',
          instructions: 'при температуре выше 38,5 °C',
        },
        {
          drug: 'Натрия хлорид',
          form: 'спрей назальный',
          route: 'интраназально',
          frequency: '4 раза в день',
        },
      ],
      referrals: [
        { kind: 'LAB', target: 'Общий анализ крови', note: 'натощак' },
        { kind: 'SPECIALIST', target: 'Оториноларинголог' },
      ],
    },
    addenda: [
      {
        text: 'Результат экспресс-теста на грипп отрицательный.',
        signedAt: new Date('2025-03-05T13:00:00Z'),
        signedByName: 'Петров А. В.',
      },
    ],
    ...overrides,
  };
}

/** `count` distinct prescriptions, enough to push the table onto further pages. */
export function manyPrescriptions(count: number): VisitSummaryPrescription[] {
  return Array.from({ length: count }, (_, i) => ({
    drug: `Препарат № ${i + 1}`,
    form: 'таблетки',
    dose: '1 таблетка',
    route: 'внутрь',
    frequency: '2 раза в день',
    duration: '10 дней',
    instructions: 'после еды, запивая водой',
  }));
}
