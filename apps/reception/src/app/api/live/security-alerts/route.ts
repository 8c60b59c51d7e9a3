import { liveRoute } from '@medikamente/web-kit/server';
import { SecurityAlertRaisedSubscription } from '@/operations/privacy';
import { sessions } from '@/server/web';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** `GET /api/live/security-alerts`: privacy-monitoring alerts as they are raised (security officer). */
export const GET = liveRoute(sessions, SecurityAlertRaisedSubscription, () => ({}), 'security-alert');
