import { describe, expect, it } from 'vitest';
import { eventRules, fishing, isAfterHours, type StreamEvent, volumeSpike, windowStart } from './rules';
import { loadRulesConfig, parseRulesConfig } from './rules.config';

const cfg = loadRulesConfig();
const patient = '11111111-1111-4111-8111-111111111111';
// Tuesday 8 December 2026, 12:00 in Moscow (UTC+3).
const noon = new Date('2026-12-08T09:00:00Z');

function event(over: Partial<StreamEvent> = {}): StreamEvent {
  return {
    streamId: 1,
    service: 'record',
    occurredAt: noon,
    actorId: 'doctor-1',
    actorRole: 'doctor',
    patientId: patient,
    categories: ['HEALTH'],
    operation: 'PatientCard',
    requestId: 'r1',
    purpose: 'careRelationship',
    ...over,
  };
}
const rules = (e: StreamEvent, vip: string[] = []) => eventRules(cfg, e, new Set(vip)).map((a) => a.rule);

describe('event rules', () => {
  it('stay quiet on a doctor reading the chart of a patient in care during working hours', () => {
    expect(rules(event())).toEqual([]);
    expect(rules(event({ actorRole: 'receptionist', categories: ['CONTACT'], purpose: null }))).toEqual([]);
  });
  it('always flag break-glass, once per doctor, patient and day', () => {
    const a = eventRules(cfg, event({ purpose: 'breakGlass' }), new Set());
    expect(a.map((x) => x.rule)).toEqual(['breakGlass']);
    const later = eventRules(
      cfg,
      event({ purpose: 'breakGlass', occurredAt: new Date('2026-12-08T15:00:00Z') }),
      new Set(),
    );
    expect(later[0]!.dedupeKey).toBe(a[0]!.dedupeKey);
    const nextDay = eventRules(
      cfg,
      event({ purpose: 'breakGlass', occurredAt: new Date('2026-12-09T09:00:00Z') }),
      new Set(),
    );
    expect(nextDay[0]!.dedupeKey).not.toBe(a[0]!.dedupeKey);
    expect(a[0]!.severity).toBe('high');
  });
  it('flag clinical data read by a doctor without any relationship condition', () => {
    expect(rules(event({ purpose: null }))).toEqual(['noRelationship']);
    expect(rules(event({ purpose: 'author' }))).toEqual([]);
    // Masked contacts are role-wide for doctors: not this rule's business.
    expect(rules(event({ purpose: null, categories: ['CONTACT'] }))).toEqual([]);
    expect(rules(event({ actorRole: 'lab_partner', purpose: null, categories: ['IDENTITY'] }))).toEqual([
      'noRelationship',
    ]);
  });
  it('flag every staff access to a VIP patient, never a patient reading their own data', () => {
    expect(rules(event(), [patient])).toEqual(['vip']);
    expect(rules(event({ actorRole: 'patient', purpose: 'self' }), [patient])).toEqual([]);
    expect(rules(event({ actorRole: 'service', purpose: null, categories: ['CONTACT'] }), [patient])).toEqual(
      [],
    );
  });
  it('flag after-hours access in the zone of the branch', () => {
    const night = new Date('2026-12-08T20:00:00Z'); // 23:00 in Moscow
    expect(isAfterHours(cfg, event({ occurredAt: night }))).toBe(true);
    expect(rules(event({ occurredAt: night }))).toEqual(['afterHours']);
    expect(isAfterHours(cfg, event({ occurredAt: new Date('2026-12-13T09:00:00Z') }))).toBe(true); // Sunday
    expect(isAfterHours(cfg, event({ occurredAt: new Date('2026-12-08T04:29:00Z') }))).toBe(true); // 07:29
    expect(isAfterHours(cfg, event({ occurredAt: new Date('2026-12-08T04:30:00Z') }))).toBe(false); // 07:30
    // A branch in Novosibirsk (UTC+7) with its own hours: 12:00 Moscow is 16:00 there.
    const withBranch = parseRulesConfig(
      JSON.stringify({
        ...cfg,
        workingHours: {
          default: cfg.workingHours.default,
          branches: {
            nsk: { start: '08:00', end: '15:00', weekdays: [1, 2, 3, 4, 5], zone: 'Asia/Novosibirsk' },
          },
        },
      }),
    );
    expect(isAfterHours(withBranch, event({ branchIds: ['nsk'] }))).toBe(true);
    expect(isAfterHours(withBranch, event({ branchIds: ['other'] }))).toBe(false);
  });
});

describe('window rules', () => {
  it('a spike needs both the floor and the factor over the person own baseline', () => {
    const r = cfg.rules.volumeSpike;
    expect(volumeSpike(cfg, { current: r.minEvents - 1, baselineWindows: 0, baselineEvents: 0 }).spike).toBe(
      false,
    );
    expect(volumeSpike(cfg, { current: r.minEvents, baselineWindows: 0, baselineEvents: 0 }).spike).toBe(
      true,
    );
    // A registrar who always reads 200 an hour: 700 is not 4×.
    expect(volumeSpike(cfg, { current: 700, baselineWindows: 10, baselineEvents: 2000 }).spike).toBe(false);
    expect(volumeSpike(cfg, { current: 800, baselineWindows: 10, baselineEvents: 2000 })).toEqual({
      spike: true,
      baseline: 200,
    });
  });
  it('fishing is many searches and no card opened', () => {
    const n = cfg.rules.fishing.minSearches;
    expect(fishing(cfg, n, 0)).toBe(true);
    expect(fishing(cfg, n, 1)).toBe(false);
    expect(fishing(cfg, n - 1, 0)).toBe(false);
  });
  it('windows are aligned so replays key the same alert', () => {
    expect(windowStart(new Date('2026-12-08T09:59:59Z'), 60).toISOString()).toBe('2026-12-08T09:00:00.000Z');
  });
});

describe('the rules file', () => {
  it('refuses a bad file with the field path', () => {
    expect(() => parseRulesConfig('defaultZone: Mars/Olympus')).toThrow(/defaultZone/);
    const broken = { ...cfg, rules: { ...cfg.rules, fishing: { ...cfg.rules.fishing, minSearches: 0 } } };
    expect(() => parseRulesConfig(JSON.stringify(broken))).toThrow(/rules\.fishing\.minSearches/);
  });
  it('explains every rule in Russian', () => {
    for (const r of Object.values(cfg.rules)) expect(r.explanation).toMatch(/[А-Яа-яЁё]{4}/);
  });
});
