import { graphqlRoute } from '@medikamente/web-kit/server';
import { sessions } from '@/server/web';

export const dynamic = 'force-dynamic';
export const POST = graphqlRoute(sessions);
