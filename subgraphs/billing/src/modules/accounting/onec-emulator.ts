import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { EMPTY_REF, type OneCEntity } from './onec.port';
import { type Condition, parseFilter } from './onec-filter';

/**
 * A 1C:Enterprise infobase's standard OData v3 interface, the subset the export uses, over real
 * HTTP on 127.0.0.1: Basic auth, `$format=json`, `$filter` with `eq` and `and`, creating catalog
 * items and documents (1C assigns `Ref_Key`, `DataVersion`, `Number`/`Code`), tabular rows with
 * `LineNumber`, the `Post` action, and `odata.error` answers. Failure injection for tests:
 * the next n requests fail with a status, or hang.
 */
export type OneCEmulatorOptions = {
  port?: number;
  user: string;
  password: string;
  /** The publication name: the interface lives at `/<infobase>/odata/standard.odata/`. */
  infobase?: string;
  /** Entity sets the "configuration" has; others answer 404. */
  entitySets?: string[];
};

export type OneCEmulator = {
  /** The infobase URL (what the client's `baseUrl` takes). */
  url: string;
  documents(): Array<OneCEntity & { entitySet: string }>;
  catalog(entitySet?: string): OneCEntity[];
  /**
   * The next `n` requests fail: with `status` (500 by default) or, with `'hang'`, never answer.
   * With `after`, that many requests are served normally first (1C failing in the middle of a batch).
   */
  failNext(n: number, status?: number | 'hang', after?: number): void;
  /** Requests served so far (method, decoded path), for assertions on what reached "1C". */
  requests(): Array<{ method: string; path: string }>;
  close(): Promise<void>;
};

const DEFAULT_SETS = [
  'Catalog_Контрагенты',
  'Document_ПриходныйКассовыйОрдер',
  'Document_РасходныйКассовыйОрдер',
  'Document_ОплатаПлатежнойКартой',
];
const NAME = '[\\p{L}\\p{N}_]+';
const KEY = "\\(guid'([0-9a-fA-F-]{36})'\\)";
const COLLECTION = new RegExp(`^(${NAME})$`, 'u');
const ONE = new RegExp(`^(${NAME})${KEY}$`, 'u');
const ACTION = new RegExp(`^(${NAME})${KEY}/(Post|Unpost)$`, 'u');

class ODataError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const matches = (entity: OneCEntity, conditions: Condition[]) =>
  conditions.every(({ field, value }) => {
    const actual = entity[field];
    if (typeof value === 'object') return typeof actual === 'string' && actual.toLowerCase() === value.guid;
    if (typeof value === 'number') return Number(actual) === value;
    return actual === value;
  });

/** Starts the emulator on 127.0.0.1 (port 0: a free one). */
export async function startOneCEmulator(options: OneCEmulatorOptions): Promise<OneCEmulator> {
  const infobase = options.infobase ?? 'accounting';
  const prefix = `/${infobase}/odata/standard.odata/`;
  const expectedAuth = `Basic ${Buffer.from(`${options.user}:${options.password}`, 'utf8').toString('base64')}`;
  const data = new Map<string, Map<string, OneCEntity>>(
    (options.entitySets ?? DEFAULT_SETS).map((s) => [s, new Map()]),
  );
  const log: Array<{ method: string; path: string }> = [];
  const hung: ServerResponse[] = [];
  let failures: Array<number | 'hang' | null> = [];
  let version = 0;
  let numbers = 0;
  let root = '';

  const dataVersion = () => {
    const b = Buffer.alloc(8);
    b.writeUInt32BE(++version, 0);
    return b.toString('base64');
  };

  const send = (res: ServerResponse, status: number, body?: unknown) => {
    if (body === undefined) {
      res.writeHead(status, { 'content-length': '0' }).end();
      return;
    }
    const text = JSON.stringify(body);
    res
      .writeHead(status, {
        'content-type': 'application/json;charset=utf-8',
        'content-length': Buffer.byteLength(text),
      })
      .end(text);
  };
  const sendError = (res: ServerResponse, e: ODataError) =>
    send(res, e.status, { 'odata.error': { code: e.code, message: { lang: 'ru', value: e.message } } });

  const setOf = (name: string) => {
    const set = data.get(name);
    if (!set) throw new ODataError(404, '9', `Не найден ресурс: ${name}`);
    return set;
  };
  const element = (name: string, e: OneCEntity) => ({
    'odata.metadata': `${root}$metadata#${name}/@Element`,
    ...e,
  });

  async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
      if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
    } catch {}
    throw new ODataError(400, '1', 'Ошибка разбора тела запроса: ожидается объект JSON');
  }

  function create(name: string, body: Record<string, unknown>): OneCEntity {
    const set = setOf(name);
    const ref = randomUUID();
    const entity: OneCEntity = { Ref_Key: ref, DataVersion: dataVersion(), DeletionMark: false };
    for (const [field, value] of Object.entries(body)) {
      if (field.startsWith('odata.') || ['Ref_Key', 'DataVersion', 'Posted'].includes(field)) continue;
      if (Array.isArray(value)) {
        // A tabular section: rows only inside the object, each with its LineNumber.
        entity[field] = value.map((row: unknown, i) => {
          const r = row as Record<string, unknown> | null;
          if (!r || typeof r !== 'object' || r.LineNumber == null || Number(r.LineNumber) !== i + 1) {
            throw new ODataError(
              500,
              '-1',
              'Произошла внутренняя ошибка OData сервиса. Дополнительные сведения можно найти в технологическом журнале.',
            );
          }
          return { ...r, Ref_Key: ref, LineNumber: String(r.LineNumber) };
        });
      } else entity[field] = value;
    }
    if (name.startsWith('Document_')) {
      entity.Number ??= `0000-${String(++numbers).padStart(6, '0')}`;
      entity.Date ??= DateTime.now().setZone('Europe/Moscow').toFormat("yyyy-MM-dd'T'HH:mm:ss");
      entity.Posted = false;
    } else {
      entity.Code ??= `00-${String(++numbers).padStart(8, '0')}`;
      entity.Description ??= '';
      Object.assign(entity, {
        IsFolder: false,
        Parent_Key: EMPTY_REF,
        Predefined: false,
        PredefinedDataName: '',
      });
    }
    set.set(ref, entity);
    return entity;
  }

  async function onCollection(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    method: string,
    name: string,
  ) {
    const set = setOf(name);
    if (method === 'POST') return send(res, 201, element(name, create(name, await readJson(req))));
    if (method !== 'GET') throw new ODataError(405, '1', `Метод ${method} не поддерживается`);
    const filter = url.searchParams.get('$filter');
    let conditions: Condition[] = [];
    try {
      conditions = filter ? parseFilter(filter) : [];
    } catch (e) {
      throw new ODataError(400, '6', `Ошибка разбора выражения отбора: ${(e as Error).message}`);
    }
    const value = [...set.values()].filter((e) => matches(e, conditions));
    return send(res, 200, { 'odata.metadata': `${root}$metadata#${name}`, value });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    if (req.headers.authorization !== expectedAuth) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="1C:Enterprise"' }).end();
      return;
    }
    if (!url.pathname.startsWith(prefix)) throw new ODataError(404, '9', 'Не найдена публикация');
    const path = decodeURIComponent(url.pathname.slice(prefix.length));
    log.push({ method, path });
    const failure = failures.shift();
    if (failure === 'hang') {
      hung.push(res);
      return;
    }
    if (failure !== undefined && failure !== null)
      throw new ODataError(failure, '-1', 'Внутренняя ошибка сервера 1С (эмуляция)');
    const format = url.searchParams.get('$format');
    if (format !== 'json' && format !== 'application/json') {
      throw new ODataError(400, '1', 'Эмулятор отвечает только в формате JSON: нужен $format=json');
    }
    const collection = COLLECTION.exec(path);
    if (collection) return onCollection(req, res, url, method, collection[1]!);
    const one = ONE.exec(path);
    if (one) {
      if (method !== 'GET') throw new ODataError(405, '1', `Метод ${method} не поддерживается`);
      const entity = setOf(one[1]!).get(one[2]!.toLowerCase());
      if (!entity) throw new ODataError(404, '9', 'Экземпляр не найден');
      return send(res, 200, element(one[1]!, entity));
    }
    const action = ACTION.exec(path);
    if (action && method === 'POST' && action[1]!.startsWith('Document_')) {
      const entity = setOf(action[1]!).get(action[2]!.toLowerCase());
      if (!entity) throw new ODataError(404, '9', 'Экземпляр не найден');
      const mode = url.searchParams.get('PostingModeOperational');
      if (mode !== null && mode !== 'true' && mode !== 'false') {
        throw new ODataError(400, '1', 'Неверное значение параметра PostingModeOperational');
      }
      entity.Posted = action[3] === 'Post';
      entity.DataVersion = dataVersion();
      return send(res, 200);
    }
    throw new ODataError(404, '9', `Не найден ресурс: ${path}`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) return;
      sendError(res, e instanceof ODataError ? e : new ODataError(500, '-1', 'Внутренняя ошибка'));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/${infobase}`;
  root = `${url}/odata/standard.odata/`;

  return {
    url,
    documents: () =>
      [...data.entries()]
        .filter(([name]) => name.startsWith('Document_'))
        .flatMap(([entitySet, set]) => [...set.values()].map((e) => ({ entitySet, ...structuredClone(e) }))),
    catalog: (entitySet = 'Catalog_Контрагенты') =>
      [...setOf(entitySet).values()].map((e) => structuredClone(e)),
    failNext(n, status = 500, after = 0) {
      failures = [
        ...failures,
        ...Array.from({ length: after }, () => null),
        ...Array.from({ length: n }, () => status),
      ];
    },
    requests: () => log.map((r) => ({ ...r })),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hung.splice(0)) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
