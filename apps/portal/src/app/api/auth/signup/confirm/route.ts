import { type AuthPayload, callGateway, json, sameOriginJson } from '@medikamente/web-kit/server';
import { ConfirmSignUpDocument } from '@/operations/auth';
import { sessions } from '@/server/web';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/auth/signup/confirm` `{ verificationId, code }`: step 2 of sign-up. The code from the
 * message creates the account and signs in (the cookie holds the tokens). The patient record and
 * consents follow on the next page, through the BFF.
 */
export async function POST(request: Request): Promise<Response> {
  if (!sameOriginJson(request)) return json(403, { ok: false, inputErrors: [] });
  const input = (await request.json().catch(() => ({}))) as Record<string, unknown>;
  const str = (k: string) => (typeof input[k] === 'string' ? (input[k] as string).trim().slice(0, 100) : '');
  const r = await callGateway<{ confirmSignUp: AuthPayload }>(
    sessions.config.manifest.byDocument(ConfirmSignUpDocument),
    { verificationId: str('verificationId'), code: str('code') },
    { forwardedFor: request.headers.get('x-forwarded-for') },
  );
  const p = r.body.data?.confirmSignUp;
  if (!p) return json(502, { ok: false, inputErrors: [{ field: 'code', code: 'BAD_GATEWAY', message: '' }] });
  if (!p.ok || !p.account) return json(200, { ok: false, inputErrors: p.inputErrors });
  const headers = new Headers();
  await sessions.store(await sessions.forRequest(request, headers), p);
  return json(200, { ok: true, inputErrors: [] }, headers);
}
