import { isUuid } from '@medikamente/web-kit/ids';
import { downloadRoute } from '@medikamente/web-kit/server';
import type { TaxCertificateFilesQuery } from '@/gql/graphql';
import { TaxCertificateFilesDocument } from '@/operations/tax';
import { sessions } from '@/server/web';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Params = { patientId: string; id: string; file: string };

/**
 * `GET /api/tax-certificates/<patientId>/<id>/pdf|xml`: a tax-deduction certificate's PDF form or
 * its FNS XML file (windows-1251), fetched from the billing subgraph's file route (through the
 * gateway) with the session's token, which never reaches the browser. Billing has no
 * `taxCertificate(id)`: the certificate is found in its patient's list (the same access).
 * Failures return to «Бухгалтерия» with `?download=failed`.
 */
export const GET = downloadRoute<Params>(sessions, {
  document: TaxCertificateFilesDocument,
  variables: ({ patientId, id, file }) =>
    isUuid(patientId) && isUuid(id) && (file === 'pdf' || file === 'xml') ? { patientId } : null,
  link: (data, { id, file }) => {
    const c = (data as TaxCertificateFilesQuery | null | undefined)?.taxCertificates?.find(
      (t) => t.id === id,
    );
    const url = file === 'pdf' ? c?.pdfUrl : c?.xmlUrl;
    return url ? { url } : null;
  },
  page: '/accounting',
  signInPath: '/signin',
});
