import { OperationManifest, WebSessions } from '@medikamente/web-kit/server';
import manifest from '@/gql/persisted-documents.json';
import { RefreshDocument, SignOutDocument } from '@/operations/auth';

/** Root fields whose results carry tokens: run by this server only, never for the browser. */
const SERVER_ONLY = new Set(['signIn', 'signUpPatient', 'refreshSession', 'signOut']);

/** Reception's sessions: receptionists only, a working day at most. */
export const sessions = new WebSessions({
  app: 'reception',
  ttlSeconds: 12 * 3600,
  manifest: new OperationManifest(manifest, SERVER_ONLY),
  refreshDocument: RefreshDocument,
  signOutDocument: SignOutDocument,
  roles: ['receptionist'],
});
