import type { AccountRecord } from './account.store';

/** The API shape of an account: no password hash, no TOTP secret, no lockout counters. */
export type AccountView = {
  __typename: 'Account';
  id: string;
  login: string;
  displayName: string | null;
  role: string;
  patientId: string | null;
  branchIds: string[];
  totpEnabled: boolean;
  dismissedAt: string | null;
};

export const accountView = (a: AccountRecord): AccountView => ({
  __typename: 'Account',
  id: a.id,
  login: a.login,
  displayName: a.displayName,
  role: a.role,
  patientId: a.patientId,
  branchIds: a.branchIds,
  totpEnabled: a.totpEnabled,
  dismissedAt: a.dismissedAt?.toISOString() ?? null,
});

/** The token-relevant facts of an account. */
export const tokenSubject = (a: AccountRecord) => ({
  id: a.id,
  role: a.role,
  patientId: a.patientId,
  branchIds: a.branchIds,
});
