export const dynamic = 'force-dynamic';

/** Liveness probe for the start script and orchestrators. */
export function GET(): Response {
  return new Response('ok', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
}
