import { randomUUID } from 'node:crypto';
import { startSmtp } from '@medikamente/notifications/testing';
import { codes } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LabHarness, startLabSubgraph } from './harness';
import { collectedOrder, LAB_ORDER, line, newPartnerId, partnerToken, postResults } from './lab-helpers';
import { subscribeAlerts } from './live';

// Unacknowledged critical alerts escalate after a second to the configured colleague.
const colleagueId = `colleague-${randomUUID()}`;
let h: LabHarness;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
  h = await startLabSubgraph({
    CRITICAL_ESCALATION_SEC: '1',
    ALERT_CHECK_MS: '100',
    CRITICAL_ESCALATION_ACCOUNT_ID: colleagueId,
    NOTIFY_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    LAB_ESCALATION_EMAIL: 'head@medikamente.local',
  });
});
afterAll(async () => {
  await h?.stop();
  await smtp?.close();
});

/** Waits for a condition to hold (a lock-up fails with a message, not a test timeout). */
async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  const end = Date.now() + 15_000;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`${what}: never happened`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('escalation of unacknowledged critical values', () => {
  it('goes live to the colleague, who may then read the result; the escalation mailbox is told', async () => {
    const p = newPartnerId();
    const token = await partnerToken(h, p);
    const c = await collectedOrder(h, p, ['K']);
    const stranger = await collectedOrder(h, p, ['K']);
    const colleague = await h.tokenFor({ role: 'doctor', sub: colleagueId });
    // Before: the colleague has no care relationship with the patient.
    expect(codes(await h.query(LAB_ORDER, { id: c.order.id }, colleague))).toEqual(['FORBIDDEN']);
    const [doctorLive, colleagueLive, strangerLive] = await Promise.all([
      subscribeAlerts(h, c.doctor),
      subscribeAlerts(h, colleague),
      subscribeAlerts(h, stranger.doctor),
    ]);

    await postResults(h, token, c.order.specimenCode, [
      line(c.code('K'), { numeric: 6.95, unit: 'ммоль/л' }),
    ]);
    const raised = await doctorLive.next((e) => e.data?.labAlertRaised?.orderId === c.order.id);
    const alertId = raised.data.labAlertRaised.id;
    expect(raised.data.labAlertRaised.escalatedTo).toBeNull();
    const escalated = await colleagueLive.next((e) => e.data?.labAlertRaised?.id === alertId);
    expect(escalated.data.labAlertRaised).toMatchObject({
      orderId: c.order.id,
      flag: 'HH',
      doctorAccountId: c.doctorId,
      escalatedTo: colleagueId,
      result: { numeric: 6.95, flag: 'HH' },
    });
    expect(escalated.data.labAlertRaised.steps).toEqual(
      expect.arrayContaining([
        { step: 'RAISED', accountId: c.doctorId },
        { step: 'ESCALATED', accountId: colleagueId },
      ]),
    );
    // The escalation went to the colleague only: the ordering doctor got the raise, nothing else.
    expect(doctorLive.received.map((e) => e.data?.labAlertRaised?.escalatedTo)).toEqual([null]);

    // Care through the escalation: the colleague reads the order and its result.
    const seen = await h.query(LAB_ORDER, { id: c.order.id }, colleague);
    expect(seen.data.labOrder.results).toMatchObject([{ numeric: 6.95, flag: 'HH', critical: true }]);
    // The escalation e-mail names the alert only.
    const mail = await eventually(
      () => smtp.mails.find((m) => m.text?.includes(alertId)),
      'escalation e-mail',
    );
    expect(JSON.stringify(mail.to)).toContain('head@medikamente.local');
    for (const secret of [c.patientId, c.order.specimenCode, '6.95', '6,95', 'Калий', c.doctorId])
      expect(`${mail.subject}\n${mail.text}`).not.toContain(secret);
    // The colleague acknowledges.
    const ack = await h.query(
      'mutation ($id: ID!) { acknowledgeLabAlert(alertId: $id) { ok alert { acknowledgedBy } } }',
      { id: alertId },
      colleague,
    );
    expect(ack.data.acknowledgeLabAlert).toEqual({ ok: true, alert: { acknowledgedBy: colleagueId } });

    const steps = await h.service.database.query<{
      step: string;
      account_id: string | null;
      detail: string | null;
    }>('select step, account_id, detail from lab_alert_step where alert_id = $1 order by id', [alertId]);
    expect(steps.map((s) => [s.step, s.account_id, s.detail])).toEqual([
      ['RAISED', c.doctorId, null],
      ['ESCALATED', colleagueId, null],
      ['NOTIFIED', null, 'email:escalation'],
      ['ACKNOWLEDGED', colleagueId, null],
    ]);

    // Another doctor gets their own alert, and never got the first one (NOTIFY keeps order).
    await postResults(h, token, stranger.order.specimenCode, [
      line(stranger.code('K'), { numeric: 7.4, unit: 'ммоль/л' }),
    ]);
    await strangerLive.next((e) => e.data?.labAlertRaised?.orderId === stranger.order.id);
    expect(strangerLive.received.map((e) => e.data?.labAlertRaised?.orderId)).toEqual([stranger.order.id]);
    await Promise.all([doctorLive.close(), colleagueLive.close(), strangerLive.close()]);
  });
});
