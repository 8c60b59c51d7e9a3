import { type AuthPayload, callGateway, json, sameOriginJson } from '@medikamente/web-kit/server';
import { SignUpDocument } from '@/operations/auth';
import { sessions } from '@/server/web';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/auth/signup` `{ login, password, displayName }`: creates the patient account and
 * signs in (the cookie holds the tokens). The patient record and consents follow on the next
 * step, through the BFF, once the consent texts can be read with the new session.
 */
export async function POST(request: Request): Promise<Response> {
  if (!sameOriginJson(request)) return json(403, { ok: false, inputErrors: [] });
  const input = (await request.json().catch(() => ({}))) as Record<string, unknown>;
  const str = (k: string) => (typeof input[k] === 'string' ? (input[k] as string).trim() : '');
  const r = await callGateway<{ signUpPatient: AuthPayload }>(
    sessions.config.manifest.byDocument(SignUpDocument),
    {
      input: {
        login: str('login'),
        password: typeof input.password === 'string' ? input.password : '',
        displayName: str('displayName'),
      },
    },
    { forwardedFor: request.headers.get('x-forwarded-for') },
  );
  const p = r.body.data?.signUpPatient;
  if (!p)
    return json(502, { ok: false, inputErrors: [{ field: 'login', code: 'BAD_GATEWAY', message: '' }] });
  if (!p.ok || !p.account) return json(200, { ok: false, inputErrors: p.inputErrors });
  const headers = new Headers();
  await sessions.store(await sessions.forRequest(request, headers), p);
  return json(200, { ok: true, inputErrors: [] }, headers);
}
