import type { RecordEnv } from '../../env';
import { documentContent } from '../export/export.content';
import { renderVisitSummaryPdf, type VisitSummaryInput } from '../pdf';
import type { AddendumRecord, VersionRecord, VisitRecord } from '../visit/visit.types';

/**
 * Printed where the record has no name. The record subgraph owns no demographics and no staff
 * names (patient and identity do) and calls no other service for them: the summary carries the
 * clinical content, the signature data and the content hash; the portal shows whose it is.
 */
export const NAME_NOT_IN_RECORD = '—';
const SIGNER = 'врач клиники';

/** The printable summary of a signed version (addenda printed with the current version only). */
export function visitSummaryPdf(
  env: RecordEnv,
  input: { visit: VisitRecord; version: VersionRecord; addenda: AddendumRecord[] },
): Promise<Buffer> {
  const { visit, version } = input;
  if (version.status === 'ENTERED_IN_ERROR') throw new Error('an entered-in-error version is not printed');
  const summary: VisitSummaryInput = {
    clinic: {
      name: env.CLINIC_NAME,
      ...(env.CLINIC_ADDRESS ? { address: env.CLINIC_ADDRESS } : {}),
      ...(env.CLINIC_LICENCE ? { licence: env.CLINIC_LICENCE } : {}),
    },
    patient: { fullName: NAME_NOT_IN_RECORD },
    doctor: { fullName: NAME_NOT_IN_RECORD },
    visit: { startedAt: visit.startedAt, timeZone: env.CLINIC_TIME_ZONE },
    version: {
      number: version.number,
      status: version.status,
      signedAt: version.signedAt,
      signedByName: SIGNER,
      contentHash: version.contentHash,
      ...(version.reason ? { correctionReason: version.reason } : {}),
    },
    content: documentContent(version.content),
    addenda: input.addenda.map((a) => ({ text: a.text, signedAt: a.signedAt, signedByName: SIGNER })),
  };
  return renderVisitSummaryPdf(summary);
}
