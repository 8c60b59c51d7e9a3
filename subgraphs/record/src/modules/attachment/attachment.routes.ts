import { ErrorCode, hasControlCharacters, readLimited, TooLargeError } from '@medikamente/runtime';
import type express from 'express';
import type { RecordEnv } from '../../env';
import { codes } from '../../error-codes.generated';
import { healthAccess } from '../download/download.access';
import {
  audited,
  authenticate,
  contextOf,
  type FileRouteDeps,
  linkOf,
  refuse,
} from '../download/download.http';

/** Longest file name kept (characters). */
const MAX_FILE_NAME = 255;

/**
 * The file name of `X-File-Name` (percent-encoded UTF-8): its last path segment, trimmed; null
 * when missing, undecodable, too long or holding control characters.
 */
export function fileNameOf(header: string | undefined): string | null {
  if (!header) return null;
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    return null;
  }
  name = (name.split(/[\\/]/).pop() ?? '').trim().normalize('NFC');
  if (!name || name === '.' || name === '..' || name.length > MAX_FILE_NAME || hasControlCharacters(name))
    return null;
  return name;
}

/**
 * `POST /files/upload/<token>`: one file's raw bytes (the declared Content-Type is ignored).
 * The caller's bearer token must be the link's subject and still allowed to request uploads
 * (doctor, second factor) and to work on the patient's record (care relationship or break-glass).
 * Refused without storing anything: over ATTACHMENT_MAX_BYTES (413 FILE_TOO_LARGE), a type the
 * record does not take (415 FILE_TYPE_REFUSED), a link already used (409).
 */
export function mountUploadRoute(app: express.Express, deps: FileRouteDeps, env: RecordEnv): void {
  app.post('/files/upload/:token', authenticate(deps), async (req, res, next) => {
    // A refusal leaves the body unread: it is read and dropped (never held), so that the client,
    // or the gateway streaming it, gets the answer instead of a reset connection.
    res.on('finish', () => req.resume());
    try {
      const checked = await linkOf(req, res, deps, ['upload'], 'Mutation.requestAttachmentUpload');
      if (!checked) return;
      const { link, principal } = checked;
      const ctx = await contextOf(req, deps, principal, 'uploadAttachment');
      const visit = link.visitId ? await ctx.loaders.visit.load(link.visitId) : null;
      if (!visit) return refuse(res, 404, ErrorCode.NOT_FOUND, 'Приём не найден');
      if (!(await deps.services.canAccess(principal.subject!, visit.patientId)))
        return refuse(res, 403, ErrorCode.FORBIDDEN, 'Нет доступа к медкарте пациента');
      const fileName = fileNameOf(req.header('x-file-name'));
      if (!fileName)
        return refuse(res, 400, ErrorCode.BAD_USER_INPUT, 'Укажите имя файла (заголовок X-File-Name)', {
          field: 'X-File-Name',
        });
      let bytes: Uint8Array;
      try {
        bytes = await readLimited(req, env.ATTACHMENT_MAX_BYTES);
      } catch (err) {
        if (!(err instanceof TooLargeError)) throw err;
        return refuse(res, 413, codes.FILE_TOO_LARGE, 'Файл слишком большой', {
          maxBytes: env.ATTACHMENT_MAX_BYTES,
        });
      }
      const stored = await deps.services.attachments.store({
        id: link.id,
        visit,
        fileName,
        bytes,
        uploadedBy: principal.subject!,
      });
      if ('refused' in stored)
        return refuse(res, 415, codes.FILE_TYPE_REFUSED, 'Такой тип файла не принимается', {
          reason: stored.refused,
        });
      if ('used' in stored) return refuse(res, 409, ErrorCode.CONFLICT, 'Ссылка уже использована');
      const { purpose } = await healthAccess(ctx, visit.patientId);
      if (
        !(await audited(res, deps, ctx, {
          patientId: visit.patientId,
          operation: 'uploadAttachment',
          purpose,
        }))
      )
        return;
      const a = stored.attachment;
      res
        .status(201)
        .set('Cache-Control', 'no-store')
        .json({
          attachment: {
            id: a.id,
            visitId: a.visitId,
            patientId: a.patientId,
            fileName: a.fileName,
            contentType: a.contentType,
            size: a.size,
            sha256: a.sha256,
            createdAt: a.createdAt.toISOString(),
            uploadedBy: a.uploadedBy,
          },
        });
    } catch (err) {
      next(err);
    }
  });
}
