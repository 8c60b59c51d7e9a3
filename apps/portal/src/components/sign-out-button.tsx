'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { RemovePushMutation } from '@/operations/reminders';

/**
 * Reminders (with their confirm/cancel links) must not keep arriving in this browser for the
 * next person who uses it: its push subscription is removed at the clinic and in the browser.
 */
async function forgetThisBrowser() {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const subscription = await registration?.pushManager.getSubscription();
    if (!subscription) return;
    await fetch('/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        documentId: (RemovePushMutation as unknown as { documentId: string }).documentId,
        variables: { endpoint: subscription.endpoint },
      }),
    });
    await subscription.unsubscribe();
  } catch {
    // No service worker support or no subscription: nothing to forget.
  }
}

export function SignOutButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="secondary small"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        await forgetThisBrowser();
        await fetch('/api/auth/signout', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        router.push('/');
        router.refresh();
      }}
    >
      Выйти
    </button>
  );
}
