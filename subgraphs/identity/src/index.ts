export { type IdentityEnv, loadIdentityEnv } from './env';
export { ACCOUNT_ROLES, type AccountRole, STAFF_ROLES, type StaffRole } from './modules/accounts/credentials';
export type { AccessTokenInput } from './modules/tokens/access-token';
export { identityResolvers, identityTypeDefs } from './schema';
export {
  type CreatedAccount,
  createIdentityService,
  type IdentityService,
  type NewAccountInput,
} from './service';
