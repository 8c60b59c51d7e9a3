import { startSmtp } from '@medikamente/notifications/testing';
import { codes } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LabHarness, startLabSubgraph } from './harness';
import { collectedOrder, line, newPartnerId, partnerToken, postResults, rowsOf } from './lab-helpers';
import { subscribeAlerts } from './live';

// Escalation after the default 15 minutes: nothing escalates by itself during these tests.
let h: LabHarness;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
  h = await startLabSubgraph({
    NOTIFY_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    LAB_ALERT_EMAIL: 'oncall@medikamente.local',
  });
});
afterAll(async () => {
  await h?.stop();
  await smtp?.close();
});

const ACK = /* GraphQL */ `
  mutation ($id: ID!) { acknowledgeLabAlert(alertId: $id) { ok alert { id acknowledgedBy steps { step accountId } } } }`;
const ALERTS = /* GraphQL */ `
  query ($all: Boolean) { labAlerts(includeAcknowledged: $all) { id flag result { numeric } } }`;

/** A collected potassium order of a new doctor and patient, and its partner's token. */
async function potassium(note?: string) {
  const p = newPartnerId();
  const c = await collectedOrder(h, p, ['K'], note ? { note } : {});
  return { ...c, token: await partnerToken(h, p) };
}
const alertsOf = (orderId: string) =>
  h.service.database.query<{ id: string }>('select id from lab_alert where order_id = $1', [orderId]);
const stepsOf = async (alertId: string) =>
  (
    await h.service.database.query<{ step: string; account_id: string | null; detail: string | null }>(
      'select step, account_id, detail from lab_alert_step where alert_id = $1 order by id',
      [alertId],
    )
  ).map((s) => [s.step, s.account_id, s.detail]);

describe('critical values', () => {
  it('raise an alert the ordering doctor gets live, and an e-mail without names or values', async () => {
    const c = await potassium('Пациентка Смирнова, гиперкалиемия в анамнезе');
    const other = await potassium();
    const mine = await subscribeAlerts(h, c.doctor);
    const theirs = await subscribeAlerts(h, other.doctor);
    const mailsBefore = smtp.mails.length;
    const r = await postResults(h, c.token, c.order.specimenCode, [
      line(c.code('K'), { numeric: 6.93, unit: 'ммоль/л' }),
    ]);
    expect(r.data.postLabResults.ok).toBe(true);
    const [alert] = await alertsOf(c.order.id);
    expect(await stepsOf(alert!.id)).toEqual([
      ['RAISED', c.doctorId, null],
      ['NOTIFIED', null, 'email'],
    ]);

    const event = await mine.next((e) => e.data?.labAlertRaised?.id === alert!.id);
    expect(event.data.labAlertRaised).toMatchObject({
      orderId: c.order.id,
      flag: 'HH',
      doctorAccountId: c.doctorId,
      escalatedTo: null,
      result: { numeric: 6.93, flag: 'HH' },
    });
    // The other doctor: once their own alert arrives, the first one has not (NOTIFY keeps order).
    await postResults(h, other.token, other.order.specimenCode, [
      line(other.code('K'), { numeric: 2.1, unit: 'ммоль/л' }),
    ]);
    const own = await theirs.next((e) => e.data?.labAlertRaised?.orderId === other.order.id);
    expect(own.data.labAlertRaised.flag).toBe('LL');
    expect(theirs.received.map((e) => e.data?.labAlertRaised?.id)).toEqual([own.data.labAlertRaised.id]);
    expect(mine.received.map((e) => e.data?.labAlertRaised?.id)).toEqual([alert!.id]);
    await Promise.all([mine.close(), theirs.close()]);

    // The on-call mailbox: one e-mail per critical value, naming the alert only.
    const mails = smtp.mails.slice(mailsBefore);
    expect(mails).toHaveLength(2);
    const mail = mails.find((m) => m.text?.includes(alert!.id))!;
    expect(JSON.stringify(mail.to)).toContain('oncall@medikamente.local');
    expect(mail.subject).toBe('Критическое значение анализа');
    for (const secret of [
      c.patientId,
      c.order.id,
      c.order.specimenCode,
      '6.93',
      '6,93',
      'Калий',
      'Смирнова',
      c.doctorId,
    ])
      expect(`${mail.subject}\n${mail.text}\n${mail.html || ''}`).not.toContain(secret);
  });

  it('are acknowledged by the doctor they are for; a stranger gets NOT_FOUND and changes nothing', async () => {
    const c = await potassium();
    await postResults(h, c.token, c.order.specimenCode, [
      line(c.code('K'), { numeric: 7.2, unit: 'ммоль/л' }),
    ]);
    const [alert] = await alertsOf(c.order.id);
    expect((await h.query(ALERTS, {}, c.doctor)).data.labAlerts).toEqual([
      { id: alert!.id, flag: 'HH', result: { numeric: 7.2 } },
    ]);
    const stranger = await potassium();
    const refused = await h.query(ACK, { id: alert!.id }, stranger.doctor);
    expect(codes(refused)).toEqual(['NOT_FOUND']);
    expect(codes(await h.query(ACK, { id: alert!.id }, c.patient))).toEqual(['FORBIDDEN']);
    expect((await h.query(ALERTS, {}, stranger.doctor)).data.labAlerts).toEqual([]);
    expect((await stepsOf(alert!.id)).map((s) => s[0])).toEqual(['RAISED', 'NOTIFIED']);

    const ack = await h.query(ACK, { id: alert!.id }, c.doctor);
    expect(ack.data.acknowledgeLabAlert).toMatchObject({ ok: true, alert: { acknowledgedBy: c.doctorId } });
    expect(ack.data.acknowledgeLabAlert.alert.steps.map((s: { step: string }) => s.step)).toEqual([
      'RAISED',
      'NOTIFIED',
      'ACKNOWLEDGED',
    ]);
    // A repeat changes nothing; open alerts no longer list it.
    await h.query(ACK, { id: alert!.id }, c.doctor);
    expect((await stepsOf(alert!.id)).map((s) => s[0])).toEqual(['RAISED', 'NOTIFIED', 'ACKNOWLEDGED']);
    expect((await h.query(ALERTS, {}, c.doctor)).data.labAlerts).toEqual([]);
    expect(
      (await h.query(ALERTS, { all: true }, c.doctor)).data.labAlerts.map((a: { id: string }) => a.id),
    ).toEqual([alert!.id]);
  });

  it('escalate only when unacknowledged once due', async () => {
    const acked = await potassium();
    const open = await potassium();
    for (const s of [acked, open])
      await postResults(h, s.token, s.order.specimenCode, [
        line(s.code('K'), { numeric: 6.7, unit: 'ммоль/л' }),
      ]);
    const [a] = await alertsOf(acked.order.id);
    const [b] = await alertsOf(open.order.id);
    await h.query(ACK, { id: a!.id }, acked.doctor);
    // Both due now (as the clock would make them); the escalation check runs.
    await h.service.database.query(
      "update lab_alert set escalate_at = now() - interval '1 second' where id = any($1::uuid[])",
      [[a!.id, b!.id]],
    );
    await h.service.services.alerts.escalateDue();
    expect((await stepsOf(a!.id)).map((s) => s[0])).toEqual(['RAISED', 'NOTIFIED', 'ACKNOWLEDGED']);
    expect((await stepsOf(b!.id)).map((s) => s[0])).toEqual(['RAISED', 'NOTIFIED', 'ESCALATED']);
    // Escalated once: a second run changes nothing.
    await h.service.services.alerts.escalateDue();
    expect((await stepsOf(b!.id)).map((s) => s[0])).toEqual(['RAISED', 'NOTIFIED', 'ESCALATED']);
  });

  it('keeps every step append-only; a normal value raises nothing', async () => {
    const c = await potassium();
    await postResults(h, c.token, c.order.specimenCode, [
      line(c.code('K'), { numeric: 6.6, unit: 'ммоль/л' }),
    ]);
    const [alert] = await alertsOf(c.order.id);
    for (const sql of [
      "update lab_alert_step set step = 'ACKNOWLEDGED' where alert_id = $1",
      'delete from lab_alert_step where alert_id = $1',
    ])
      await expect(h.service.database.query(sql, [alert!.id])).rejects.toThrow(/append-only/);
    expect((await stepsOf(alert!.id)).map((s) => s[0])).toEqual(['RAISED', 'NOTIFIED']);
    const normal = await potassium();
    await postResults(h, normal.token, normal.order.specimenCode, [
      line(normal.code('K'), { numeric: 4.1, unit: 'ммоль/л' }),
    ]);
    expect(await rowsOf(h, normal.order.id)).toMatchObject({ results: 1, alerts: 0 });
  });

  it('are not for patients to subscribe to', async () => {
    const c = await potassium();
    const s = await subscribeAlerts(h, c.patient);
    expect(s.errors).toEqual([[expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]]);
    expect(s.received).toEqual([]);
    await s.close();
  });
});
