import type { Server } from 'node:http';
import type express from 'express';
import { ANONYMOUS, type Principal, type TokenVerifier } from './auth';
import { AuthError, ErrorCode } from './errors';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

/** A GraphQL-shaped error body: every refusal of the platform, whatever layer it comes from. */
export const errorBody = (code: ErrorCode | string, message: string) => ({
  errors: [{ message, extensions: { code } }],
});

/**
 * Express middleware: verifies the bearer token (if any) and puts the principal on the
 * request; refuses with HTTP 401 and a coded error when the token is bad, or when there is
 * none and anonymous callers are not allowed.
 */
export function bearerAuth(
  verifier: TokenVerifier,
  opts: { allowAnonymous: boolean; metrics?: Metrics },
): express.RequestHandler {
  return async (req, res, next) => {
    try {
      const principal = await verifier.fromHeader(req.header('authorization'));
      if (principal === ANONYMOUS && !opts.allowAnonymous) {
        throw new AuthError(ErrorCode.UNAUTHENTICATED, 'Требуется токен доступа');
      }
      (req as any).principal = principal;
      next();
    } catch (e) {
      const code = e instanceof AuthError ? e.code : ErrorCode.UNAUTHENTICATED;
      opts.metrics?.authFailures.inc({ code });
      if (e instanceof AuthError && e.revoked === 'account') opts.metrics?.revokedAccountTokens.inc();
      res.status(401).json(errorBody(code, e instanceof AuthError ? e.message : 'Требуется вход в систему'));
    }
  };
}

/** The principal established by `bearerAuth`. */
export const principalOf = (req: express.Request): Principal => (req as any).principal ?? ANONYMOUS;

/**
 * Admits only the platform's own deployables to an internal route: a machine client of role
 * `service` whose token carries `scope`. Anyone else is answered in the platform's error shape
 * (401 without a valid token, 403 with another one) and null is returned; the route stops there.
 */
export async function requireServiceScope(
  req: express.Request,
  res: express.Response,
  verifier: TokenVerifier,
  scope: string,
): Promise<Principal | null> {
  try {
    const caller = await verifier.fromHeader(req.header('authorization'));
    if (caller.kind === 'client' && caller.role === 'service' && caller.scopes.includes(scope)) return caller;
    const known = caller.role !== null;
    res
      .status(known ? 403 : 401)
      .json(errorBody(known ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHENTICATED, 'Только для служб платформы'));
  } catch {
    res.status(401).json(errorBody(ErrorCode.UNAUTHENTICATED, 'Только для служб платформы'));
  }
  return null;
}

/** The scope of the gateway's own service credential. */
export const GATEWAY_SCOPE = 'gateway';
/** Header carrying the gateway's own token next to the caller's `Authorization`. */
export const GATEWAY_AUTH_HEADER = 'x-gateway-authorization';

/** What a request tells about itself: believed only when the gateway vouches for it. */
export type ForwardedMeta = {
  requestId: string | null;
  clientAddress: string | null;
  /** The client's operation name as the gateway received it (for audit records). */
  operation: string | null;
  viaGateway: boolean;
};

const decodeName = (v: string | undefined): string | null => {
  if (!v) return null;
  try {
    return decodeURIComponent(v).slice(0, 128) || null;
  } catch {
    return null;
  }
};

/**
 * Request id and client address for audit records and limits. `X-Request-Id` and
 * `X-Client-Address` are believed only from the gateway, proven by its service token (role
 * `service`, scope `gateway`) in `X-Gateway-Authorization`; from anyone else they are ignored
 * and the socket's address is recorded.
 */
export async function forwardedMeta(req: express.Request, verifier: TokenVerifier): Promise<ForwardedMeta> {
  const socket = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '').slice(0, 64) || null;
  const header = req.header(GATEWAY_AUTH_HEADER);
  if (header) {
    try {
      const gateway = await verifier.fromHeader(header);
      if (gateway.kind === 'client' && gateway.role === 'service' && gateway.scopes.includes(GATEWAY_SCOPE))
        return {
          requestId: (req.header('x-request-id') ?? '').slice(0, 64) || null,
          clientAddress: (req.header('x-client-address') ?? '').slice(0, 64) || socket,
          operation: decodeName(req.header('x-operation-name')),
          viaGateway: true,
        };
    } catch {
      // A bad gateway token only means the forwarded metadata is not believed.
    }
  }
  return { requestId: null, clientAddress: socket, operation: null, viaGateway: false };
}

/**
 * Last error handler: body-parser failures (malformed JSON, a body over the limit) and anything
 * else thrown before GraphQL answer in GraphQL's error shape, with a 4xx code for the client's
 * mistakes (logged at info) — never HTML, never a stack trace.
 */
export function jsonErrors(logger: Logger): express.ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const e = err as { status?: number; statusCode?: number; type?: string; message?: string };
    const status = e.status ?? e.statusCode ?? 500;
    if (status === 413) {
      logger.info({ type: e.type }, 'request body too large');
      res.status(413).json(errorBody(ErrorCode.PAYLOAD_TOO_LARGE, 'Запрос слишком большой'));
      return;
    }
    if (status >= 400 && status < 500) {
      logger.info({ type: e.type, status }, 'malformed request');
      res.status(status).json(errorBody(ErrorCode.BAD_REQUEST, 'Неверный запрос'));
      return;
    }
    logger.error(
      { err: { name: (err as Error)?.name, message: e.message } },
      'unexpected error before GraphQL',
    );
    res.status(500).json(errorBody(ErrorCode.INTERNAL, 'Внутренняя ошибка'));
  };
}

/**
 * Answers 503 REQUEST_TIMEOUT when a request has not been answered in `ms` (whatever it still
 * runs is discarded), so a slow dependency cannot hold callers and sockets without bound. One
 * sweep a quarter second for all requests instead of a timer per request.
 */
export function requestTimeout(ms: number): express.RequestHandler {
  const start = deadlines(ms);
  return (_req, res, next) => {
    start(res);
    next();
  };
}

const SLOT = Symbol('deadline slot');
type Tracked = express.Response & { [SLOT]?: number };

/**
 * The deadline registry behind `requestTimeout`, for middlewares that register a response
 * themselves. It is on every request's path, so it is cheap: responses sit in a slot array (no
 * Map keyed by response objects, which would give each one an identity hash), are released when
 * they close, and one sweep a quarter second answers the overdue ones.
 */
export function deadlines(ms: number): (res: express.Response) => void {
  const responses: Array<Tracked | undefined> = [];
  const due: number[] = [];
  const free: number[] = [];
  let live = 0;
  let sweeper: NodeJS.Timeout | undefined;
  const release = (i: number) => {
    responses[i] = undefined;
    free.push(i);
    live -= 1;
  };
  const done = function (this: Tracked) {
    const i = this[SLOT];
    if (i !== undefined && responses[i] === this) release(i);
  };
  const sweep = () => {
    const now = Date.now();
    for (let i = 0; i < responses.length; i++) {
      const res = responses[i];
      if (!res || due[i]! > now) continue;
      release(i);
      if (res.headersSent) continue;
      res.status(503).json(errorBody(ErrorCode.REQUEST_TIMEOUT, 'Запрос выполнялся слишком долго'));
      // The late answer of the handler goes nowhere (instead of failing on sent headers).
      const r = res as unknown as Record<string, unknown>;
      for (const m of ['setHeader', 'status', 'send', 'json', 'end', 'writeHead']) r[m] = () => res;
      r.write = () => true;
    }
    if (live === 0) {
      clearInterval(sweeper);
      sweeper = undefined;
      responses.length = 0;
      due.length = 0;
      free.length = 0;
    }
  };
  return (res) => {
    const i = free.pop() ?? responses.length;
    responses[i] = res as Tracked;
    due[i] = Date.now() + ms;
    (res as Tracked)[SLOT] = i;
    live += 1;
    res.on('close', done);
    if (!sweeper) {
      sweeper = setInterval(sweep, Math.min(250, ms));
      sweeper.unref();
    }
  };
}

/** Slow-client limits of the node server itself (headers and whole request). */
export function hardenServer(server: Server, requestTimeoutMs: number): void {
  server.headersTimeout = Math.min(10_000, requestTimeoutMs);
  server.requestTimeout = requestTimeoutMs;
}
