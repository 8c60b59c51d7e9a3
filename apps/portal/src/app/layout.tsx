import '@medikamente/web-kit/styles.css';
import '@medikamente/web-kit/billing.css';
import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import { SignOutButton } from '@/components/sign-out-button';
import { sessions } from '@/server/web';

export const metadata: Metadata = {
  title: 'Медикаменте — запись к врачу',
  description: 'Личный кабинет пациента',
};
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

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
            Медикаменте
          </Link>
          <nav aria-label="Основное меню">
            <Link href="/">Найти врача</Link>
            {account ? (
              <>
                <Link href="/appointments">Мои записи</Link>
                <Link href="/record">Моя медкарта</Link>
                <Link href="/labs">Мои анализы</Link>
                <Link href="/payments">Договоры и оплаты</Link>
                <Link href="/profile">Профиль</Link>
                <Link href="/consents">Согласия</Link>
              </>
            ) : null}
          </nav>
          {account ? (
            <span className="who">
              {account.displayName} <SignOutButton />
            </span>
          ) : (
            <span className="who">
              <Link href="/signin">Войти</Link> · <Link href="/signup">Регистрация</Link>
            </span>
          )}
        </header>
        <main id="content">
          <Providers>{children}</Providers>
        </main>
      </body>
    </html>
  );
}
