import { appError, ErrorCode, type Principal } from '@medikamente/runtime';

/**
 * Staff bound to branches (the token's `bid`) act only on their branches' money: FORBIDDEN for
 * another branch's invoice, payment or register. A token without branches is clinic-wide.
 */
export function requireOwnBranch(principal: Principal, branchId: string, message: string): void {
  if (principal.branchIds.length > 0 && !principal.branchIds.includes(branchId))
    throw appError(ErrorCode.FORBIDDEN, message);
}
