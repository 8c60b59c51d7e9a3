'use client';

import { createBffClient } from '@medikamente/web-kit/client';
import { RussianValidation } from '@medikamente/web-kit/validation';
import { usePathname, useRouter } from 'next/navigation';
import { type ReactNode, useMemo, useRef } from 'react';
import { Provider } from 'urql';

/** urql over reception's BFF; an ended session goes back to the sign-in page. */
export function Providers({ children }: { children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const where = useRef(pathname);
  where.current = pathname;
  const client = useMemo(
    () =>
      createBffClient(() => {
        if (!where.current.startsWith('/signin'))
          router.push(`/signin?next=${encodeURIComponent(where.current)}`);
      }),
    [router],
  );
  return (
    <Provider value={client}>
      <RussianValidation />
      {children}
    </Provider>
  );
}
