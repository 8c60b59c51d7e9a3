import type { Logger } from '@medikamente/runtime';
import { type OneCClient, type OneCEntity, OneCError } from './onec.port';
import {
  COUNTERPARTIES,
  counterpartyBody,
  documentFor,
  type ExportItem,
  type ExportKind,
  MARKER_FIELD,
  marker,
  type OneCExportConfig,
} from './onec-documents';

/** What we know of one record's export: exported (with its 1C Ref_Key) or failed so far. */
export type OneCMapEntry = {
  kind: ExportKind;
  ourId: string;
  refKey: string | null;
  status: 'exported' | 'failed';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  exportedAt: Date | null;
};

/**
 * Our id → 1C Ref_Key, with the retry state of records not exported yet. Implemented in SQL by
 * `OneCExportStore` (table `onec_export`); an in-memory one serves tests and the demo.
 */
export interface OneCMapStore {
  get(kind: ExportKind, ourId: string): Promise<OneCMapEntry | null>;
  /** Records the 1C object of a record. A record already exported keeps its first Ref_Key. */
  put(kind: ExportKind, ourId: string, refKey: string): Promise<void>;
  /** Records a failed attempt: attempts + 1, the error, when to try again. Never un-exports. */
  markFailed(kind: ExportKind, ourId: string, error: string, nextAttemptAt: Date): Promise<void>;
}

export type BackoffPolicy = { baseMs: number; maxMs: number };
/** 1 min, 2, 4 … capped at 6 h: a 1C closed for the night is retried through the morning. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 60_000, maxMs: 6 * 3_600_000 };

/** The delay after the `attempts`-th failure: base × 2^(attempts−1), at most `maxMs`. */
export function backoffDelayMs(attempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError('attempts starts at 1');
  // 2^40 × base already exceeds any cap; keeps the arithmetic finite.
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempts - 1, 40));
}

/** When a record that has now failed `attempts` times is due again. Pure. */
export function nextAttemptAt(attempts: number, now: Date, policy: BackoffPolicy = DEFAULT_BACKOFF): Date {
  return new Date(now.getTime() + backoffDelayMs(attempts, policy));
}

export type ExportDeps = {
  client: OneCClient;
  map: OneCMapStore;
  config: OneCExportConfig;
  log?: Pick<Logger, 'info' | 'warn'>;
  now?: () => Date;
  backoff?: BackoffPolicy;
};

export type ExportOutcome =
  | { kind: ExportItem['kind']; id: string; result: 'exported'; refKey: string; found: boolean }
  | { kind: ExportItem['kind']; id: string; result: 'skipped'; refKey: string }
  | { kind: ExportItem['kind']; id: string; result: 'deferred'; nextAttemptAt: Date }
  | { kind: ExportItem['kind']; id: string; result: 'failed'; error: string; nextAttemptAt: Date };

export type ExportReport = {
  outcomes: ExportOutcome[];
  exported: number;
  skipped: number;
  deferred: number;
  failed: number;
};

const describe = (e: unknown) =>
  e instanceof OneCError ? e.message : e instanceof Error ? `${e.name}: ${e.message}` : 'unknown error';

/**
 * Finds the object our marker points to, or creates it. Looking up first is what makes a crash
 * after 1C created the object (but before we stored its Ref_Key) harmless on the next run.
 */
async function findOrCreate(
  client: OneCClient,
  entitySet: string,
  mark: string,
  body: Record<string, unknown>,
): Promise<{ entity: OneCEntity; found: boolean }> {
  const existing = (await client.find(entitySet, { [MARKER_FIELD]: mark })).filter((e) => !e.DeletionMark);
  if (existing.length > 1) {
    throw new OneCError(`1C has ${existing.length} objects marked ${mark} in ${entitySet}: resolve by hand`, {
      status: null,
      retryable: false,
    });
  }
  if (existing[0]) return { entity: existing[0], found: true };
  return { entity: await client.create(entitySet, body), found: false };
}

/** The payer's pseudonymous counterparty, created once and remembered under kind `counterparty`. */
async function counterpartyKey(patientId: string, deps: ExportDeps): Promise<string> {
  const known = await deps.map.get('counterparty', patientId);
  if (known?.status === 'exported' && known.refKey) return known.refKey;
  const { entity } = await findOrCreate(
    deps.client,
    COUNTERPARTIES,
    marker('counterparty', patientId),
    counterpartyBody(patientId),
  );
  await deps.map.put('counterparty', patientId, entity.Ref_Key);
  return entity.Ref_Key;
}

async function exportOne(item: ExportItem, deps: ExportDeps): Promise<{ refKey: string; found: boolean }> {
  const payer = await counterpartyKey(item.payer.patientId, deps);
  const { entitySet, body } = documentFor(item, payer, deps.config);
  const { entity, found } = await findOrCreate(deps.client, entitySet, marker(item.kind, item.id), body);
  // A document found unposted was created by a run that stopped before posting.
  if (!entity.Posted) await deps.client.post(entitySet, entity.Ref_Key);
  await deps.map.put(item.kind, item.id, entity.Ref_Key);
  return { refKey: entity.Ref_Key, found };
}

/**
 * Exports records to 1C, idempotently: a record already mapped is skipped; otherwise it is
 * looked up in 1C by our id (marker field), created if absent, posted, and its Ref_Key stored.
 * A failure is recorded with its error and the next attempt time (exponential backoff) and the
 * batch goes on; a record whose next attempt is not due yet is left for a later run. Running
 * the same batch again resumes where the last run stopped.
 */
export async function exportBatch(items: readonly ExportItem[], deps: ExportDeps): Promise<ExportReport> {
  const now = deps.now ?? (() => new Date());
  const outcomes: ExportOutcome[] = [];
  for (const item of items) {
    const base = { kind: item.kind, id: item.id };
    const entry = await deps.map.get(item.kind, item.id);
    if (entry?.status === 'exported' && entry.refKey) {
      outcomes.push({ ...base, result: 'skipped', refKey: entry.refKey });
      continue;
    }
    if (entry?.nextAttemptAt && entry.nextAttemptAt > now()) {
      outcomes.push({ ...base, result: 'deferred', nextAttemptAt: entry.nextAttemptAt });
      continue;
    }
    try {
      const { refKey, found } = await exportOne(item, deps);
      outcomes.push({ ...base, result: 'exported', refKey, found });
      deps.log?.info({ kind: item.kind, id: item.id, refKey, found }, '1c export: exported');
    } catch (e) {
      const error = describe(e);
      const attempts = (entry?.attempts ?? 0) + 1;
      const next = nextAttemptAt(attempts, now(), deps.backoff);
      try {
        await deps.map.markFailed(item.kind, item.id, error, next);
      } catch (storeError) {
        // Not even the failure could be recorded: the record stays due and is retried next run.
        deps.log?.warn(
          { kind: item.kind, id: item.id, err: describe(storeError) },
          '1c export: state not saved',
        );
      }
      outcomes.push({ ...base, result: 'failed', error, nextAttemptAt: next });
      deps.log?.warn({ kind: item.kind, id: item.id, attempts, error }, '1c export: failed');
    }
  }
  const count = (r: ExportOutcome['result']) => outcomes.filter((o) => o.result === r).length;
  return {
    outcomes,
    exported: count('exported'),
    skipped: count('skipped'),
    deferred: count('deferred'),
    failed: count('failed'),
  };
}

/** An in-memory OneCMapStore (tests, the demo); the same contract as the SQL store. */
export function createMemoryOneCMapStore(): OneCMapStore & { entries(): OneCMapEntry[] } {
  const rows = new Map<string, OneCMapEntry>();
  const k = (kind: ExportKind, ourId: string) => `${kind}\u0000${ourId}`;
  return {
    async get(kind, ourId) {
      const row = rows.get(k(kind, ourId));
      return row ? { ...row } : null;
    },
    async put(kind, ourId, refKey) {
      const row = rows.get(k(kind, ourId));
      if (row?.status === 'exported') return;
      rows.set(k(kind, ourId), {
        kind,
        ourId,
        refKey,
        status: 'exported',
        attempts: row?.attempts ?? 0,
        lastError: null,
        nextAttemptAt: null,
        exportedAt: new Date(),
      });
    },
    async markFailed(kind, ourId, error, next) {
      const row = rows.get(k(kind, ourId));
      if (row?.status === 'exported') return;
      rows.set(k(kind, ourId), {
        kind,
        ourId,
        refKey: null,
        status: 'failed',
        attempts: (row?.attempts ?? 0) + 1,
        lastError: error,
        nextAttemptAt: next,
        exportedAt: null,
      });
    },
    entries: () => [...rows.values()].map((r) => ({ ...r })),
  };
}
