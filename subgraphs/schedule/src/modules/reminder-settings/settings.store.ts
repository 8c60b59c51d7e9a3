import type { Channel } from '@medikamente/notifications';
import type { Database } from '@medikamente/runtime';

export type ReminderChannel = 'EMAIL' | 'SMS' | 'PUSH' | 'VOICE';
export type ReminderSettingsRecord = {
  patientId: string;
  preferredChannel: ReminderChannel;
  pushDevices: number;
};
export type PushSubscriptionRecord = { endpoint: string; keys: { p256dh: string; auth: string } };

/** Default when the patient never chose: e-mail first (the reminder with links is richest there). */
export const DEFAULT_CHANNEL: ReminderChannel = 'EMAIL';
const MAX_DEVICES = 10;
export const toChannel = (c: ReminderChannel): Channel => c.toLowerCase() as Channel;

/** SQL of reminder settings and push subscriptions (one row per patient, one per browser). */
export class ReminderSettingsStore {
  constructor(private readonly db: Database) {}

  async forPatient(patientId: string): Promise<ReminderSettingsRecord> {
    const rows = await this.db.query<{ preferred_channel: string | null; devices: number }>(
      `select (select preferred_channel from reminder_setting where patient_id = $1) as preferred_channel,
              (select count(*)::int from push_subscription where patient_id = $1) as devices`,
      [patientId],
    );
    return {
      patientId,
      preferredChannel: (rows[0]?.preferred_channel as ReminderChannel | null) ?? DEFAULT_CHANNEL,
      pushDevices: Number(rows[0]?.devices ?? 0),
    };
  }

  async setChannel(patientId: string, channel: ReminderChannel): Promise<void> {
    await this.db.query(
      `insert into reminder_setting (patient_id, preferred_channel) values ($1, $2)
       on conflict (patient_id) do update set preferred_channel = excluded.preferred_channel, updated_at = now()`,
      [patientId, channel],
    );
  }

  /**
   * Stores a browser's subscription; an endpoint moves to the patient who registered it last.
   * A patient keeps at most {@link MAX_DEVICES} browsers (the oldest are forgotten).
   */
  async addPush(patientId: string, s: PushSubscriptionRecord): Promise<void> {
    await this.db.query(
      `insert into push_subscription (endpoint, patient_id, p256dh, auth) values ($1, $2, $3, $4)
       on conflict (endpoint) do update set patient_id = excluded.patient_id, p256dh = excluded.p256dh,
         auth = excluded.auth, created_at = now()`,
      [s.endpoint, patientId, s.keys.p256dh, s.keys.auth],
    );
    await this.db.query(
      `delete from push_subscription where patient_id = $1 and endpoint not in
         (select endpoint from push_subscription where patient_id = $1 order by created_at desc limit $2)`,
      [patientId, MAX_DEVICES],
    );
  }

  /** Removes one of the patient's own subscriptions (someone else's endpoint is left alone). */
  async removePush(patientId: string, endpoint: string): Promise<void> {
    await this.db.query('delete from push_subscription where endpoint = $1 and patient_id = $2', [
      endpoint,
      patientId,
    ]);
  }

  /** A subscription the push service reported gone (404/410). */
  async forgetPush(endpoint: string): Promise<void> {
    await this.db.query('delete from push_subscription where endpoint = $1', [endpoint]);
  }

  /** The patient's channel choice and newest push subscription, for sending a reminder. */
  async deliveryFor(
    patientId: string,
  ): Promise<{ preferred: ReminderChannel; push: PushSubscriptionRecord | null }> {
    const rows = await this.db.query<{
      preferred_channel: string | null;
      endpoint: string | null;
      p256dh: string | null;
      auth: string | null;
    }>(
      `select (select preferred_channel from reminder_setting where patient_id = $1) as preferred_channel,
              p.endpoint, p.p256dh, p.auth
       from (select 1) one
       left join lateral (select endpoint, p256dh, auth from push_subscription
                          where patient_id = $1 order by created_at desc limit 1) p on true`,
      [patientId],
    );
    const r = rows[0];
    return {
      preferred: (r?.preferred_channel as ReminderChannel | null) ?? DEFAULT_CHANNEL,
      push:
        r?.endpoint && r.p256dh && r.auth
          ? { endpoint: r.endpoint, keys: { p256dh: r.p256dh, auth: r.auth } }
          : null,
    };
  }
}
