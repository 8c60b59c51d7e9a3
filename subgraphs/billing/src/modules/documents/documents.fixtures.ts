import type { ContractData } from './contract-data';
import type { TaxCertificateInput } from './tax-certificate';

/** A contract for a patient paid by her father, accepted in the portal (test data; invented people). */
export function contractData(overrides: Partial<ContractData> = {}): ContractData {
  return {
    number: 'Д-2026-000123',
    date: '2026-12-07',
    city: 'г. Москва',
    patient: {
      fullName: 'Ёлкина Татьяна Сергеевна',
      birthDate: '1987-04-09',
      address: 'г. Москва, ул. Лесная, д. 1, кв. 2',
      phone: '+7 916 000-00-01',
      document: {
        kind: 'Паспорт гражданина Российской Федерации',
        seriesNumber: '45 06 123456',
        issuedBy: 'ОВД района Арбат г. Москвы',
        issuedAt: '2007-05-10',
      },
    },
    payer: {
      fullName: 'Ёлкин Сергей Петрович',
      address: 'г. Москва, ул. Лесная, д. 1, кв. 2',
      phone: '+7 916 000-00-02',
      document: { kind: 'Паспорт гражданина Российской Федерации', seriesNumber: '45 01 654321' },
    },
    services: [
      {
        code: 'B01.047.001',
        name: 'Приём (осмотр, консультация) врача-терапевта первичный',
        quantity: 1,
        unitPriceKopecks: 150000,
      },
      {
        code: 'B03.016.003',
        name: 'Общий (клинический) анализ крови развёрнутый',
        quantity: 2,
        unitPriceKopecks: 75050,
      },
    ],
    provisionTerms: 'приём 10 декабря 2026 г. в 09:30; результаты анализов — в течение 3 рабочих дней',
    // 11:05 UTC is 14:05 in Moscow.
    acceptance: { channel: 'PORTAL', at: new Date('2026-12-07T11:05:00Z') },
    ...overrides,
  };
}

/** A certificate for a father who paid for his daughter's treatment (test data; invented people). */
export function certificateInput(overrides: Partial<TaxCertificateInput> = {}): TaxCertificateInput {
  return {
    year: 2026,
    number: '2026-000017',
    issuedAt: '2027-01-20',
    clinic: {
      name: 'ООО «Медикаменте»',
      inn: '7704123450',
      kpp: '770401001',
      licence: '№ Л041-01137-77/00368421 от 12.03.2021',
    },
    taxpayer: {
      fullName: 'Ёлкин Сергей Петрович',
      inn: '772400000010',
      birthDate: '1960-02-03',
      document: { code: '21', seriesNumber: '45 01 654321', issuedAt: '2005-03-04' },
    },
    patient: {
      fullName: 'Ёлкина Алиса Сергеевна',
      birthDate: '2012-06-15',
      relation: 'CHILD',
      // «03» — свидетельство о рождении.
      document: { code: '03', seriesNumber: 'IV-МЮ 123456', issuedAt: '2012-06-20' },
    },
    sums: [
      { code: '02', kopecks: 8500050 },
      { code: '01', kopecks: 1250000 },
    ],
    signer: { fullName: 'Петрова Анна Ивановна', position: 'главный бухгалтер' },
    ...overrides,
  };
}
