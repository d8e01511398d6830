// The storefront's service worker for Web Push (#17): shows each message the store sends (the
// server encrypts it to this browser's subscription; the browser decrypts it before this runs) and
// opens the store when the notification is clicked. Payload: JSON { title, body, tag }.
self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  const title = typeof data.title === 'string' && data.title ? data.title : 'Loja';
  event.waitUntil(self.registration.showNotification(title, { body: typeof data.body === 'string' ? data.body : '', tag: typeof data.tag === 'string' ? data.tag : undefined }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(self.clients.openWindow(self.registration.scope));
});
