import type { FixtureRegistry, MatrixCaller, SubjectFixture } from '@medikamente/runtime/testing';
import type { AccountRole } from './modules/accounts/credentials';
import { CLIENT_ROLES } from './modules/clients/client.store';
import type { IdentityService } from './service';

/** The display name of every account the matrix creates (a CONTACT field with a masked form). */
export const MATRIX_DISPLAY_NAME = 'Матрицева Анна Петровна';

/**
 * A matrix caller from the identity service itself: an account with a normal session (staff with
 * their second factor), or a machine client with a client token.
 */
export async function identityCaller(service: IdentityService, role: string): Promise<MatrixCaller> {
  if ((CLIENT_ROLES as readonly string[]).includes(role)) {
    const clientRole = role as (typeof CLIENT_ROLES)[number];
    const client = await service.createClient({ role: clientRole, scopes: ['patients:read'] });
    const { token } = await service.issueAccessToken({
      subject: client.clientId,
      role,
      scopes: ['patients:read'],
    });
    return { role, token, accountId: client.clientId, patientId: null };
  }
  const created = await service.createAccount({
    role: role as AccountRole,
    displayName: MATRIX_DISPLAY_NAME,
  });
  return {
    role,
    token: await service.issueTokenFor(created.accountId),
    accountId: created.accountId,
    patientId: created.patientId,
  };
}

/** One object of each subject type the identity subgraph owns, for the generated policy matrix. */
export const subjectFixtures = {
  // The subject is an account already (callers are made by `identityCaller`).
  Account: {
    async create(_service, r) {
      return { key: { id: r.subject.accountId }, known: { displayName: MATRIX_DISPLAY_NAME } };
    },
  },
} satisfies Record<string, SubjectFixture<IdentityService>> satisfies FixtureRegistry;
