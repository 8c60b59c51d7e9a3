import '@medikamente/web-kit/styles.css';
import '@medikamente/web-kit/billing.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { LabAlertBanner, LabAlertsProvider } from '@/components/lab/alerts';
import { Providers } from '@/components/providers';
import { SignOutButton } from '@/components/sign-out-button';
import { ROLE_LABELS, sectionsOf } from '@/sections';
import { sessions } from '@/server/web';

export const metadata: Metadata = { title: 'Медикаменте — сотрудникам', robots: { index: false } };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const account = await sessions.current();
  // Each role sees only its own sections; without a second factor, only the enrolment page.
  const sections = account?.secondFactor ? sectionsOf(account.role) : [];
  return (
    <html lang="ru">
      <body>
        <a className="skip" href="#content">
          К содержимому
        </a>
        <header className="top">
          <Link href="/" className="brand">
            Медикаменте · {account ? (ROLE_LABELS[account.role] ?? 'Сотрудники') : 'Сотрудники'}
          </Link>
          {account ? (
            <>
              <nav aria-label="Разделы">
                {sections.map((s) => (
                  <Link key={s.href} href={s.href}>
                    {s.label}
                  </Link>
                ))}
                <Link href="/security">Двухфакторный вход</Link>
              </nav>
              <span className="who">
                {account.displayName} <SignOutButton />
              </span>
            </>
          ) : null}
        </header>
        <main id="content" className="wide">
          <Providers>
            {account?.secondFactor && account.role === 'doctor' ? (
              // A doctor's critical-value alerts reach every page live (banner; list on /lab).
              <LabAlertsProvider>
                <LabAlertBanner />
                {children}
              </LabAlertsProvider>
            ) : (
              children
            )}
          </Providers>
        </main>
      </body>
    </html>
  );
}
