'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { ErrorBox, errorText, Loading, Notice } from '@medikamente/web-kit/ui';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { ReminderChannel } from '@/gql/graphql';
import {
  RegisterPushMutation,
  ReminderSettingsQuery,
  SetReminderChannelMutation,
} from '@/operations/reminders';

const LABELS: Record<ReminderChannel, string> = {
  EMAIL: 'E-mail',
  SMS: 'SMS',
  PUSH: 'Уведомление в браузере',
  VOICE: 'Звонок робота',
};

/** The VAPID key as PushManager wants it. */
function keyBytes(base64url: string): Uint8Array {
  const b64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/** Subscribes this browser to web push (asks for permission) and returns what the server stores. */
async function subscribeBrowser(publicKey: string) {
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) throw new Error('UNSUPPORTED');
  if ((await Notification.requestPermission()) !== 'granted') throw new Error('DENIED');
  const registration = await navigator.serviceWorker.register('/sw.js');
  await navigator.serviceWorker.ready;
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(publicKey) as BufferSource,
    }));
  const json = subscription.toJSON();
  return { endpoint: json.endpoint ?? '', p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' };
}

/** How the patient wants to be reminded of visits (the other enabled channels are fallbacks). */
export function ReminderSettings({ phone, email }: { phone: string | null; email: string | null }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ReminderSettingsQuery });
  /** The choice being saved (shown at once; back to the server's value if saving fails). */
  const [selected, setSelected] = useState<ReminderChannel | null>(null);
  const [, setChannel] = useMutation(SetReminderChannelMutation);
  const [, register] = useMutation(RegisterPushMutation);
  const [message, setMessage] = useState<{ kind: 'ok' | 'warn'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  if (fetching && !data) return <Loading />;
  if (error || !data)
    return <ErrorBox>{errorText(errorCode(error), 'Не удалось загрузить настройки напоминаний')}</ErrorBox>;
  const { myReminderSettings: mine, reminderChannels: channels } = data;

  async function choose(channel: ReminderChannel) {
    setBusy(true);
    setMessage(null);
    setSelected(channel);
    try {
      if (channel === 'PUSH' && (mine.pushDevices ?? 0) === 0) {
        const subscription = await subscribeBrowser(channels.webPushPublicKey ?? '');
        const r = await register({ input: subscription });
        if (r.data?.registerPushSubscription.inputErrors.length || r.error)
          throw new Error(errorCode(r.error) ?? 'BAD_SUBSCRIPTION');
      }
      const r = await setChannel({ channel });
      if (r.data?.setReminderChannel.settings) {
        setMessage({ kind: 'ok', text: 'Способ напоминаний сохранён' });
        refetch({ requestPolicy: 'network-only' });
      } else {
        setSelected(null);
        setMessage({ kind: 'warn', text: errorText(errorCode(r.error), 'Не удалось сохранить') });
      }
    } catch (e) {
      setSelected(null);
      const code = (e as Error).message;
      setMessage({
        kind: 'warn',
        text:
          code === 'DENIED'
            ? 'Браузер не разрешил уведомления. Разрешите их в настройках сайта и попробуйте снова.'
            : code === 'UNSUPPORTED'
              ? 'Этот браузер не поддерживает уведомления.'
              : 'Не удалось включить уведомления в этом браузере',
      });
    } finally {
      setBusy(false);
    }
  }

  const chosen = selected ?? mine.preferredChannel;
  const missing =
    (chosen === 'SMS' || chosen === 'VOICE') && !phone
      ? 'Телефон'
      : chosen === 'EMAIL' && !email
        ? 'E-mail'
        : null;
  const offered = channels.enabled.filter((c) => c !== 'PUSH' || channels.webPushPublicKey);
  if (offered.length === 0)
    return <Notice kind="warn">Напоминания о приёме в клинике пока не настроены.</Notice>;
  return (
    <section className="card stack" aria-labelledby="reminders-title">
      <h2 id="reminders-title" style={{ marginTop: 0 }}>
        Напоминания о приёме
      </h2>
      <p className="muted" style={{ margin: 0 }}>
        За сутки до приёма мы напомним о нём и дадим ссылки, чтобы подтвердить или отменить запись. Если
        выбранный способ не сработает, используем другой.
      </p>
      <fieldset disabled={busy} style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="muted">Как напоминать</legend>
        {offered.map((c) => (
          <label key={c} className="row" style={{ gap: 8 }}>
            <input
              type="radio"
              name="reminder-channel"
              value={c}
              checked={chosen === c}
              onChange={() => void choose(c)}
            />
            {LABELS[c]}
            {c === 'PUSH' && (mine.pushDevices ?? 0) > 0 ? ` (браузеров: ${mine.pushDevices})` : ''}
          </label>
        ))}
      </fieldset>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {missing ? (
        <Notice kind="warn">{missing} не указан в контактах — пока напомним другим способом.</Notice>
      ) : null}
    </section>
  );
}
