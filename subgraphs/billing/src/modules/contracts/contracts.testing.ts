import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { BillingService } from '../../service';
import { certificateFiles } from '../certificates/certificates.service';
import { formatLongDate, parseTaxCertificateData } from '../documents';
import type { ContractSnapshot } from './contracts.store';

/** Invented people of the fixtures (no real person's data). */
export const FIXTURE_PATIENT = {
  fullName: 'Тестова Вера Андреевна',
  birthDate: '1990-03-15',
  address: 'г. Москва, ул. Примерная, д. 7, кв. 12',
  phone: '+7 916 000-11-22',
  document: {
    kind: 'Паспорт гражданина Российской Федерации',
    seriesNumber: '45 10 000001',
    issuedBy: 'ОВД района Примерный г. Москвы',
    issuedAt: '2010-04-01',
  },
};

/** A draft contract of the patient for one service, written through the store (for fixtures). */
export async function fixtureContract(
  service: BillingService,
  patientId: string,
  branchId: string,
  unitPriceKopecks = 250_000,
) {
  const template = await service.services.contracts.currentTemplate();
  const today = DateTime.now().setZone(service.env.CLINIC_TIME_ZONE).toISODate()!;
  return service.database.tx(async () => {
    const number = await service.stores.contracts.nextNumber(Number(today.slice(0, 4)));
    const data: ContractSnapshot = {
      number,
      date: today,
      patient: FIXTURE_PATIENT,
      services: [{ code: 'B01.015.001', name: 'Приём кардиолога, первичный', quantity: 1, unitPriceKopecks }],
      provisionTerms: 'по предварительной записи',
    };
    return service.stores.contracts.insert({
      id: randomUUID(),
      number,
      patientId,
      branchId,
      templateVersion: template.version,
      data,
      createdBy: 'matrix-receptionist',
    });
  });
}

/** A certificate of the patient for this year, written through the store (for fixtures). */
export async function fixtureCertificate(service: BillingService, patientId: string, kopecks = 250_000) {
  const { clinic } = (await service.services.contracts.currentTemplate()).template;
  const today = DateTime.now().setZone(service.env.CLINIC_TIME_ZONE).toISODate()!;
  const year = Number(today.slice(0, 4));
  const number = await service.stores.certificates.nextNumber(year);
  const data = parseTaxCertificateData({
    year,
    number,
    issuedAt: today,
    clinic: {
      name: clinic.name,
      inn: clinic.inn,
      kpp: clinic.kpp,
      licence: `№ ${clinic.licence.number} от ${formatLongDate(clinic.licence.date)}`,
    },
    taxpayer: {
      fullName: FIXTURE_PATIENT.fullName,
      birthDate: FIXTURE_PATIENT.birthDate,
      document: { code: '21', seriesNumber: FIXTURE_PATIENT.document.seriesNumber, issuedAt: '2010-04-01' },
    },
    sums: [{ code: '01', kopecks }],
    signer: { fullName: clinic.signatory.fullName, position: clinic.signatory.position },
  });
  const certificate = await service.stores.certificates.insert({
    id: randomUUID(),
    number,
    patientId,
    year,
    data,
    fileGuid: randomUUID(),
    totalKopecks: kopecks,
    createdBy: 'matrix-accountant',
  });
  return { certificate, fileName: certificateFiles(certificate).fileName };
}
