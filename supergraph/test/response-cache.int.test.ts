import { gql } from '@medikamente/runtime/testing';
import { factories, localDay } from '@medikamente/subgraph-schedule/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from './platform';

const SLOTS = /* GraphQL */ `
  query Slots($input: FreeSlotsInput!) {
    freeSlots(input: $input) { specialistId startsAt branch { id name timeZone } }
  }
`;

/**
 * The gateway's response cache (ADR 0008): only responses made entirely of fields a subgraph
 * marked PUBLIC and cacheable are reused, separately per role, never past a client's
 * `Cache-Control: no-cache`, never with errors, and never before the token is verified.
 */
describe('gateway response cache', () => {
  let p: Platform;
  let input: Record<string, unknown>;
  let tokens: Record<'patient' | 'doctor' | 'receptionist', string>;
  const search = (token?: string, headers: Record<string, string> = {}, vars = input) =>
    gql(p.url, SLOTS, { input: vars }, { ...(token ? { token } : {}), headers });
  /** A response served from the cache carries an Age header (set only on hits). */
  const fromCache = (r: { headers?: Headers }) => r.headers?.get('age') != null;

  beforeAll(async () => {
    p = await startPlatform();
    const f = factories(p.schedule);
    const branch = await f.branch('Europe/Moscow');
    const service = await f.service(30);
    const doctor = await f.doctor(branch.id, [service.id]);
    const day = localDay(branch.timeZone, 3);
    input = { specialistId: doctor.id, from: day, to: day };
    tokens = {
      patient: (await p.account('patient')).token,
      doctor: (await p.account('doctor')).token,
      receptionist: (await p.account('receptionist', { branchIds: [branch.id] })).token,
    };
  });
  afterAll(() => p?.stop());

  it('a public slot list is computed once and then reused for the same role and arguments', async () => {
    const first = await search(tokens.patient);
    expect(first.errors).toBeUndefined();
    expect(first.data.freeSlots.length).toBeGreaterThan(0);
    expect(fromCache(first)).toBe(false);
    expect(first.headers?.get('cache-control')).toBe('max-age=1, public');
    const second = await search(tokens.patient);
    expect(fromCache(second)).toBe(true);
    expect(second.data).toEqual(first.data);
    // Other arguments are another entry.
    const other = await search(tokens.patient, {}, { ...input, to: localDay('Europe/Moscow', 4) });
    expect(fromCache(other)).toBe(false);
  });

  it('identical searches arriving together are computed once; the others wait for that answer', async () => {
    // The search operation has been cacheable before (other arguments): its requests are coalesced.
    expect((await search(tokens.patient)).errors).toBeUndefined();
    const fresh = { ...input, to: localDay('Europe/Moscow', 5) };
    const all = await Promise.all(Array.from({ length: 20 }, () => search(tokens.patient, {}, fresh)));
    expect(all.every((r) => r.status === 200 && r.data.freeSlots.length > 0)).toBe(true);
    expect(all.filter((r) => !fromCache(r))).toHaveLength(1);
    expect(new Set(all.map((r) => JSON.stringify(r.data))).size).toBe(1);
  });

  it('entries are per role: a doctor does not get the patients’ entry; reception’s lists are never stored', async () => {
    await search(tokens.patient);
    expect(fromCache(await search(tokens.doctor))).toBe(false);
    expect(fromCache(await search(tokens.doctor))).toBe(true);
    // Reception sees walk-in slots (no minimum notice): computed for every request.
    const r1 = await search(tokens.receptionist);
    const r2 = await search(tokens.receptionist);
    expect(r1.data.freeSlots.length).toBeGreaterThan(0);
    expect([fromCache(r1), fromCache(r2)]).toEqual([false, false]);
    expect(r2.headers?.get('cache-control')).toBe('no-store');
  });

  it('a client asking to revalidate gets a fresh answer', async () => {
    await search(tokens.patient);
    const fresh = await search(tokens.patient, { 'cache-control': 'no-cache' });
    expect(fresh.errors).toBeUndefined();
    expect(fromCache(fresh)).toBe(false);
  });

  it('anything but public hinted fields is never stored, nor are errors', async () => {
    const mine = 'query Mine { myAppointments { id status } }';
    for (let i = 0; i < 2; i++) {
      const r = await gql(p.url, mine, {}, { token: tokens.patient });
      expect(r.errors).toBeUndefined();
      expect(fromCache(r)).toBe(false);
      expect(r.headers?.get('cache-control')).toBe('no-store');
    }
    // Public slots together with the caller's own appointments: the whole response is uncached.
    const mixed = `query Mixed($input: FreeSlotsInput!) { freeSlots(input: $input) { startsAt } myAppointments { id } }`;
    for (let i = 0; i < 2; i++)
      expect(fromCache(await gql(p.url, mixed, { input }, { token: tokens.patient }))).toBe(false);
    const bad = { ...input, from: '2099-01-02', to: '2099-01-01' };
    for (let i = 0; i < 2; i++) {
      const r = await search(tokens.patient, {}, bad);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(fromCache(r)).toBe(false);
    }
  });

  it('a bad token is refused before the cache is consulted', async () => {
    await search(tokens.patient);
    const forged = `${tokens.patient.slice(0, -4)}AAAA`;
    const r = await search(forged);
    expect(r.status).toBe(401);
    expect(r.data?.freeSlots).toBeUndefined();
  });

  it('cache hits are counted in the gateway metrics', async () => {
    await search(tokens.patient);
    await search(tokens.patient);
    const text = await (await fetch(p.gatewayMetricsUrl)).text();
    const hits = Number(/graphql_response_cache_hits_total\{[^}]*\} (\d+)/.exec(text)?.[1] ?? 0);
    expect(hits).toBeGreaterThan(0);
  });
});
