import { randomUUID } from 'node:crypto';
import { loadPolicy } from '@medikamente/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScheduleHarness, startScheduleSubgraph } from './harness';

// Who may call the reminder-settings operations, generated from schema/policy.yaml: every role
// (and no token at all) x every operation, straight at the schedule subgraph. An allowed call
// acts on the caller's own settings only; a refused one writes nothing.
const policy = loadPolicy();
const OPERATIONS: Record<string, { doc: string; vars: Record<string, unknown> }> = {
  'Query.reminderChannels': { doc: '{ reminderChannels { enabled webPushPublicKey } }', vars: {} },
  'Query.myReminderSettings': {
    doc: '{ myReminderSettings { patientId preferredChannel pushDevices } }',
    vars: {},
  },
  'Mutation.setReminderChannel': {
    doc: 'mutation($c: ReminderChannel!) { setReminderChannel(channel: $c) { settings { preferredChannel } inputErrors { code } } }',
    vars: { c: 'SMS' },
  },
  'Mutation.registerPushSubscription': {
    doc: 'mutation($i: PushSubscriptionInput!) { registerPushSubscription(input: $i) { settings { pushDevices } inputErrors { field } } }',
    vars: {
      i: {
        endpoint: `https://fcm.googleapis.com/fcm/send/${randomUUID()}`,
        p256dh: `B${'A'.repeat(86)}`,
        auth: 'AAAAAAAAAAAAAAAAAAAAAA',
      },
    },
  },
  'Mutation.removePushSubscription': {
    doc: 'mutation($e: String!) { removePushSubscription(endpoint: $e) { settings { pushDevices } } }',
    vars: { e: 'https://fcm.googleapis.com/fcm/send/none' },
  },
};

describe('reminder settings: operation matrix from the policy', () => {
  let h: ScheduleHarness;
  const rows = async () =>
    (
      await h.service.database.query<{ n: number }>(
        'select (select count(*) from reminder_setting) + (select count(*) from push_subscription) as n',
      )
    )[0]!.n;

  beforeAll(async () => {
    h = await startScheduleSubgraph({ NOTIFY_SMS_URL: 'http://127.0.0.1:9/sms', NOTIFY_SMS_TOKEN: 't' });
  });
  afterAll(() => h?.stop());

  it('every role x every operation: allowed exactly as policy.yaml says, refused calls write nothing', async () => {
    const ops = Object.keys(policy.operations).filter((o) =>
      /reminderChannels|ReminderSettings|ReminderChannel|PushSubscription/.test(o),
    );
    expect(ops.sort()).toEqual(Object.keys(OPERATIONS).sort());
    const roles = [...Object.keys(policy.roles), null];
    let checked = 0;
    for (const op of ops) {
      const rule = policy.operations[op]!;
      for (const role of roles) {
        const pid = randomUUID();
        const token = role
          ? await h.tokenFor(role === 'patient' ? { role, pid } : { role, sub: randomUUID() })
          : undefined;
        const before = await rows();
        const { doc, vars } = OPERATIONS[op]!;
        const r = await h.query(doc, vars, token);
        const allowed = role ? (rule.roles ?? []).includes(role) : rule.anonymous === true;
        if (allowed) {
          expect(r.errors, `${role} ${op}`).toBeUndefined();
        } else {
          expect(r.errors?.[0]?.extensions?.code, `${role ?? 'anonymous'} ${op}`).toMatch(
            /^(FORBIDDEN|UNAUTHENTICATED)$/,
          );
          expect(await rows(), `${role} ${op} wrote`).toBe(before);
        }
        checked++;
      }
    }
    expect(checked).toBe(ops.length * roles.length);
  });

  it('a patient reads and changes only their own settings; reading them is not audited (own data)', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const ta = await h.tokenFor({ role: 'patient', pid: a });
    const tb = await h.tokenFor({ role: 'patient', pid: b });
    await h.query(OPERATIONS['Mutation.setReminderChannel']!.doc, { c: 'SMS' }, ta);
    const audited = async () =>
      (await h.service.database.query<{ n: number }>('select count(*)::int as n from audit_event'))[0]!.n;
    const before = await audited();
    const mine = await h.query(OPERATIONS['Query.myReminderSettings']!.doc, {}, ta);
    const theirs = await h.query(OPERATIONS['Query.myReminderSettings']!.doc, {}, tb);
    expect(mine.data.myReminderSettings).toEqual({ patientId: a, preferredChannel: 'SMS', pushDevices: 0 });
    expect(theirs.data.myReminderSettings).toEqual({
      patientId: b,
      preferredChannel: 'EMAIL',
      pushDevices: 0,
    });
    expect(await audited()).toBe(before);
  });
});
