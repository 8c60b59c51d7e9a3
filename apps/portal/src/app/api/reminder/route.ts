import { callGateway, json, sameOriginJson } from '@medikamente/web-kit/server';
import { USE_REMINDER_LINK } from '@/server/pending-operations';

export const dynamic = 'force-dynamic';

/** `POST /api/reminder` `{ token }`: uses a reminder's confirm/cancel link; no sign-in needed. */
export async function POST(request: Request): Promise<Response> {
  if (!sameOriginJson(request)) return json(403, { ok: false });
  const body = (await request.json().catch(() => ({}))) as { token?: unknown };
  if (typeof body.token !== 'string' || body.token.length > 2000) return json(400, { ok: false });
  const r = await callGateway<{ useReminderLink: unknown }>(
    USE_REMINDER_LINK,
    { token: body.token },
    { forwardedFor: request.headers.get('x-forwarded-for') },
  );
  const p = r.body.data?.useReminderLink;
  return p
    ? json(200, p)
    : json(200, { ok: false, inputErrors: [{ field: 'token', code: 'UNAVAILABLE', message: '' }] });
}
