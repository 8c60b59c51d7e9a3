export {
  createIdentityService,
  type IdentityService,
  type NewAccountInput,
  type CreatedAccount,
} from './service';
export { loadIdentityEnv, type IdentityEnv } from './env';
export { identityTypeDefs, identityResolvers } from './schema';
export type { AccessTokenInput } from './modules/tokens/access-token';
export { STAFF_ROLES, ACCOUNT_ROLES, type AccountRole, type StaffRole } from './modules/accounts/credentials';
