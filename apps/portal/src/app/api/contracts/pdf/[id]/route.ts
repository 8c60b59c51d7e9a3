import { isUuid } from '@medikamente/web-kit/ids';
import { downloadRoute } from '@medikamente/web-kit/server';
import type { ContractPdfQuery } from '@/gql/graphql';
import { ContractPdfDocument } from '@/operations/billing';
import { sessions } from '@/server/web';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * `GET /api/contracts/pdf/<id>`: one of the patient's contracts as PDF, fetched from the billing
 * subgraph's file route (through the gateway) with the session's token; the token never reaches
 * the browser. Failures return to «Договоры и оплаты» with `?download=failed`.
 */
export const GET = downloadRoute<{ id: string }>(sessions, {
  document: ContractPdfDocument,
  variables: ({ id }) => (isUuid(id) ? { id } : null),
  link: (data) => {
    const url = (data as ContractPdfQuery | null | undefined)?.contract?.pdfUrl;
    return url ? { url } : null;
  },
  page: '/payments',
  signInPath: '/signin',
});
