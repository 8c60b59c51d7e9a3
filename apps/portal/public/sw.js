// Service worker of the patient portal: shows reminder notifications sent by web push.
// The payload is { title, body, links: { confirm, cancel } } (see packages/notifications).
self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { title: 'Медикаменте', body: event.data ? event.data.text() : '' };
  }
  const links = data.links || {};
  const actions = [];
  if (links.confirm) actions.push({ action: 'confirm', title: 'Подтвердить' });
  if (links.cancel) actions.push({ action: 'cancel', title: 'Отменить' });
  event.waitUntil(
    self.registration.showNotification(data.title || 'Напоминание о приёме', {
      body: data.body || '',
      icon: '/icon.svg',
      data: links,
      actions,
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const links = event.notification.data || {};
  // The buttons open the single-use confirm/cancel page; the notification itself the visit list.
  const url = links[event.action] || '/appointments';
  event.waitUntil(self.clients.openWindow(url));
});
