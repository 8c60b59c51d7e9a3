import { defaultMessage, ErrorCode, errorBody, type Principal, principalOf } from '@medikamente/runtime';
import type { RequestHandler } from 'express';
import { parseDocumentId } from './documents';
import { DOCUMENTS_SCOPE_PREFIX, type TrustedDocument, type TrustedDocuments } from './manifests';

/** Roles whose tokens may run only their manifest's persisted documents (service tokens are internal). */
export const PARTNER_ROLES: readonly string[] = ['lab_partner'];

/** A partner's machine client (client-credentials token of a partner role). */
export const isPartner = (p: Principal): boolean =>
  p.kind === 'client' && p.role !== null && PARTNER_ROLES.includes(p.role);

export type PartnerRefusal = {
  status: number;
  code: ErrorCode;
  /** For the log only: the response does not say whether an id exists in another manifest. */
  reason: string;
  message?: string;
};
export type PartnerDecision = { ok: true; document: TrustedDocument } | ({ ok: false } & PartnerRefusal);

const refuse = (status: number, code: ErrorCode, reason: string, message?: string): PartnerDecision => ({
  ok: false,
  status,
  code,
  reason,
  ...(message ? { message } : {}),
});
const required = (reason: string) => refuse(400, ErrorCode.PERSISTED_DOCUMENT_REQUIRED, reason);
const notAllowed = (reason: string) => refuse(403, ErrorCode.PERSISTED_DOCUMENT_NOT_ALLOWED, reason);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Decides a partner's request without parsing any GraphQL: only a POST naming a persisted
 * document (top-level `documentId`, `sha256:<hex>` or hex, or APQ's
 * `extensions.persistedQuery.sha256Hash`, version 1) and no document text at all (an APQ
 * registration sends text too) is looked up — in the one manifest the token's `documents:<id>`
 * scope names — and needs the operation's declared scope in the token.
 */
export function decidePartnerRequest(
  registry: TrustedDocuments,
  principal: Principal,
  method: string,
  body: unknown,
): PartnerDecision {
  if (method !== 'POST') return required(`method ${method}`);
  if (!isObject(body)) return required('body is not one request');
  if (body.query !== undefined && body.query !== null) return required('document text');
  const ids: string[] = [];
  if (body.documentId !== undefined && body.documentId !== null) {
    if (typeof body.documentId !== 'string') return refuse(400, ErrorCode.BAD_REQUEST, 'documentId type');
    ids.push(body.documentId);
  }
  const extensions = body.extensions;
  if (isObject(extensions) && extensions.persistedQuery !== undefined) {
    const pq = extensions.persistedQuery;
    if (!isObject(pq) || pq.version !== 1 || typeof pq.sha256Hash !== 'string')
      return refuse(400, ErrorCode.BAD_REQUEST, 'persistedQuery shape', 'Ожидается persistedQuery версии 1');
    ids.push(pq.sha256Hash);
  }
  if (ids.length === 0) return required('no document id');
  const parsed = ids.map(parseDocumentId);
  if (parsed.some((id) => id === null) || new Set(parsed).size > 1)
    return refuse(
      400,
      ErrorCode.BAD_REQUEST,
      'malformed or conflicting ids',
      'Неверный идентификатор документа',
    );
  const bound = principal.scopes.filter((s) => s.startsWith(DOCUMENTS_SCOPE_PREFIX));
  if (bound.length !== 1) return notAllowed(`${bound.length} documents:* scopes`);
  const manifest = registry.manifests.get(bound[0]!.slice(DOCUMENTS_SCOPE_PREFIX.length));
  if (!manifest) return notAllowed(`unknown manifest ${bound[0]}`);
  const document = manifest.byId.get(parsed[0]!);
  if (!document) return notAllowed(`id not in ${manifest.id}`);
  if (!principal.scopes.includes(document.scope))
    return refuse(
      403,
      ErrorCode.INSUFFICIENT_SCOPE,
      `${document.name} needs ${document.scope}`,
      `Для операции нужна область доступа ${document.scope}`,
    );
  return { ok: true, document };
}

/**
 * Express middleware after the token is verified and before any GraphQL parsing (the document
 * guard, Apollo, the planner): other callers pass untouched; a partner's allowed request goes on
 * with the stored body as its `query` (the id fields removed, so Apollo's APQ cache never sees
 * it), anything else is answered in GraphQL's error shape with a 4xx.
 */
export function trustedDocumentsGate(
  registry: TrustedDocuments,
  opts: { onRefused?: (refusal: PartnerRefusal, principal: Principal) => void } = {},
): RequestHandler {
  return (req, res, next) => {
    const principal = principalOf(req);
    if (!isPartner(principal)) return next();
    const decision = decidePartnerRequest(registry, principal, req.method, req.body);
    if (!decision.ok) {
      opts.onRefused?.(decision, principal);
      res
        .status(decision.status)
        .json(errorBody(decision.code, decision.message ?? defaultMessage(decision.code) ?? decision.code));
      return;
    }
    const body = req.body as Record<string, unknown>;
    body.query = decision.document.body;
    delete body.documentId;
    const extensions = body.extensions as Record<string, unknown> | undefined;
    if (extensions) delete extensions.persistedQuery;
    next();
  };
}
