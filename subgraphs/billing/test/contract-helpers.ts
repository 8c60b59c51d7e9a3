import { randomUUID } from 'node:crypto';
import { FIXTURE_PATIENT } from '../src/modules/contracts/contracts.testing';
import { FIXTURE_BRANCH } from '../src/testing';
import type { BillingHarness } from './harness';

export const CONTRACT_FIELDS = `id number patientId status date templateVersion createdAt acceptedAt acceptanceChannel
  totalKopecks provisionTerms pdfUrl services { code name quantity unitPriceKopecks amountKopecks }`;

const PAYLOAD = `ok inputErrors { field code message } contract { ${CONTRACT_FIELDS} }`;

/** The createContract input of the fixture patient for the given services (overrides merged). */
export function contractInput(
  patientId: string,
  services: Array<{ priceItemId: string; quantity?: number }>,
  overrides: Record<string, unknown> = {},
) {
  return {
    patientId,
    branchId: FIXTURE_BRANCH,
    patient: FIXTURE_PATIENT,
    services,
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

export function createContract(h: BillingHarness, token: string, input: Record<string, unknown>) {
  return h.query(
    `mutation($i: CreateContractInput!) { createContract(input: $i) { ${PAYLOAD} } }`,
    { i: input },
    token,
  );
}

export function acceptContract(
  h: BillingHarness,
  token: string,
  contractId: string,
  idempotencyKey = randomUUID(),
) {
  return h.query(
    `mutation($i: AcceptContractInput!) { acceptContract(input: $i) { ${PAYLOAD} } }`,
    { i: { contractId, idempotencyKey } },
    token,
  );
}

export function signAtDesk(h: BillingHarness, token: string, contractId: string) {
  return h.query(
    `mutation($id: ID!) { signContractAtDesk(contractId: $id) { ${PAYLOAD} } }`,
    { id: contractId },
    token,
  );
}

export function readContract(h: BillingHarness, token: string, id: string) {
  return h.query(`query($id: ID!) { contract(id: $id) { ${CONTRACT_FIELDS} } }`, { id }, token);
}

export function saveTemplate(h: BillingHarness, token: string, body: unknown, idempotencyKey = randomUUID()) {
  return h.query(
    `mutation($i: SaveContractTemplateInput!) { saveContractTemplate(input: $i) {
       ok inputErrors { field code message } template { version title body checklist { id ok } } } }`,
    { i: { body: typeof body === 'string' ? body : JSON.stringify(body), idempotencyKey } },
    token,
  );
}

/** GET a file route of the subgraph with a bearer token (none: anonymous). */
export async function download(h: BillingHarness, path: string, token?: string) {
  const res = await fetch(`${h.baseUrl}/files${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
