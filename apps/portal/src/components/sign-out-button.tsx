'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

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
