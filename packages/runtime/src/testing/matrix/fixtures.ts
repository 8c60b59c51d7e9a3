import { randomUUID } from 'node:crypto';
import type { TestClaims } from '../issuer';

/** An identity calling the API in a matrix case, or owning the data (the subject). */
export type MatrixCaller = {
  role: string;
  token: string;
  /** Account id (users) or client id (machine clients): the token's subject. */
  accountId: string;
  /** The patient record of a patient caller. */
  patientId: string | null;
};

/**
 * Callers for a subgraph tested alone: tokens from the test issuer, a random subject, and a random
 * patient id for patients.
 */
export function issuerCallers(
  sign: (claims: TestClaims) => Promise<string>,
  /** Scopes the tokens of a role carry (e.g. a partner laboratory's `lab.orders:read`). */
  scopes: Readonly<Record<string, string>> = {},
) {
  return async (role: string): Promise<MatrixCaller> => {
    const accountId = randomUUID();
    const patientId = role === 'patient' ? randomUUID() : null;
    const token = await sign({
      role,
      sub: accountId,
      ...(patientId ? { pid: patientId } : {}),
      ...(scopes[role] ? { scope: scopes[role] } : {}),
    });
    return { role, token, accountId, patientId };
  };
}

/** What a fixture is asked for: one object of its type belonging to `subject`. */
export type FixtureRequest = {
  subject: MatrixCaller;
  caller: MatrixCaller;
  /** Data conditions (e.g. careRelationship) that must hold between caller and subject. */
  conditions: readonly string[];
};

/** The object a fixture created, as the generator needs it to reach and check it. */
export type FixtureObject = {
  /** The object's `@key` values (entities), e.g. `{ id }`; also bind root arguments of the same name. */
  key?: Record<string, unknown>;
  /** Further root-field arguments, e.g. `{ purpose: 'TREATMENT' }` for `consentStatus`. */
  args?: Record<string, unknown>;
  /**
   * Raw values a caller with full access must see (a check that the reference view is real): a
   * value (JSON-equal), a RegExp for strings, or a predicate.
   */
  known?: Record<string, unknown>;
  /**
   * Codes a root answers instead of FORBIDDEN when the object is invisible to a role, set by the
   * resolver (e.g. `{ 'Query.appointment': { patient: 'NOT_FOUND' } }`: no existence oracle); `''`
   * for null without an error. `Query._entities` names the object's `_entities` route.
   */
  hiddenAs?: Record<string, Record<string, string>>;
  /**
   * Root operations returning the type that the matrix must not ask for this object, with the
   * reason (e.g. a root answering only with the calling doctor's own schedule). Any other root
   * whose required arguments the fixture cannot bind fails the matrix.
   */
  skip?: Record<string, string>;
};

/** Creates one object of a subject type; `service` is the owning subgraph's service. */
export type SubjectFixture<S = any> = {
  /** Data conditions this fixture can make hold (besides "self", which needs no data). */
  conditions?: readonly string[];
  /**
   * Conditions that can hold only together with others, e.g. `{ resultReleased: ['self'] }` (a
   * released result is the caller's own): cases with the one but not the others are not asked.
   */
  requires?: Readonly<Record<string, readonly string[]>>;
  create(service: S, request: FixtureRequest): Promise<FixtureObject>;
};

/** Subject type -> fixture; each subgraph exports one for its subject types (`subjectFixtures`). */
export type FixtureRegistry = Record<string, SubjectFixture>;

/** The fixture of a subject type; throws when the subgraph owning it provides none. */
export function fixtureFor(registry: FixtureRegistry, type: string): SubjectFixture {
  const f = registry[type];
  if (!f) throw new Error(`matrix: no fixture for subject type ${type} (export it in subjectFixtures)`);
  return f;
}
