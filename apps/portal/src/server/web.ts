import { OperationManifest, WebSessions } from '@medikamente/web-kit/server';
import manifest from '@/gql/persisted-documents.json';
import { RefreshDocument, SignOutDocument } from '@/operations/auth';

/**
 * Root fields run by this server only, never for the browser: those whose results carry tokens,
 * and download links (usable only with the session's token, which the browser never holds).
 */
const SERVER_ONLY = new Set([
  'signIn',
  'signUpPatient',
  'confirmSignUp',
  'refreshSession',
  'signOut',
  'requestDownload',
]);

/** The portal's sessions: patients only, 30 days unless the refresh token ends sooner. */
export const sessions = new WebSessions({
  app: 'portal',
  ttlSeconds: 30 * 24 * 3600,
  manifest: new OperationManifest(manifest, SERVER_ONLY),
  refreshDocument: RefreshDocument,
  signOutDocument: SignOutDocument,
  roles: ['patient'],
});
