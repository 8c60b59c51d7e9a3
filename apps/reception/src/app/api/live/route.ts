import { isUuid } from '@medikamente/web-kit/ids';
import { liveRoute } from '@medikamente/web-kit/server';
import { AppointmentEventsSubscription } from '@/operations/journal';
import { sessions } from '@/server/web';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** `GET /api/live?branchId=…`: the branch's appointment events as server-sent events. */
export const GET = liveRoute(sessions, AppointmentEventsSubscription, (url) => {
  const branchId = url.searchParams.get('branchId') ?? '';
  return isUuid(branchId) ? { branchId } : null;
});
