import { redirect } from 'next/navigation';
import { sessions } from './web';

/** For pages that need a signed-in patient: the account, or a redirect to the sign-in page. */
export async function requirePatient(next: string) {
  const account = await sessions.current();
  if (!account) redirect(`/signin?next=${encodeURIComponent(next)}`);
  return account;
}
