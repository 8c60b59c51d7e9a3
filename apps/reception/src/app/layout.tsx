import '@medikamente/web-kit/styles.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import { SignOutButton } from '@/components/sign-out-button';
import { sessions } from '@/server/web';

export const metadata: Metadata = { title: 'Медикаменте — регистратура', robots: { index: false } };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const account = await sessions.current();
  return (
    <html lang="ru">
      <body>
        <a className="skip" href="#content">
          К содержимому
        </a>
        <header className="top">
          <Link href="/" className="brand">
            Медикаменте · Регистратура
          </Link>
          {account ? (
            <>
              <nav aria-label="Разделы">
                {account.secondFactor ? (
                  <>
                    <Link href="/">Журнал</Link>
                    <Link href="/patients">Пациенты</Link>
                    <Link href="/calls">Обзвон</Link>
                  </>
                ) : null}
                <Link href="/security">Двухфакторный вход</Link>
              </nav>
              <span className="who">
                {account.displayName} <SignOutButton />
              </span>
            </>
          ) : null}
        </header>
        <main id="content" className="wide">
          <Providers>{children}</Providers>
        </main>
      </body>
    </html>
  );
}
