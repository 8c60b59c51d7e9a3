import { randomToken } from '../../common/crypto';
import type { IdentityServices, Stores } from '../../context';
import type { ClientRole } from '../clients/client.store';
import type { AccessTokenInput } from '../tokens/access-token';
import { tokenSubject } from './account.view';
import { type AccountRole, isStaffRole } from './credentials';

/** Input of the `createAccount` helper used by tests and seeds of other packages. */
export type NewAccountInput = {
  role: AccountRole;
  login?: string;
  password?: string;
  /** Patients only; a new random id when omitted. */
  patientId?: string;
  branchIds?: string[];
  displayName?: string;
  /** Enrol TOTP (staff): the account then needs a code at sign-in; the secret is returned. */
  totp?: boolean;
};
export type CreatedAccount = {
  accountId: string;
  patientId: string | null;
  login: string;
  password: string;
  /** Base32 TOTP secret when created with `totp: true`, else null. */
  totpSecret: string | null;
};

/** Members of the identity service for tests, seeds and tools (no HTTP, no sign-in). */
export function identityTools({ stores, services }: { stores: Stores; services: IdentityServices }) {
  return {
    keys: services.keys,
    revocations: services.revocations,
    /** Signs an access token directly (no session); for machine tokens in tests and tools. */
    async issueAccessToken(input: AccessTokenInput): Promise<{ token: string; expiresIn: number }> {
      const t = await services.issuer.issue(input);
      return { token: t.token, expiresIn: t.expiresIn };
    },
    /** Creates an account (validated like the API does, TOTP enrolled on request); throws listing the error codes. */
    async createAccount(input: NewAccountInput): Promise<CreatedAccount> {
      const password = input.password ?? `pw-${randomToken(12)}`;
      const r = await services.accounts.create({
        login:
          input.login ??
          `${input.role}.${randomToken(9)
            .toLowerCase()
            .replace(/[^a-z0-9]/g, 'x')}@example.test`,
        password,
        role: input.role,
        displayName: input.displayName ?? null,
        branchIds: input.branchIds ?? [],
        patientId: input.patientId ?? null,
      });
      if (!r.ok)
        throw new Error(`createAccount failed: ${r.errors.map((e) => `${e.field}:${e.code}`).join(', ')}`);
      const totpSecret = input.totp ? await services.accounts.enrolTotp(r.value.id) : null;
      return {
        accountId: r.value.id,
        patientId: r.value.patientId,
        login: r.value.login,
        password,
        totpSecret,
      };
    },
    /** Opens a normal session for the account and returns its access token. */
    async issueTokenFor(accountId: string, o: { amr?: string[] } = {}): Promise<string> {
      const account = await stores.accounts.byId(accountId);
      if (!account || account.dismissedAt) throw new Error('issueTokenFor: no active account with this id');
      // A tool/test session stands for a completed sign-in: staff with their second factor.
      const amr = o.amr ?? (isStaffRole(account.role) ? ['pwd', 'otp'] : ['pwd']);
      return (await services.sessions.start(tokenSubject(account), amr)).accessToken;
    },
    /** Registers a machine client; the secret is returned once. */
    async createClient(input: {
      role: ClientRole;
      scopes?: string[];
      name?: string;
    }): Promise<{ clientId: string; clientSecret: string }> {
      // The deployment's own tool: it may grant the platform's internal scopes.
      const r = await services.clients.create(
        { name: input.name ?? `test ${input.role}`, role: input.role, scopes: input.scopes ?? [] },
        { internal: true },
      );
      if (!r.ok)
        throw new Error(`createClient failed: ${r.errors.map((e) => `${e.field}:${e.code}`).join(', ')}`);
      return { clientId: r.value.client.clientId, clientSecret: r.value.clientSecret };
    },
  };
}
