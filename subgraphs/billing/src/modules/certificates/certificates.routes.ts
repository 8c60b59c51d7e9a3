import type express from 'express';
import { type FileRouteDeps, mountFinancialFile } from '../files/financial-files';
import { certificateFiles } from './certificates.service';

/**
 * `GET /files/tax-certificates/<id>/pdf` (the printable form) and `…/xml` (the file for the tax
 * authority, windows-1251), for the same callers as `Query.taxCertificates`: the patient themself
 * and accountants.
 */
export function mountCertificateFiles(app: express.Express, deps: FileRouteDeps): void {
  for (const kind of ['pdf', 'xml'] as const)
    mountFinancialFile(app, deps, {
      path: `/files/tax-certificates/:id/${kind}`,
      operation: 'Query.taxCertificates',
      audit: kind === 'pdf' ? 'downloadTaxCertificate' : 'downloadTaxCertificateXml',
      async find(ctx, id) {
        const certificate = await ctx.loaders.certificate.load(id);
        if (!certificate) return null;
        return {
          patientId: certificate.patientId,
          produce: async () => {
            const files = certificateFiles(certificate);
            return kind === 'pdf'
              ? {
                  bytes: await files.pdf(),
                  contentType: 'application/pdf',
                  fileName: `Справка об оплате медицинских услуг ${certificate.number}.pdf`,
                }
              : {
                  bytes: files.xmlFile,
                  contentType: 'application/xml; charset=windows-1251',
                  fileName: files.fileName,
                };
          },
        };
      },
    });
}
