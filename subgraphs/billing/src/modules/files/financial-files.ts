import {
  type AnyErrorCode,
  bearerAuth,
  ErrorCode,
  errorBody,
  forwardedMeta,
  isId,
  type Logger,
  operationRefusal,
  principalOf,
  type Subgraph,
  type TokenVerifier,
} from '@medikamente/runtime';
import { DENIED, effectForField, type Policy } from '@medikamente/schema';
import type express from 'express';
import type { BillingContext } from '../../context';
import type { BillingEnv } from '../../env';

/** What the file routes need from the kit. */
export type FileRouteDeps = {
  verifier: TokenVerifier;
  policy: Policy;
  contextFor: Subgraph['contextFor'];
  logger: Logger;
};

export type FinancialFile = {
  /** Whose document it is: the FINANCIAL decision is made for this patient. */
  patientId: string;
  produce(): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }>;
};

/**
 * Public base of the file routes: `FILES_PUBLIC_URL` (behind the gateway `<gateway>/files/billing`,
 * which forwards to this service's /files), or this service itself.
 */
export const filesBase = (env: BillingEnv) =>
  (env.FILES_PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}/files`).replace(/\/+$/, '');

function refuse(res: express.Response, status: number, code: AnyErrorCode, message: string): void {
  res.status(status).set('Cache-Control', 'no-store').json(errorBody(code, message));
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

const NOT_FOUND = 'Документ не найден';

/**
 * `GET <path>` serving one patient's FINANCIAL document (a contract, a certificate) with the same
 * decision as the GraphQL fields: the bearer token verified as /graphql does (401), the operation's
 * roles and second factor from policy.yaml (403), then the FINANCIAL cell for the document's
 * patient (the patient themself; reception, cashiers, accountants) — anything else, like an
 * unknown id, is 404 (no existence oracle). The disclosure is audited before a byte is sent.
 */
export function mountFinancialFile(
  app: express.Express,
  deps: FileRouteDeps,
  spec: {
    path: string;
    /** The root operation whose roles the route shares, e.g. `Query.contract`. */
    operation: string;
    /** The audit event's operation, e.g. `downloadContract`. */
    audit: string;
    find(ctx: BillingContext, id: string): Promise<FinancialFile | null>;
  },
): void {
  app.get(spec.path, bearerAuth(deps.verifier, { allowAnonymous: false }), async (req, res, next) => {
    try {
      const principal = principalOf(req);
      const refusal = operationRefusal(deps.policy, spec.operation, principal);
      if (refusal) {
        const code = String(refusal.extensions.code) as AnyErrorCode;
        return refuse(res, code === ErrorCode.UNAUTHENTICATED ? 401 : 403, code, refusal.message);
      }
      const id = String(req.params.id ?? '');
      if (!isId(id)) return refuse(res, 404, ErrorCode.NOT_FOUND, NOT_FOUND);
      const meta = await forwardedMeta(req, deps.verifier);
      const ctx = deps.contextFor(principal, {
        ...(meta.requestId ? { requestId: meta.requestId } : {}),
        clientAddress: meta.clientAddress,
        operation: spec.audit,
      }) as BillingContext;
      const found = await spec.find(ctx, id.toLowerCase());
      if (!found) return refuse(res, 404, ErrorCode.NOT_FOUND, NOT_FOUND);
      const decisions = await ctx.access.decide(found.patientId, null);
      if (effectForField(decisions.get('FINANCIAL') ?? DENIED, undefined) !== 'full')
        return refuse(res, 404, ErrorCode.NOT_FOUND, NOT_FOUND);
      const purpose = ctx.access.heldConditions(decisions);
      try {
        await ctx.stores.audit.append([
          {
            actorId: principal.subject ?? 'anonymous',
            actorRole: principal.role ?? 'anonymous',
            patientId: found.patientId,
            categories: ['FINANCIAL'],
            operation: spec.audit,
            requestId: ctx.requestId,
            clientAddress: ctx.clientAddress,
            purpose: purpose.length ? purpose.sort().join(',') : null,
          },
        ]);
      } catch (err) {
        deps.logger.error(
          { requestId: ctx.requestId, err: (err as Error).message },
          'audit write failed; file withheld',
        );
        return refuse(res, 503, ErrorCode.AUDIT_UNAVAILABLE, 'Журнал доступа недоступен, данные не выданы');
      }
      const file = await found.produce();
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
    } catch (err) {
      next(err);
    }
  });
}
