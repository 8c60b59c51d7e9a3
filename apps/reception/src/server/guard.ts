import { redirect } from 'next/navigation';
import { sessions } from './web';

/**
 * For pages that need a signed-in staff member: the account, or a redirect to the sign-in page.
 * Staff whose session has no second factor may only enrol (every service refuses them anything
 * else): they are sent to the enrolment page. `roles` limits a page to the roles whose section it
 * is; anyone else goes to their own start page (the services refuse them the data anyway).
 */
export async function requireStaff(
  next: string,
  opts: { enrolment?: boolean; roles?: readonly string[] } = {},
) {
  const account = await sessions.current();
  if (!account) redirect(`/signin?next=${encodeURIComponent(next)}`);
  if (!account.secondFactor && !opts.enrolment) redirect('/security?required=1');
  if (opts.roles && !opts.roles.includes(account.role)) redirect('/');
  return account;
}
