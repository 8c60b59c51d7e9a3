import { liveRoute } from '@medikamente/web-kit/server';
import { LabAlertRaisedSubscription } from '@/operations/lab';
import { sessions } from '@/server/web';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** `GET /api/live/lab-alerts`: the signed-in doctor's critical-value alerts as server-sent events. */
export const GET = liveRoute(sessions, LabAlertRaisedSubscription, () => ({}), 'lab-alert');
