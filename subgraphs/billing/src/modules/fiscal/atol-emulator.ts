/**
 * An emulator of ATOL's desk web server (driver 10 JSON tasks over HTTP, as in atol-protocol.ts)
 * with a register behind it (atol-emulator-register.ts), for tests and `npm start`.
 *
 * Faithful where a client can tell: the same paths and answers (201 / 409 on a repeated uuid /
 * 404 unknown uuid / 400 bad request), tasks kept by uuid and never executed twice, a queue run
 * asynchronously (a task is `wait`, then `inProgress`, then `ready` or `error` a few ticks later, so
 * clients must poll), fiscal documents numbered and signed, shift counters for getShiftTotals.
 *
 * Failure injection: `down` (the server stops listening: connection refused), `hang` (connections
 * are accepted and never answered), `error` (every fiscal task ends in a register error, paper out),
 * `null` (recover; the queue resumes where it stopped).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { EmulatedRegister } from './atol-emulator-register.js';
import { type AtolTaskResult, isObject, REQUESTS_PATH } from './atol-protocol.js';

export type AtolFailMode = 'down' | 'hang' | 'error' | null;

export type AtolEmulatorOptions = {
  /** 0 (default) picks a free port on 127.0.0.1. */
  port?: number;
  /** Delay between queue steps (default 15 ms). */
  tickMs?: number;
  /** Key of the emulated fiscal signs (default random). */
  secret?: string;
};

export type AtolEmulatorState = {
  /** Receipts the register fiscalised ("printed"), in order. */
  readonly receipts: EmulatedRegister['receipts'];
  readonly shift: Readonly<EmulatedRegister['shift']>;
  readonly cashDrawerKopecks: number;
  /** Requests (uuids) the server holds. */
  readonly requestCount: number;
  /** Times the register ran the tasks of `uuid` (0 or 1). */
  executions(uuid: string): number;
};

export type AtolEmulator = {
  /** Root to give the adapter as `baseUrl`, e.g. `http://127.0.0.1:41234`. */
  url: string;
  state: AtolEmulatorState;
  fail(mode: AtolFailMode): Promise<void>;
  close(): Promise<void>;
};

type StoredRequest = { tasks: unknown[]; results: AtolTaskResult[]; executions: number };

const OK = { code: 0, description: 'Ошибок нет' };
const INTERRUPTED = { code: 502, description: 'Выполнение прервано из-за предыдущих ошибок' };
const MAX_BODY = 1024 * 1024;

/** Starts the emulator on 127.0.0.1. */
export async function startAtolEmulator(options: AtolEmulatorOptions = {}): Promise<AtolEmulator> {
  const tickMs = options.tickMs ?? 15;
  const register = new EmulatedRegister(options.secret ?? randomBytes(16).toString('hex'));
  const requests = new Map<string, StoredRequest>();
  const queue: string[] = [];
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  let mode: AtolFailMode = null;
  let busy = false;
  let accepted = 0;
  let closed = false;

  const later = (fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, tickMs);
    timers.add(timer);
  };

  // One request at a time, as the driver serialises the register: inProgress for a tick, then run.
  const pump = () => {
    if (busy || closed || mode === 'down' || mode === 'hang') return;
    const uuid = queue.shift();
    const request = uuid === undefined ? undefined : requests.get(uuid);
    if (uuid === undefined || !request) return;
    busy = true;
    request.results[0] = { status: 'inProgress', error: OK };
    later(() => {
      request.executions += 1;
      let failed = false;
      request.tasks.forEach((task, i) => {
        if (failed) {
          request.results[i] = { status: 'interrupted', error: INTERRUPTED };
          return;
        }
        const outcome = register.execute(uuid, task, mode === 'error');
        if (outcome.ok) request.results[i] = { status: 'ready', error: OK, result: outcome.result };
        else {
          failed = true;
          request.results[i] = { status: 'error', error: outcome.error };
        }
      });
      busy = false;
      later(pump);
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (mode === 'hang') {
      hanging.add(res); // accepted, never answered
      return;
    }
    const url = new URL(req.url ?? '/', 'http://emulator');
    const path = url.pathname.replace(/\/+$/, '');
    if (path === REQUESTS_PATH && req.method === 'POST') {
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return send(res, 400, error('Неверный формат JSON'));
      }
      const uuid = isObject(body) ? body.uuid : undefined;
      const request = isObject(body) ? body.request : undefined;
      const tasks = Array.isArray(request) ? request : isObject(request) ? [request] : [];
      if (typeof uuid !== 'string' || uuid === '') return send(res, 400, error("Поле 'uuid' не задано"));
      if (tasks.length === 0) return send(res, 400, error("Поле 'request' не задано или пустое"));
      if (requests.has(uuid)) {
        return send(res, 409, error(`Задание с UUID [${uuid}] уже существует`));
      }
      requests.set(uuid, { tasks, results: tasks.map(() => ({ status: 'wait', error: OK })), executions: 0 });
      queue.push(uuid);
      later(pump);
      return send(res, 201, {
        uuid,
        number: ++accepted,
        isBlocked: false,
        blockedUUID: '',
        blockReason: '',
      });
    }
    const match = /^\/api\/v2\/requests\/([^/]+)$/.exec(path);
    if (match?.[1] !== undefined) {
      const uuid = decodeURIComponent(match[1]);
      const request = requests.get(uuid);
      if (!request) return send(res, 404, error(`Задание с UUID [${uuid}] не найдено`));
      if (req.method === 'GET') return send(res, 200, { results: request.results });
      if (req.method === 'DELETE') {
        if (!queue.includes(uuid)) return send(res, 409, error(`Задание с UUID [${uuid}] нельзя отменить`));
        queue.splice(queue.indexOf(uuid), 1);
        request.results = request.tasks.map(() => ({
          status: 'canceled',
          error: { code: 503, description: 'Задание отменено' },
        }));
        return send(res, 200, {});
      }
    }
    return send(res, 404, error(`Нет такого метода: ${req.method} ${url.pathname}`));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, error(e instanceof Error ? e.message : String(e))));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
  const port = await listen(options.port ?? 0);

  return {
    url: `http://127.0.0.1:${port}`,
    state: {
      get receipts() {
        return register.receipts;
      },
      get shift() {
        return register.shift;
      },
      get cashDrawerKopecks() {
        return register.cashDrawerKopecks;
      },
      get requestCount() {
        return requests.size;
      },
      executions: (uuid) => requests.get(uuid)?.executions ?? 0,
    },
    async fail(next) {
      const previous = mode;
      mode = next;
      if (next === 'down' && previous !== 'down') await stop();
      if (previous === 'down' && next !== 'down') await listen(port);
      // Connections left hanging are dropped on recovery (their clients gave up long ago).
      if (previous === 'hang' && next !== 'hang') {
        for (const res of hanging) res.socket?.destroy();
        hanging.clear();
      }
      if (next === null || next === 'error') later(pump);
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await stop();
    },
  };
}

const error = (description: string) => ({ error: { code: 505, description } });

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
