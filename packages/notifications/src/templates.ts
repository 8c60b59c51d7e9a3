import type { Message } from './channels/types';

export type ReminderMessageInput = {
  patientName: string;
  doctorName: string;
  /** Already formatted in the branch's zone, e.g. `25 ноября 2026 в 09:30`. */
  startsAtLocal: string;
  /** Branch name and address. */
  branchName: string;
  confirmUrl: string;
  cancelUrl: string;
};

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The patient's appointment reminder in Russian: an e-mail (text and HTML), a short form for
 * SMS/push/voice, and the confirm/cancel links as named actions.
 */
export function reminderMessage(input: ReminderMessageInput): Message {
  const { patientName, doctorName, startsAtLocal, branchName, confirmUrl, cancelUrl } = input;
  const where = branchName ? `, ${branchName}` : '';
  const text = [
    `Здравствуйте, ${patientName}!`,
    '',
    `Напоминаем о записи к врачу ${doctorName}: ${startsAtLocal}${where}.`,
    '',
    `Подтвердить визит: ${confirmUrl}`,
    `Отменить запись: ${cancelUrl}`,
    '',
    'Если планы изменились, пожалуйста, отмените запись заранее — время освободится для других пациентов.',
    'Это письмо отправлено автоматически, отвечать на него не нужно.',
  ].join('\n');
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="ru"><body style="font-family: sans-serif; line-height: 1.5">
<p>Здравствуйте, ${e(patientName)}!</p>
<p>Напоминаем о записи к врачу <b>${e(doctorName)}</b>: <b>${e(startsAtLocal)}</b>${e(where)}.</p>
<p><a href="${e(confirmUrl)}">Подтвердить визит</a> &nbsp;·&nbsp; <a href="${e(cancelUrl)}">Отменить запись</a></p>
<p style="color: #666">Если планы изменились, пожалуйста, отмените запись заранее — время освободится для других пациентов.</p>
</body></html>`;
  return {
    subject: `Напоминание о приёме ${startsAtLocal}`,
    text,
    html,
    short: `Приём у врача ${doctorName} ${startsAtLocal}${where}. Подтвердить: ${confirmUrl} Отменить: ${cancelUrl}`,
    links: { confirm: confirmUrl, cancel: cancelUrl },
  };
}

/**
 * "Your lab results are ready" in Russian: no values, no test names — only where to see them (the
 * portal shows released results after sign-in).
 */
export function labResultsReadyMessage(input: { patientName: string; resultsUrl: string }): Message {
  const { patientName, resultsUrl } = input;
  const e = escapeHtml;
  return {
    subject: 'Результаты анализов готовы',
    text: [
      `Здравствуйте, ${patientName}!`,
      '',
      'Врач проверил результаты ваших анализов. Посмотреть их можно в личном кабинете:',
      resultsUrl,
      '',
      'Это письмо отправлено автоматически, отвечать на него не нужно.',
    ].join('\n'),
    html: `<!doctype html>
<html lang="ru"><body style="font-family: sans-serif; line-height: 1.5">
<p>Здравствуйте, ${e(patientName)}!</p>
<p>Врач проверил результаты ваших анализов. <a href="${e(resultsUrl)}">Посмотреть в личном кабинете</a></p>
<p style="color: #666">Это письмо отправлено автоматически, отвечать на него не нужно.</p>
</body></html>`,
    short: `Результаты анализов готовы. Смотрите в личном кабинете: ${resultsUrl}`,
  };
}
