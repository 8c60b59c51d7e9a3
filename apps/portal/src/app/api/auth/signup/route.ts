import { callGateway, json, sameOriginJson } from '@medikamente/web-kit/server';
import { SignUpDocument } from '@/operations/auth';
import { sessions } from '@/server/web';

export const dynamic = 'force-dynamic';

type SignUpPayload = {
  ok: boolean;
  inputErrors: Array<{ field: string; code: string; message: string }>;
  verificationId: string | null;
  channel: 'EMAIL' | 'SMS' | null;
  expiresAt: string | null;
};

/**
 * `POST /api/auth/signup` `{ login, password, displayName }`: step 1 of sign-up. Identity sends a
 * one-time code to the login and answers the same whether or not the login is registered; the
 * browser gets the verification id to send back with the code (`/api/auth/signup/confirm`).
 */
export async function POST(request: Request): Promise<Response> {
  if (!sameOriginJson(request)) return json(403, { ok: false, inputErrors: [] });
  const input = (await request.json().catch(() => ({}))) as Record<string, unknown>;
  const str = (k: string) => (typeof input[k] === 'string' ? (input[k] as string).trim() : '');
  const r = await callGateway<{ signUpPatient: SignUpPayload }>(
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
  return json(200, p);
}
