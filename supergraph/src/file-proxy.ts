import { randomUUID } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { ErrorCode, errorBody, GATEWAY_AUTH_HEADER, type Logger } from '@medikamente/runtime';
import type express from 'express';

/**
 * Subgraphs that serve files under their own `/files/` (links they issue point at the gateway):
 * the record (attachments, visit summaries), billing (contract PDFs, tax certificates).
 */
export const FILE_SUBGRAPHS: readonly string[] = ['record', 'billing'];

/** Request headers a file endpoint needs from the client; everything else stays at the edge. */
const REQUEST_HEADERS = ['authorization', 'content-type', 'content-length', 'x-file-name', 'accept'];
/** Response headers passed back: the file's own and the subgraph's refusals (nothing hop-by-hop). */
const RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-disposition',
  'x-content-type-options',
  'content-security-policy',
  'cache-control',
  'referrer-policy',
  'retry-after',
];

const agentOptions = { keepAlive: true, timeout: 4_000, maxSockets: 64 };
const agents = { http: new HttpAgent(agentOptions), https: new HttpsAgent(agentOptions) };

export type FileProxyOptions = {
  /** Subgraph name → its GraphQL URL (the file routes live on the same origin under /files). */
  subgraphUrls: Record<string, string>;
  /** The gateway's own service token, so the subgraph believes the forwarded request id and address. */
  serviceToken?: () => Promise<string | null>;
  /** The caller's address as the gateway established it. */
  clientAddress: (req: express.Request) => string | null;
  /** A subgraph silent for this long (no bytes either way) is given up. */
  idleTimeoutMs: number;
  logger: Logger;
};

/** The origin a subgraph's file routes live on, or null when the subgraph serves no files here. */
function fileBase(subgraph: string, urls: Record<string, string>): URL | null {
  if (!FILE_SUBGRAPHS.includes(subgraph) || !urls[subgraph]) return null;
  return new URL('/files/', urls[subgraph]);
}

/**
 * `/files/<subgraph>/<path>` → `<subgraph origin>/files/<path>` (mounted at `/files`, after the
 * edge's limits and token check). Streams both ways without buffering: an upload goes on while it
 * arrives (the subgraph enforces its size limit and closes), a download is passed on as it comes.
 * Forwards the caller's token (the subgraph verifies it again and authorises per link) and the
 * gateway's request id, client address and own service token, as for GraphQL.
 */
export function fileProxy(opts: FileProxyOptions): express.RequestHandler {
  return async (req, res) => {
    // Plain segments only (tokens are base64url): no dots, escapes or query to play with.
    const m = /^\/([a-z][a-z0-9-]*)\/([A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*)$/.exec(req.url);
    const base = m ? fileBase(m[1]!, opts.subgraphUrls) : null;
    if (!m || !base || !['GET', 'HEAD', 'POST'].includes(req.method)) {
      res.status(404).json(errorBody(ErrorCode.NOT_FOUND, 'Не найдено'));
      return;
    }
    const target = new URL(m[2]!, base);
    // Defence in depth: only the subgraph's file routes are reachable here.
    if (!target.pathname.startsWith(base.pathname) || target.origin !== base.origin) {
      res.status(404).json(errorBody(ErrorCode.NOT_FOUND, 'Не найдено'));
      return;
    }
    const headers: Record<string, string> = {};
    for (const h of REQUEST_HEADERS) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    headers['x-request-id'] = randomUUID();
    const address = opts.clientAddress(req);
    if (address) headers['x-client-address'] = address;
    const own = await opts.serviceToken?.().catch(() => null);
    if (own) headers[GATEWAY_AUTH_HEADER] = `Bearer ${own}`;
    const https = target.protocol === 'https:';
    const upstream = (https ? httpsRequest : httpRequest)(target, {
      method: req.method,
      agent: https ? agents.https : agents.http,
      headers,
    });
    let response: IncomingMessage | undefined;
    upstream.setTimeout(opts.idleTimeoutMs, () => upstream.destroy(new Error('file endpoint timeout')));
    upstream.on('error', (err) => {
      req.unpipe(upstream);
      // A subgraph that answered (413 on an upload) and hung up: its answer stands, and a cut
      // answer ends the client's response through the answer's own error.
      if (response) return;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      opts.logger.warn({ err: err.message }, 'file endpoint unreachable');
      res.status(502).json(errorBody(ErrorCode.INTERNAL, 'Сервис файлов недоступен'));
    });
    upstream.on('response', (up: IncomingMessage) => {
      response = up;
      const out: Record<string, string> = {};
      for (const h of RESPONSE_HEADERS) {
        const v = up.headers[h];
        if (typeof v === 'string') out[h] = v;
      }
      // The subgraph hung up on an unread upload (413 and the like): the client's connection goes too.
      if (up.headers.connection === 'close') out.connection = 'close';
      res.writeHead(up.statusCode ?? 502, out);
      up.on('error', () => res.destroy());
      up.pipe(res);
    });
    // A client that goes away stops the transfer upstream.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };
}
