import { OperationManifest, WebSessions } from '@medikamente/web-kit/server';
import manifest from '@/gql/persisted-documents.json';
import { RefreshDocument, SignOutDocument } from '@/operations/auth';

/** Root fields whose results carry tokens: run by this server only, never for the browser. */
const SERVER_ONLY = new Set(['signIn', 'signUpPatient', 'confirmSignUp', 'refreshSession', 'signOut']);

/** The portal's sessions: patients only, 30 days unless the refresh token ends sooner. */
export const sessions = new WebSessions({
  app: 'portal',
  ttlSeconds: 30 * 24 * 3600,
  manifest: new OperationManifest(manifest, SERVER_ONLY),
  refreshDocument: RefreshDocument,
  signOutDocument: SignOutDocument,
  roles: ['patient'],
});
