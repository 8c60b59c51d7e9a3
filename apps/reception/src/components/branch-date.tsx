'use client';

import { DateField } from '@medikamente/web-kit/date-field';
import { todayIn, zoneLabel } from '@medikamente/web-kit/format';
import { ErrorBox, Loading } from '@medikamente/web-kit/ui';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { useQuery } from 'urql';
import { MeQuery } from '@/operations/catalog';

export type Branch = { id: string; name: string; address: string; timeZone: string };

/**
 * Branch selector (the receptionist's branches) and a date in the branch's zone, kept in the
 * URL (`?branch=…&date=…`) so a page can be reloaded or shared inside the team.
 */
export function BranchDate({
  children,
  dateOffset = 0,
  showDate = true,
}: {
  children: (ctx: { branch: Branch; date: string }) => ReactNode;
  dateOffset?: number;
  showDate?: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [{ data, fetching, error }] = useQuery({ query: MeQuery });
  if (fetching && !data) return <Loading />;
  if (error || !data?.me) return <ErrorBox>Не удалось загрузить филиалы</ErrorBox>;
  const mine = data.branches.filter((b) => !data.me!.branchIds.length || data.me!.branchIds.includes(b.id));
  if (!mine.length)
    return <ErrorBox>Вы не прикреплены ни к одному филиалу. Обратитесь к администратору.</ErrorBox>;
  const branch = mine.find((b) => b.id === params.get('branch')) ?? mine[0]!;
  const today = todayIn(branch.timeZone);
  const date = params.get('date') ?? (dateOffset ? shift(today, dateOffset) : today);
  const go = (next: Record<string, string>) => {
    const q = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(next)) q.set(k, v);
    router.replace(`${pathname}?${q.toString()}`);
  };
  return (
    <>
      <fieldset className="row card">
        <legend className="sr-only">Филиал и дата</legend>
        <div className="field">
          <label htmlFor="branch">Филиал</label>
          <select id="branch" value={branch.id} onChange={(e) => go({ branch: e.target.value })}>
            {mine.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        {showDate ? (
          <div className="field">
            <DateField id="date" label="Дата" value={date} onDate={(d) => d !== date && go({ date: d })} />
          </div>
        ) : null}
        {showDate ? (
          <div className="row">
            <button
              type="button"
              className="secondary small"
              onClick={() => go({ date: shift(date, -1) })}
              aria-label="Предыдущий день"
            >
              ←
            </button>
            <button type="button" className="secondary small" onClick={() => go({ date: today })}>
              Сегодня
            </button>
            <button
              type="button"
              className="secondary small"
              onClick={() => go({ date: shift(date, 1) })}
              aria-label="Следующий день"
            >
              →
            </button>
          </div>
        ) : null}
        <p className="muted" style={{ margin: 0 }}>
          {branch.address}
          <br />
          Часовой пояс: {zoneLabel(branch.timeZone)}
        </p>
      </fieldset>
      {children({ branch, date })}
    </>
  );
}

function shift(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
