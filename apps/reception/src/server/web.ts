import { OperationManifest, WebSessions } from '@medikamente/web-kit/server';
import manifest from '@/gql/persisted-documents.json';
import { RefreshDocument, SignOutDocument } from '@/operations/auth';
import { STAFF_ROLES } from '@/sections';

/** Root fields whose results carry tokens: run by this server only, never for the browser. */
const SERVER_ONLY = new Set(['signIn', 'signUpPatient', 'refreshSession', 'signOut']);

/**
 * The staff app's sessions: every staff role (each sees only its own sections; the services
 * decide what each may read), a working day at most. Patients and machine clients are refused.
 */
export const sessions = new WebSessions({
  app: 'reception',
  ttlSeconds: 12 * 3600,
  manifest: new OperationManifest(manifest, SERVER_ONLY),
  refreshDocument: RefreshDocument,
  signOutDocument: SignOutDocument,
  roles: STAFF_ROLES,
});
