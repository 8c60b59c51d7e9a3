import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay, type ScheduleHarness, startScheduleSubgraph } from './harness';

const HOLD = /* GraphQL */ `
  mutation Hold($input: BookingInput!) {
    holdSlot(input: $input) { appointment { id status } inputErrors { field code } }
  }
`;

describe('holds cannot make a week look full', () => {
  let h: ScheduleHarness;
  let branch: { id: string };
  let service: { id: string };
  let doctors: Array<{ id: string }>;
  const day = () => localDay('Europe/Moscow', 2);
  const heldCount = async (patientId: string) =>
    Number(
      (
        await h.service.database.query<{ n: number }>(
          "select count(*)::int as n from appointment where patient_id = $1 and status = 'HELD'",
          [patientId],
        )
      )[0]!.n,
    );

  beforeAll(async () => {
    h = await startScheduleSubgraph({ MAX_ACTIVE_HOLDS_PER_PATIENT: '2', HOLD_RATE_LIMIT: '5' });
    branch = await h.factories.branch('Europe/Moscow');
    service = await h.factories.service(30);
    doctors = [];
    for (let i = 0; i < 3; i++) doctors.push(await h.factories.doctor(branch.id, [service.id]));
  });
  afterAll(() => h?.stop());

  const hold = (token: string, doctorId: string, time: string) =>
    h.query(
      HOLD,
      {
        input: {
          specialistId: doctorId,
          branchId: branch.id,
          serviceId: service.id,
          startsAt: `${day()}T${time}`,
          idempotencyKey: `key-${randomUUID()}`,
        },
      },
      token,
    );

  it('a patient holds at most the configured number at once (TOO_MANY_HOLDS, nothing written)', async () => {
    const pid = randomUUID();
    const token = await h.tokenFor({ role: 'patient', pid });
    // Different times: one patient cannot be in two places at once anyway (PATIENT_BUSY).
    expect((await hold(token, doctors[0]!.id, '09:00')).data.holdSlot.appointment.status).toBe('HELD');
    expect((await hold(token, doctors[1]!.id, '09:30')).data.holdSlot.appointment.status).toBe('HELD');
    const third = await hold(token, doctors[2]!.id, '10:00');
    expect(third.data.holdSlot.appointment).toBeNull();
    expect(third.data.holdSlot.inputErrors).toEqual([{ field: 'startsAt', code: 'TOO_MANY_HOLDS' }]);
    expect(await heldCount(pid)).toBe(2);
    // An expired hold no longer counts.
    await h.service.database.query(
      "update appointment set hold_expires_at = now() - interval '1 second' where patient_id = $1",
      [pid],
    );
    expect((await hold(token, doctors[2]!.id, '10:30')).data.holdSlot.appointment.status).toBe('HELD');
  });

  it('concurrent holds of one patient with different doctors cannot pass the limit together', async () => {
    const pid = randomUUID();
    const token = await h.tokenFor({ role: 'patient', pid });
    const results = await Promise.all(
      doctors.map((d, i) => hold(token, d.id, ['11:00', '11:30', '12:00'][i]!)),
    );
    const held = results.filter((r) => r.data.holdSlot.appointment);
    const refused = results.flatMap((r) => r.data.holdSlot.inputErrors.map((e: { code: string }) => e.code));
    expect(held).toHaveLength(2);
    expect(refused).toEqual(['TOO_MANY_HOLDS']);
    expect(await heldCount(pid)).toBe(2);
  });

  it('new holds per patient are rate limited (RATE_LIMITED), whoever makes them', async () => {
    const pid = randomUUID();
    const token = await h.tokenFor({ role: 'patient', pid });
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      // Each hold is released at once, so only the rate limit can refuse.
      const r = await hold(token, doctors[0]!.id, `${14 + Math.floor(i / 2)}:${i % 2 ? '30' : '00'}`);
      codes.push(r.data.holdSlot.inputErrors[0]?.code ?? 'HELD');
      await h.service.database.query(
        "update appointment set hold_expires_at = now() - interval '1 second' where patient_id = $1",
        [pid],
      );
    }
    expect(codes).toEqual(['HELD', 'HELD', 'HELD', 'HELD', 'HELD', 'RATE_LIMITED']);
  });
});
