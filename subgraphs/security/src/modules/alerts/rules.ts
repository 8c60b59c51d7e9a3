import { DateTime } from 'luxon';
import type { RuleId, RulesConfig, Severity } from './rules.config';

/** One event of the central audit stream, as the rules see it. */
export type StreamEvent = {
  streamId: number;
  service: string;
  occurredAt: Date;
  actorId: string;
  actorRole: string;
  patientId: string;
  categories: string[];
  operation: string | null;
  requestId: string;
  purpose: string | null;
  /** The actor's branches when the event carries them (the zone of after-hours). */
  branchIds?: string[] | null;
};

/** What a rule found; stored once per dedupe key (a second hit of the same key is the same alert). */
export type AlertCandidate = {
  rule: RuleId;
  severity: Severity;
  dedupeKey: string;
  actorId: string | null;
  actorRole: string | null;
  patientId: string | null;
  service: string | null;
  occurredAt: Date;
  evidence: Record<string, unknown>;
};

const purposes = (e: StreamEvent) => new Set((e.purpose ?? '').split(',').filter(Boolean));
const day = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toISODate()!;

function candidate(
  cfg: RulesConfig,
  rule: RuleId,
  e: StreamEvent,
  key: string,
  evidence: Record<string, unknown> = {},
): AlertCandidate {
  return {
    rule,
    severity: cfg.rules[rule].severity,
    dedupeKey: `${rule}:${key}`,
    actorId: e.actorId,
    actorRole: e.actorRole,
    patientId: e.patientId,
    service: e.service,
    occurredAt: e.occurredAt,
    evidence: { streamIds: [e.streamId], operation: e.operation, categories: e.categories, ...evidence },
  };
}

/** The working hours that apply to an event: its branch's when configured, else the default. */
export function hoursFor(cfg: RulesConfig, e: StreamEvent) {
  for (const b of e.branchIds ?? []) {
    const h = cfg.workingHours.branches[b];
    if (h) return { ...h, zone: h.zone ?? cfg.defaultZone };
  }
  return { ...cfg.workingHours.default, zone: cfg.workingHours.default.zone ?? cfg.defaultZone };
}

/** True when the event happened outside the branch's working hours, in the branch's zone. */
export function isAfterHours(cfg: RulesConfig, e: StreamEvent): boolean {
  const h = hoursFor(cfg, e);
  const local = DateTime.fromJSDate(e.occurredAt, { zone: h.zone });
  if (!h.weekdays.includes(local.weekday)) return true;
  const minutes = local.hour * 60 + local.minute;
  const [sh, sm] = h.start.split(':').map(Number) as [number, number];
  const [eh, em] = h.end.split(':').map(Number) as [number, number];
  return minutes < sh * 60 + sm || minutes >= eh * 60 + em;
}

/**
 * The rules that one event decides alone: break-glass, access without a relationship, a VIP
 * patient, after-hours. Each alert is keyed per person, patient (where it matters) and local day,
 * so a doctor reading one chart twenty times raises one alert, not twenty.
 */
export function eventRules(cfg: RulesConfig, e: StreamEvent, vip: ReadonlySet<string>): AlertCandidate[] {
  if (!cfg.staffRoles.includes(e.actorRole) && !cfg.rules.noRelationship.roles.includes(e.actorRole))
    return [];
  const out: AlertCandidate[] = [];
  const r = cfg.rules;
  const held = purposes(e);
  const date = day(e.occurredAt, hoursFor(cfg, e).zone);
  if (r.breakGlass.enabled && held.has('breakGlass'))
    out.push(candidate(cfg, 'breakGlass', e, `${e.actorId}:${e.patientId}:${date}`));
  if (
    r.noRelationship.enabled &&
    r.noRelationship.roles.includes(e.actorRole) &&
    e.categories.some((c) => r.noRelationship.categories.includes(c)) &&
    !r.noRelationship.relationships.some((p) => held.has(p))
  )
    out.push(candidate(cfg, 'noRelationship', e, `${e.actorId}:${e.patientId}:${date}`));
  if (!cfg.staffRoles.includes(e.actorRole)) return out;
  if (r.vip.enabled && vip.has(e.patientId))
    out.push(candidate(cfg, 'vip', e, `${e.actorId}:${e.patientId}:${date}`));
  if (r.afterHours.enabled && isAfterHours(cfg, e))
    out.push(candidate(cfg, 'afterHours', e, `${e.actorId}:${date}`, { zone: hoursFor(cfg, e).zone }));
  return out;
}

/** Counts of one person's events in the current window and their own history. */
export type VolumeStats = { current: number; baselineWindows: number; baselineEvents: number };

/** A spike: at least `minEvents` and `factor` × the person's average per active window. */
export function volumeSpike(cfg: RulesConfig, stats: VolumeStats): { spike: boolean; baseline: number } {
  const r = cfg.rules.volumeSpike;
  const baseline = stats.baselineWindows > 0 ? stats.baselineEvents / stats.baselineWindows : 0;
  return {
    spike: r.enabled && stats.current >= r.minEvents && stats.current >= r.factor * baseline,
    baseline,
  };
}

/** Fishing: many searches in the window and not one patient's card opened. */
export function fishing(cfg: RulesConfig, searches: number, opens: number): boolean {
  const r = cfg.rules.fishing;
  return r.enabled && searches >= r.minSearches && opens === 0;
}

/** The window a time falls in (keys window alerts: one alert per person per window). */
export function windowStart(at: Date, minutes: number): Date {
  const ms = minutes * 60_000;
  return new Date(Math.floor(at.getTime() / ms) * ms);
}
