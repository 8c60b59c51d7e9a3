import type { Metadata } from 'next';
import { ReminderLink } from '@/components/reminder-link';

export const metadata: Metadata = { title: 'Напоминание о приёме — Медикаменте', robots: { index: false } };

export default async function ReminderPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <>
      <h1>Напоминание о приёме</h1>
      <ReminderLink token={decodeURIComponent(token)} />
    </>
  );
}
