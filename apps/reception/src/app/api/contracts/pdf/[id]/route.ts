import { isUuid } from '@medikamente/web-kit/ids';
import { downloadRoute } from '@medikamente/web-kit/server';
import type { DeskContractPdfQuery } from '@/gql/graphql';
import { DeskContractPdfDocument } from '@/operations/contracts';
import { sessions } from '@/server/web';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * `GET /api/contracts/pdf/<id>`: a contract's PDF, fetched from the billing subgraph's file route
 * (through the gateway) with the session's token; the token never reaches the browser. Billing
 * decides access (the same as the contract). Failures return to «Пациенты» with `?download=failed`.
 */
export const GET = downloadRoute<{ id: string }>(sessions, {
  document: DeskContractPdfDocument,
  variables: ({ id }) => (isUuid(id) ? { id } : null),
  link: (data) => {
    const url = (data as DeskContractPdfQuery | null | undefined)?.contract?.pdfUrl;
    return url ? { url } : null;
  },
  page: '/patients',
  signInPath: '/signin',
});
