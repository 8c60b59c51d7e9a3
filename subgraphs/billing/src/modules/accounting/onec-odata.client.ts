import {
  type OneCClient,
  type OneCEntity,
  OneCError,
  type OneCFilter,
  type OneCFilterValue,
} from './onec.port';

export type OneCODataOptions = {
  /** The published infobase, e.g. `https://1c.clinic.local/accounting` (no `/odata/…`). */
  baseUrl: string;
  user: string;
  password: string;
  /** Per request; a hung 1C must not hold the export forever. */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAME = /^[\p{L}\p{N}_]+$/u;

/** An OData v3 literal: `'text'` (quotes doubled), `guid'…'`, `true`, `12.5`. */
export function formatLiteral(value: OneCFilterValue): string {
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (!GUID.test(value.guid)) throw new TypeError('not a guid');
  return `guid'${value.guid}'`;
}

/** `A eq 'x' and B eq guid'…'` */
export function formatFilter(filter: OneCFilter): string {
  return Object.entries(filter)
    .map(([field, value]) => {
      if (!NAME.test(field)) throw new TypeError(`bad field name ${field}`);
      return `${field} eq ${formatLiteral(value)}`;
    })
    .join(' and ');
}

const entityPath = (entitySet: string, refKey?: string) => {
  if (!NAME.test(entitySet)) throw new TypeError(`bad entity set ${entitySet}`);
  if (refKey !== undefined && !GUID.test(refKey)) throw new TypeError('not a guid');
  // Cyrillic names travel percent-encoded (UTF-8); the key syntax stays literal.
  return encodeURIComponent(entitySet) + (refKey ? `(guid'${refKey}')` : '');
};

type ODataErrorBody = { 'odata.error'?: { code?: string; message?: { value?: string } } };

/**
 * The standard OData interface of a 1C:Enterprise 8.3 infobase over HTTP with Basic auth,
 * JSON format (`$format=json`). Rights are those of the 1C user the credentials belong to.
 */
export function createOneCODataClient(options: OneCODataOptions): OneCClient {
  const root = `${options.baseUrl.replace(/\/+$/, '')}/odata/standard.odata/`;
  const auth = `Basic ${Buffer.from(`${options.user}:${options.password}`, 'utf8').toString('base64')}`;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function request(
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string>,
    body?: unknown,
    allowNotFound = false,
  ): Promise<{ status: number; json: unknown }> {
    const params = new URLSearchParams({ $format: 'json', ...query });
    // URLSearchParams writes spaces as '+'; OData servers expect %20 in $filter.
    const url = `${root}${path}?${params.toString().replaceAll('+', '%20')}`;
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers: {
          authorization: auth,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      throw new OneCError(timedOut ? `1C did not answer in ${timeoutMs} ms` : '1C is unreachable', {
        status: null,
        retryable: true,
      });
    }
    const text = await response.text().catch(() => '');
    let json: unknown = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
    }
    if (response.ok) return { status: response.status, json };
    if (response.status === 404 && allowNotFound) return { status: 404, json };
    const err = (json as ODataErrorBody | null)?.['odata.error'];
    const what =
      err?.message?.value ?? (response.status === 401 ? 'authentication failed' : response.statusText);
    throw new OneCError(`1C ${method} ${decodeURIComponent(path)}: ${response.status} ${what}`, {
      status: response.status,
      code: err?.code,
      // 5xx and 429 may pass; a refused request (4xx) needs someone to fix data or settings,
      // but is still retried on the slow schedule so that a fix in 1C is picked up.
      retryable: response.status >= 500 || response.status === 429,
    });
  }

  const entity = (json: unknown, what: string): OneCEntity => {
    const e = json as OneCEntity | null;
    if (!e || typeof e.Ref_Key !== 'string') {
      throw new OneCError(`1C ${what}: answer without Ref_Key`, { status: null, retryable: true });
    }
    return e;
  };

  return {
    async find(entitySet, filter) {
      const { json } = await request('GET', entityPath(entitySet), { $filter: formatFilter(filter) });
      const value = (json as { value?: unknown } | null)?.value;
      if (!Array.isArray(value)) {
        throw new OneCError(`1C ${entitySet}: answer without value[]`, { status: null, retryable: true });
      }
      return value as OneCEntity[];
    },
    async get(entitySet, refKey) {
      const { status, json } = await request('GET', entityPath(entitySet, refKey), {}, undefined, true);
      return status === 404 ? null : entity(json, entitySet);
    },
    async create(entitySet, body) {
      const { json } = await request('POST', entityPath(entitySet), {}, body);
      return entity(json, entitySet);
    },
    async post(entitySet, refKey) {
      if (!entitySet.startsWith('Document_')) throw new TypeError('only documents are posted');
      await request('POST', `${entityPath(entitySet, refKey)}/Post`, { PostingModeOperational: 'false' });
    },
  };
}
