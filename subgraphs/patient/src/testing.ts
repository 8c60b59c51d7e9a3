import { randomUUID } from 'node:crypto';
import type { FixtureRegistry, FixtureRequest, SubjectFixture } from '@medikamente/runtime/testing';
import type { PatientService } from './service';

/** Makes the caller's data conditions hold against the subject (a care relationship, granted here). */
async function establish(service: PatientService, r: FixtureRequest): Promise<void> {
  if (r.conditions.includes('careRelationship') && r.subject.patientId)
    await service.stores.care.grant(
      r.caller.accountId,
      r.subject.patientId,
      'matrix',
      new Date(Date.now() + 86_400_000),
    );
}

/** The subject's patient record (created once, with every classified field filled). */
async function ensurePatient(service: PatientService, r: FixtureRequest) {
  const id = r.subject.patientId;
  if (!id) throw new Error('patient fixtures need a subject with a patient id');
  const existing = (await service.stores.patients.byIds([id])).get(id);
  if (existing) return existing;
  const { patient } = await service.stores.patients.create(
    {
      lastName: 'Кузнецова',
      firstName: 'Мария',
      middleName: 'Сергеевна',
      birthDate: '1979-11-02',
      sex: 'FEMALE',
      phone: `+7912${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
      email: `m-${randomUUID().slice(0, 8)}@yandex.ru`,
      passport: '4510 123456',
      passportIssuedBy: 'ОВД района Арбат',
      passportIssuedOn: '2005-02-11',
      snils: '112-233-445 95',
      insurancePolicy: '7700001234567891',
      registrationAddress: 'г. Москва, Арбат, д. 10',
      homeAddress: 'г. Москва, ул. Пречистенка, д. 3',
      workplace: 'МГУ',
      chronicConditions: ['Бронхиальная астма'],
    },
    { id, accountId: r.subject.accountId, createdBy: 'matrix' },
  );
  return patient;
}

/** An entry of the subject's audit trail (someone at the desk read their contacts). */
async function auditEntry(service: PatientService, r: FixtureRequest) {
  const { id: patientId } = await ensurePatient(service, r);
  await establish(service, r);
  await service.stores.audit.append([
    {
      actorId: randomUUID(),
      actorRole: 'receptionist',
      patientId,
      categories: ['CONTACT'],
      operation: 'MatrixFixture',
      requestId: randomUUID(),
      clientAddress: '203.0.113.7',
    },
  ]);
  return { known: { patientId } };
}

const care = ['careRelationship'] as const;

/** One object of each subject type the patient subgraph owns, for the generated policy matrix. */
export const subjectFixtures = {
  Patient: {
    conditions: care,
    async create(service, r) {
      const { id, phone, birthDate } = await ensurePatient(service, r);
      await establish(service, r);
      return {
        key: { id },
        // Query.patientDuplicates finds the patient by phone and birth date.
        args: { phone, birthDate },
        known: {
          passport: '4510 123456',
          snils: '112-233-445 95',
          chronicConditions: ['Бронхиальная астма'],
          // The default view lists active consents only (the Consent fixture withdraws MARKETING).
          consents: (list: unknown) =>
            Array.isArray(list) && list.every((c: { purpose: string }) => c.purpose !== 'MARKETING'),
        },
      };
    },
  },
  Consent: {
    conditions: care,
    async create(service, r) {
      const { id: patientId } = await ensurePatient(service, r);
      await establish(service, r);
      await service.stores.consents.give(patientId, 'TREATMENT', 1, 'RECEPTION', 'matrix');
      await service.stores.consents.give(patientId, 'MARKETING', 1, 'PORTAL', 'matrix');
      await service.stores.consents.withdraw(patientId, 'MARKETING', 'PORTAL');
      // The default view holds active consents only: the withdrawn MARKETING one is not listed.
      return { known: { purpose: 'TREATMENT', active: true, givenChannel: 'RECEPTION' } };
    },
  },
  ConsentStatus: {
    conditions: care,
    async create(service, r) {
      const { id: patientId } = await ensurePatient(service, r);
      await establish(service, r);
      await service.stores.consents.give(patientId, 'TREATMENT', 1, 'RECEPTION', 'matrix');
      return { args: { purpose: 'TREATMENT' }, known: { granted: true, textVersion: 1 } };
    },
  },
  AccessLogEntry: { conditions: care, create: auditEntry },
  AuditEvent: { conditions: care, create: auditEntry },
} satisfies Record<string, SubjectFixture<PatientService>> satisfies FixtureRegistry;
