import { ErrorCode } from '@medikamente/runtime';
import type express from 'express';
import { DateTime } from 'luxon';
import type { RecordContext } from '../../context';
import type { RecordEnv } from '../../env';
import { healthAccess, printableVersion, shownVisit } from './download.access';
import {
  audited,
  authenticate,
  contextOf,
  type FileRouteDeps,
  linkOf,
  refuse,
  sendFile,
} from './download.http';
import { visitSummaryPdf } from './download.pdf';

type File = { bytes: Uint8Array; contentType: string; fileName: string };
/** An authorised file: whose it is, why the caller may have it, and how to produce it. */
type Found = { patientId: string; purpose: string[]; produce: () => Promise<File> };
type Refusal = { status: 403 | 404; code: ErrorCode; message: string };

const FORBIDDEN: Refusal = {
  status: 403,
  code: ErrorCode.FORBIDDEN,
  message: 'Нет доступа к медкарте пациента',
};
const GONE: Refusal = { status: 404, code: ErrorCode.NOT_FOUND, message: 'Файл не найден' };

async function attachmentFile(ctx: RecordContext, id: string): Promise<Found | Refusal> {
  const attachment = await ctx.loaders.attachment.load(id);
  if (!attachment) return GONE;
  const access = await healthAccess(ctx, attachment.patientId);
  if (!access.allowed) return FORBIDDEN;
  const visit = await ctx.loaders.visit.load(attachment.visitId);
  if (!visit || !(await shownVisit(ctx, visit))) return GONE;
  return {
    patientId: attachment.patientId,
    purpose: access.purpose,
    produce: async () => ({
      bytes: await ctx.services.attachments.content(attachment),
      contentType: attachment.contentType,
      fileName: attachment.fileName,
    }),
  };
}

async function pdfFile(ctx: RecordContext, versionId: string, env: RecordEnv): Promise<Found | Refusal> {
  const version = await ctx.loaders.version.load(versionId);
  if (!version) return GONE;
  const access = await healthAccess(ctx, version.patientId);
  if (!access.allowed) return FORBIDDEN;
  const printable = await printableVersion(ctx, versionId);
  if (!printable) return GONE;
  const { visit } = printable;
  const date = DateTime.fromJSDate(visit.startedAt, { zone: env.CLINIC_TIME_ZONE }).toFormat('dd.MM.yyyy');
  return {
    patientId: version.patientId,
    purpose: access.purpose,
    produce: async () => ({
      bytes: await visitSummaryPdf(env, {
        visit,
        version,
        // Addenda belong to the note as it stands now: printed with the current version only.
        addenda: printable.current ? await ctx.loaders.addendaOfVisit.load(visit.id) : [],
      }),
      contentType: 'application/pdf',
      fileName: `Заключение ${date}${version.number > 1 ? ` (версия ${version.number})` : ''}.pdf`,
    }),
  };
}

/**
 * `GET /files/download/<token>`: the bearer token again (its subject must be the link's), then
 * the same policy decision as GraphQL (a patient: only what their record shows them), the audit
 * event with its purpose, and the decrypted bytes as a sandboxed, uncached download.
 */
export function mountDownloadRoute(app: express.Express, deps: FileRouteDeps, env: RecordEnv): void {
  app.get('/files/download/:token', authenticate(deps), async (req, res, next) => {
    try {
      const checked = await linkOf(req, res, deps, ['attachment', 'pdf'], 'Mutation.requestDownload');
      if (!checked) return;
      const { link, principal } = checked;
      const operation = link.kind === 'pdf' ? 'downloadVisitSummary' : 'downloadAttachment';
      const ctx = await contextOf(req, deps, principal, operation);
      const found =
        link.kind === 'pdf' ? await pdfFile(ctx, link.id, env) : await attachmentFile(ctx, link.id);
      if ('status' in found) return refuse(res, found.status, found.code, found.message);
      if (!(await audited(res, deps, ctx, { patientId: found.patientId, operation, purpose: found.purpose })))
        return;
      sendFile(res, await found.produce());
    } catch (err) {
      next(err);
    }
  });
}
