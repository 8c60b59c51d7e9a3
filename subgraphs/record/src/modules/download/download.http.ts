import {
  type AnyErrorCode,
  bearerAuth,
  ErrorCode,
  errorBody,
  forwardedMeta,
  type Logger,
  operationRefusal,
  type Principal,
  principalOf,
  type Subgraph,
  type TokenVerifier,
} from '@medikamente/runtime';
import type { Policy } from '@medikamente/schema';
import type express from 'express';
import type { RecordContext, Services } from '../../context';
import { codes } from '../../error-codes.generated';
import { auditDisclosure } from './download.access';
import type { FileLink, FileLinkKind } from './download.link';

/** What the file routes need from the kit and the subgraph. */
export type FileRouteDeps = {
  verifier: TokenVerifier;
  policy: Policy;
  contextFor: Subgraph['contextFor'];
  services: Services;
  logger: Logger;
};

/** Answers a refusal in the platform's error shape (the same body GraphQL and jsonErrors give). */
export function refuse(
  res: express.Response,
  status: number,
  code: AnyErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  const body = errorBody(code, message);
  Object.assign(body.errors[0]!.extensions, extensions);
  res.status(status).set('Cache-Control', 'no-store').json(body);
}

/** The caller's bearer token, verified exactly as the GraphQL endpoint does (401 otherwise). */
export const authenticate = (deps: FileRouteDeps) => bearerAuth(deps.verifier, { allowAnonymous: false });

/**
 * The link of a request, checked: ours and of the route's kind (404 otherwise), issued to this
 * caller's token subject (403), not expired (410 LINK_EXPIRED), and the caller may still call the
 * operation that issues it (its roles and second factor in policy.yaml). Null after a refusal.
 */
export async function linkOf(
  req: express.Request,
  res: express.Response,
  deps: FileRouteDeps,
  kinds: readonly FileLinkKind[],
  operation: string,
): Promise<{ link: FileLink; principal: Principal } | null> {
  const principal = principalOf(req);
  const link = await deps.services.links.read(String(req.params.token ?? ''));
  if (!link || !kinds.includes(link.kind)) {
    refuse(res, 404, ErrorCode.NOT_FOUND, 'Ссылка недействительна');
    return null;
  }
  if (!principal.subject || link.sub !== principal.subject) {
    refuse(res, 403, ErrorCode.FORBIDDEN, 'Ссылка выдана другому пользователю');
    return null;
  }
  if (link.expiresAt.getTime() <= Date.now()) {
    refuse(res, 410, codes.LINK_EXPIRED, 'Ссылка устарела; запросите файл снова');
    return null;
  }
  const refusal = operationRefusal(deps.policy, operation, principal);
  if (refusal) {
    const code = String(refusal.extensions.code);
    refuse(res, code === ErrorCode.UNAUTHENTICATED ? 401 : 403, code as AnyErrorCode, refusal.message);
    return null;
  }
  return { link, principal };
}

/** The request context GraphQL resolvers would get for this caller (policy decisions, loaders). */
export async function contextOf(
  req: express.Request,
  deps: FileRouteDeps,
  principal: Principal,
  operation: string,
): Promise<RecordContext> {
  const meta = await forwardedMeta(req, deps.verifier);
  return deps.contextFor(principal, {
    ...(meta.requestId ? { requestId: meta.requestId } : {}),
    clientAddress: meta.clientAddress,
    operation,
  }) as RecordContext;
}

/**
 * Writes the audit event of a read of a patient's clinical data before anything is sent (also
 * for the patient's own reads: a file leaves the system). False after answering 503.
 */
export async function audited(
  res: express.Response,
  deps: FileRouteDeps,
  ctx: RecordContext,
  event: { patientId: string; operation: string; purpose: string[] },
): Promise<boolean> {
  try {
    await auditDisclosure(ctx, event);
    return true;
  } catch (err) {
    deps.logger.error(
      { requestId: ctx.requestId, err: (err as Error).message },
      'audit write failed; file withheld',
    );
    refuse(res, 503, ErrorCode.AUDIT_UNAVAILABLE, 'Журнал доступа недоступен, данные не выданы');
    return false;
  }
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266, 8187). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends a file so that no browser renders or keeps it: a download, sandboxed, never cached. */
export function sendFile(
  res: express.Response,
  file: { bytes: Uint8Array; contentType: string; fileName: string },
): void {
  res
    .status(200)
    .set({
      'Content-Type': file.contentType,
      'Content-Length': String(file.bytes.byteLength),
      'Content-Disposition': contentDisposition(file.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    })
    .end(file.bytes);
}
