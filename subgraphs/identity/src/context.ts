import { type BaseContext, type Principal, RequestAccess } from '@medikamente/runtime';
import DataLoader from 'dataloader';
import type { AccountService } from './modules/accounts/account.service';
import { isUuid } from './modules/accounts/account.service';
import type { AccountStore } from './modules/accounts/account.store';
import { type AccountView, accountView } from './modules/accounts/account.view';
import type { AuthService } from './modules/accounts/auth.service';
import type { Clients } from './modules/clients/clients';
import type { KeyRing } from './modules/keys/key-ring';
import type { SignUpService } from './modules/signup/signup.service';

export type Services = {
  auth: AuthService;
  accounts: AccountService;
  accountStore: AccountStore;
  clients: Clients;
  signUp: SignUpService;
  keys: KeyRing;
};

export type IdentityContext = BaseContext & {
  services: Services;
  loaders: { account: DataLoader<string, AccountView | null> };
};

/** Per-request loaders; `me`, payloads and `_entities` share them (no N+1). */
export function createLoaders(services: Services): IdentityContext['loaders'] {
  return {
    account: new DataLoader(async (ids) => {
      const valid = ids.filter(isUuid);
      const found = await services.accountStore.byIds(valid);
      return ids.map((id) => {
        const a = found.get(id);
        return a ? accountView(a) : null;
      });
    }),
  };
}

/**
 * After a successful sign-in, sign-up or refresh, the Account in the payload is rendered for
 * the account that has just authenticated (so it sees its own contact fields), not for the
 * anonymous bearer. Only field-level decisions change: which operations the request may call
 * is still decided by the bearer token.
 */
export function renderAs(ctx: IdentityContext, principal: Principal): void {
  ctx.access = new RequestAccess(ctx.access.compiled, principal, {}, ctx.access.meta);
}
