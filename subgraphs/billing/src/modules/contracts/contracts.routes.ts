import type express from 'express';
import { type FileRouteDeps, mountFinancialFile } from '../files/financial-files';

/**
 * `GET /files/contracts/<id>/pdf`: the contract rendered from its stored snapshot and template
 * version (with the acceptance line once accepted in the portal), for the same callers as
 * `Query.contract`: the patient themself, reception, cashiers and accountants.
 */
export function mountContractFiles(app: express.Express, deps: FileRouteDeps): void {
  mountFinancialFile(app, deps, {
    path: '/files/contracts/:id/pdf',
    operation: 'Query.contract',
    audit: 'downloadContract',
    async find(ctx, id) {
      const contract = await ctx.loaders.contract.load(id);
      if (!contract) return null;
      return {
        patientId: contract.patientId,
        produce: async () => ({
          bytes: await ctx.services.contracts.pdf(contract),
          contentType: 'application/pdf',
          fileName: `Договор ${contract.number}.pdf`,
        }),
      };
    },
  });
}
