import { liveRoute } from '@medikamente/web-kit/server';
import { AppointmentEventsSubscription } from '@/operations/journal';
import { sessions } from '@/server/web';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `GET /api/live?branchId=…`: the branch's appointment events as server-sent events. */
export const GET = liveRoute(sessions, AppointmentEventsSubscription, (url) => {
  const branchId = url.searchParams.get('branchId') ?? '';
  return UUID.test(branchId) ? { branchId } : null;
});
