import { isUuid } from '@medikamente/web-kit/ids';
import { downloadRoute } from '@medikamente/web-kit/server';
import type { RequestVisitPdfMutation } from '@/gql/graphql';
import { RequestVisitPdfDocument } from '@/operations/record';
import { sessions } from '@/server/web';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * `GET /api/record/pdf/<versionId>`: the summary PDF of one of the patient's signed visit
 * versions, streamed from the record subgraph's short-lived link with the session's token.
 */
export const GET = downloadRoute<{ versionId: string }>(sessions, {
  document: RequestVisitPdfDocument,
  variables: ({ versionId }) => (isUuid(versionId) ? { input: { visitVersionId: versionId } } : null),
  link: (data) => (data as RequestVisitPdfMutation | null | undefined)?.requestDownload.link,
  page: '/record',
  signInPath: '/signin',
});
