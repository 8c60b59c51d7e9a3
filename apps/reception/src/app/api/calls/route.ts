import { json, sameOriginJson } from '@medikamente/web-kit/server';
import { CALL_LIST, SET_CALL_STATUS } from '@/server/pending-operations';
import { sessions } from '@/server/web';

export const dynamic = 'force-dynamic';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `GET /api/calls?branchId=…&date=…`: the call list of a branch (tomorrow by default). */
export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const branchId = url.searchParams.get('branchId') ?? '';
  const date = url.searchParams.get('date');
  if (!UUID.test(branchId) || (date && !/^\d{4}-\d{2}-\d{2}$/.test(date))) return json(400, { errors: [] });
  const headers = new Headers();
  const session = await sessions.forRequest(request, headers);
  const r = await sessions.execute(
    session,
    CALL_LIST,
    { branchId, date },
    request.headers.get('x-forwarded-for'),
  );
  return json(r.status, r.body, headers);
}

/** `POST /api/calls` `{ appointmentId, status }`: records the outcome of a call. */
export async function POST(request: Request): Promise<Response> {
  if (!sameOriginJson(request)) return json(403, { errors: [] });
  const body = (await request.json().catch(() => ({}))) as { appointmentId?: unknown; status?: unknown };
  if (
    typeof body.appointmentId !== 'string' ||
    !['NOT_CALLED', 'REACHED', 'NOT_REACHED'].includes(String(body.status))
  ) {
    return json(400, { errors: [] });
  }
  const headers = new Headers();
  const session = await sessions.forRequest(request, headers);
  const r = await sessions.execute(
    session,
    SET_CALL_STATUS,
    { appointmentId: body.appointmentId, status: body.status },
    request.headers.get('x-forwarded-for'),
  );
  return json(r.status, r.body, headers);
}
