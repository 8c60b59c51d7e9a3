import { signInRoute } from '@medikamente/web-kit/server';
import { SignInDocument } from '@/operations/auth';
import { sessions } from '@/server/web';

export const dynamic = 'force-dynamic';
export const POST = signInRoute(sessions, SignInDocument);
