import { randomUUID } from 'node:crypto';
import type { Logger } from '@medikamente/runtime';
import { DateTime } from 'luxon';
import { buildEnterpriseDataMessage, type EnterpriseDataOrganization, stableRef } from './enterprise-data';
import type { OneCClient } from './onec.port';
import type { OneCExportConfig } from './onec-documents';
import { type BackoffPolicy, exportBatch, type OneCMapEntry } from './onec-export';
import type { OneCExportStore } from './onec-export.store';
import type { OneCCounts, OneCLastRun, OneCSourceStore } from './onec-source.store';

/** What one export round did. `ran` is false when the export is off or another round holds the lease. */
export type OneCRound = {
  ran: boolean;
  reason: 'disabled' | 'busy' | null;
  exported: number;
  alreadyExported: number;
  deferred: number;
  failed: number;
};

export type OneCStatus = OneCCounts & {
  enabled: boolean;
  fileEnabled: boolean;
  lastRun: OneCLastRun;
  failures: OneCMapEntry[];
};

export type EnterpriseDataFile = {
  day: string;
  fileName: string;
  xml: string;
  paymentsCount: number;
  refundsCount: number;
};

export type OneCExportDeps = {
  source: OneCSourceStore;
  map: OneCExportStore;
  /** null: the OData export is off (ONEC_ODATA_URL unset). */
  client: OneCClient | null;
  config: OneCExportConfig | null;
  /** null: the EnterpriseData file is off (organization name and ИНН unset). */
  organization: EnterpriseDataOrganization | null;
  timeZone: string;
  /** Records captured before this are never exported (they reached 1C by hand). */
  since: Date | null;
  logger: Logger;
  intervalMs: number;
  backoff: BackoffPolicy;
  /** Per request to 1C: sizes the run lease. */
  timeoutMs: number;
  chunkSize?: number;
  maxChunks?: number;
};

/**
 * The export of captured payments and done refunds to 1C:Бухгалтерия: a background job (and the
 * accountant's "export now") running `exportBatch` over the records not exported yet, in chunks,
 * under a lease so that replicas never export at once; a chunk where every record failed stops
 * the round (1C is down: the backoff takes over). The EnterpriseData file of a day is the
 * fallback when 1C's OData interface is not published.
 */
export class OneCExportService {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<OneCRound> | undefined;
  private readonly chunkSize: number;
  private readonly maxChunks: number;

  constructor(private readonly deps: OneCExportDeps) {
    this.chunkSize = deps.chunkSize ?? 10;
    this.maxChunks = deps.maxChunks ?? 100;
  }

  get enabled(): boolean {
    return this.deps.client !== null && this.deps.config !== null;
  }

  /** One round now; a round already running in this process is joined, not doubled. */
  runOnce(): Promise<OneCRound> {
    this.running ??= this.round()
      .catch((e: unknown) => {
        this.deps.logger.warn({ err: (e as Error).message }, '1c export round failed; next round');
        return { ...idle, ran: true };
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  start(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => void this.runOnce(), this.deps.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async status(limit = 100): Promise<OneCStatus> {
    const [counts, lastRun, failures] = await Promise.all([
      this.deps.source.counts(this.deps.since),
      this.deps.source.lastRun(),
      this.deps.map.failures(limit),
    ]);
    return {
      ...counts,
      enabled: this.enabled,
      fileEnabled: this.deps.organization !== null,
      lastRun,
      failures: failures.filter((f) => f.kind !== 'counterparty'),
    };
  }

  /** The EnterpriseData message of a day's payments and refunds (the clinic's zone); null when off. */
  async enterpriseData(day: string): Promise<EnterpriseDataFile | null> {
    const organization = this.deps.organization;
    if (!organization) return null;
    const start = DateTime.fromISO(day, { zone: this.deps.timeZone }).startOf('day');
    const items = await this.deps.source.between(start.toJSDate(), start.plus({ days: 1 }).toJSDate());
    return {
      day,
      fileName: `medikamente-1c-${day}.xml`,
      xml: buildEnterpriseDataMessage(items, { organization, timeZone: this.deps.timeZone }),
      paymentsCount: items.filter((i) => i.kind === 'payment').length,
      refundsCount: items.filter((i) => i.kind === 'refund').length,
    };
  }

  private async round(): Promise<OneCRound> {
    const { client, config, source } = this.deps;
    if (!client || !config) return { ...idle, reason: 'disabled' };
    // Long enough for a whole chunk of records whose requests all time out (about 4 per record).
    const leaseMs = this.chunkSize * 4 * this.deps.timeoutMs + 60_000;
    const holder = randomUUID();
    if (!(await source.acquire(holder, leaseMs))) return { ...idle, reason: 'busy' };
    const total: OneCRound = { ...idle, ran: true };
    try {
      for (let chunk = 0; chunk < this.maxChunks; chunk++) {
        const items = await source.due(new Date(), this.chunkSize, this.deps.since);
        if (items.length === 0) break;
        const report = await exportBatch(items, {
          client,
          map: this.deps.map,
          config,
          log: this.deps.logger,
          backoff: this.deps.backoff,
        });
        total.exported += report.exported;
        total.alreadyExported += report.skipped;
        total.deferred += report.deferred;
        total.failed += report.failed;
        if (report.exported + report.skipped === 0 && report.failed > 0) {
          this.deps.logger.warn({ failed: report.failed }, '1c export: a whole chunk failed; round stopped');
          break;
        }
        if (!(await source.renew(holder, leaseMs))) break;
      }
    } finally {
      await source.release(holder, total);
    }
    if (total.exported || total.failed) this.deps.logger.info(total, '1c export round');
    return total;
  }
}

const idle: OneCRound = { ran: false, reason: null, exported: 0, alreadyExported: 0, deferred: 0, failed: 0 };

/** The organization of the EnterpriseData file from the settings; null when name or ИНН is missing. */
export function fileOrganization(s: {
  key?: string | undefined;
  name?: string | undefined;
  inn?: string | undefined;
  kpp?: string | undefined;
}): EnterpriseDataOrganization | null {
  if (!s.name || !s.inn) return null;
  return {
    // Without the 1C key, a stable reference from the ИНН: 1C matches it by the key properties.
    ref: s.key ?? stableRef(`organization:${s.inn}`),
    name: s.name,
    inn: s.inn,
    ...(s.kpp ? { kpp: s.kpp } : {}),
  };
}
