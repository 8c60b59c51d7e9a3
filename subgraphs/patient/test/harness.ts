import { randomUUID } from 'node:crypto';
import { createTestDatabase, createTestIssuer, gql, type TestClaims } from '@medikamente/runtime/testing';
import { loadPatientEnv } from '../src/env';
import type { PatientFields } from '../src/modules/patient/validation';
import { createPatientService } from '../src/service';

let counter = 0;
/** A valid, unique-enough Russian phone number for factories. */
export const uniquePhone = () =>
  `+7916${String(Date.now() % 1e4).padStart(4, '0')}${String(counter++ % 1000).padStart(3, '0')}`;

/** Starts the patient subgraph on a fresh database with a test token issuer, over real HTTP. */
export async function startPatientSubgraph(envOverrides: Record<string, string> = {}) {
  const issuer = await createTestIssuer();
  const db = await createTestDatabase('patient');
  const env = loadPatientEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PATIENT_DATABASE_URL: db.url,
    DATA_DIR: 'memory://',
    ...envOverrides,
  });
  const service = await createPatientService(
    { ...env, DATA_DIR: 'memory://' },
    { verifier: issuer.verifier },
  );
  const running = await service.subgraph.listen(0);
  const url = `${running.url}/graphql`;

  async function createTestPatient(overrides: PatientFields & { withToken?: boolean } = {}) {
    const { withToken, ...fields } = overrides;
    const { patient } = await service.stores.patients.create(
      {
        lastName: 'Иванов',
        firstName: 'Иван',
        middleName: 'Иванович',
        birthDate: '1984-05-17',
        sex: 'MALE',
        phone: uniquePhone(),
        email: `p-${randomUUID().slice(0, 8)}@mail.ru`,
        passport: '4510 123456',
        snils: '112-233-445 95',
        insurancePolicy: '7700001234567890',
        registrationAddress: 'г. Москва, ул. Ленина, д. 1',
        homeAddress: 'г. Москва, ул. Мира, д. 5, кв. 7',
        workplace: 'ООО «Ромашка»',
        chronicConditions: ['Гипертоническая болезнь'],
        ...fields,
      },
      { createdBy: 'test' },
    );
    const token = withToken ? await issuer.sign({ role: 'patient', pid: patient.id }) : undefined;
    return { patient, token };
  }

  const tokenFor = (claims: TestClaims) => issuer.sign(claims);
  const query = <T = any>(q: string, variables: Record<string, unknown> = {}, token?: string) =>
    gql<T>(url, q, variables, token ? { token } : {});

  return {
    url,
    issuer,
    service,
    query,
    tokenFor,
    createTestPatient,
    async stop() {
      await running.close();
      await service.close();
      await db.drop();
    },
  };
}
export type PatientHarness = Awaited<ReturnType<typeof startPatientSubgraph>>;
