'use client';

import { useState } from 'react';
import {
  addDays,
  dateOnly,
  dayLabel,
  groupByDay,
  relativeDayLabel,
  shortDayLabel,
  timeIn,
  zoneLabel,
} from './format';

export type SlotLike = { startsAt: string; endsAt: string; branch: { timeZone: string; name?: string } };

function SlotButtons<T extends SlotLike>({
  items,
  label,
  onPick,
  disabled,
}: {
  items: readonly T[];
  label: string;
  onPick: (slot: T) => void;
  disabled?: boolean;
}) {
  return (
    <div className="slots">
      {items.map((s) => {
        const t = timeIn(s.startsAt, s.branch.timeZone);
        return (
          <button
            key={s.startsAt}
            type="button"
            className="secondary"
            disabled={disabled}
            aria-label={`${label}, ${t}`}
            data-starts-at={s.startsAt}
            onClick={() => onPick(s)}
          >
            {t}
          </button>
        );
      })}
    </div>
  );
}

/**
 * Free slots grouped by local day of the branch, as buttons (keyboard and screen-reader usable:
 * each button says the day and time). Times are in the branch's zone, which is shown. For short
 * lists (alternatives to a taken time); a schedule uses SlotPicker.
 */
export function SlotGrid<T extends SlotLike>({
  slots,
  onPick,
  disabled,
  emptyText = 'Свободного времени в эти дни нет',
}: {
  slots: readonly T[];
  onPick: (slot: T) => void;
  disabled?: boolean;
  emptyText?: string;
}) {
  if (!slots.length) return <p className="muted">{emptyText}</p>;
  const zone = slots[0]!.branch.timeZone;
  const days = groupByDay(
    slots,
    (s) => s.startsAt,
    (s) => s.branch.timeZone,
  );
  return (
    <div>
      <p className="muted">
        Время указано по часовому поясу филиала:{' '}
        <strong>{zoneLabel(zone, new Date(slots[0]!.startsAt))}</strong>
      </p>
      {days.map(({ day, items }) => {
        const label = dayLabel(items[0]!.startsAt, items[0]!.branch.timeZone);
        return (
          <div key={day} className="card">
            <h3>{label}</h3>
            <SlotButtons items={items} label={label} onPick={onPick} disabled={disabled} />
          </div>
        );
      })}
    </div>
  );
}

const plural = new Intl.PluralRules('ru-RU');
const WINDOWS: Record<string, string> = { one: 'окно', few: 'окна', many: 'окон', other: 'окна' };

/** How many days of slots are shown at once. */
export const DAYS_SHOWN = 2;
/** The days a picker covers (one query). */
export const WEEK_DAYS = 7;

/**
 * A week of free slots as a day picker: the seven days with how many free times each has, and the
 * slots of the chosen day and the next days with free time (DAYS_SHOWN at once). Opens on the day
 * of the nearest free time, which is named first. `from` is the week's first local date;
 * `onWeek(±1)` asks the parent for another week.
 */
export function SlotPicker<T extends SlotLike>({
  slots,
  from,
  timeZone,
  onPick,
  onWeek,
  canGoBack,
  disabled,
}: {
  slots: readonly T[];
  from: string;
  timeZone: string;
  onPick: (slot: T) => void;
  onWeek: (delta: 1 | -1) => void;
  canGoBack: boolean;
  disabled?: boolean;
}) {
  const [picked, setPicked] = useState<string | null>(null);
  const byDay = new Map(
    groupByDay(
      slots,
      (s) => s.startsAt,
      () => timeZone,
    ).map((g) => [g.day, g.items]),
  );
  const days = Array.from({ length: WEEK_DAYS }, (_, i) => addDays(from, i));
  const withSlots = days.filter((d) => byDay.has(d));
  const selected = picked && byDay.has(picked) ? picked : (withSlots[0] ?? null);
  const shown = selected ? withSlots.filter((d) => d >= selected).slice(0, DAYS_SHOWN) : [];
  const nearest = slots[0];
  const noon = (d: string) => `${d}T12:00:00Z`;
  return (
    <div className="slot-picker">
      <p className="muted" style={{ margin: '0 0 8px' }}>
        Время приёма — <strong>{zoneLabel(timeZone, new Date(noon(from)))}</strong>
      </p>
      <p className="week-title" aria-live="polite">
        Неделя {dateOnly(from)} – {dateOnly(days[days.length - 1]!)}
      </p>
      <div className="row week-nav">
        <button
          type="button"
          className="secondary small"
          disabled={!canGoBack}
          onClick={() => {
            setPicked(null);
            onWeek(-1);
          }}
        >
          ← Предыдущая неделя
        </button>
        <button
          type="button"
          className="secondary small"
          onClick={() => {
            setPicked(null);
            onWeek(1);
          }}
        >
          Следующая неделя →
        </button>
      </div>
      <fieldset className="days">
        <legend className="sr-only">
          Дни с {dateOnly(from)} по {dateOnly(days[days.length - 1]!)}
        </legend>
        {days.map((d) => {
          const count = byDay.get(d)?.length ?? 0;
          return (
            <button
              key={d}
              type="button"
              className="day secondary"
              aria-pressed={d === selected}
              disabled={count === 0}
              data-day={d}
              onClick={() => setPicked(d)}
            >
              <span className="day-name">{shortDayLabel(noon(d), 'UTC')}</span>
              <span className="day-count">
                {count ? `${count} ${WINDOWS[plural.select(count)]}` : 'нет мест'}
              </span>
            </button>
          );
        })}
      </fieldset>
      {nearest && selected === withSlots[0] ? (
        <p style={{ margin: '10px 0 4px' }}>
          Ближайшее свободное время:{' '}
          <strong>
            {relativeDayLabel(nearest.startsAt, timeZone)}, {timeIn(nearest.startsAt, timeZone)}
          </strong>
        </p>
      ) : null}
      {!withSlots.length ? (
        <p className="muted">На этой неделе свободного времени нет — посмотрите следующую неделю.</p>
      ) : null}
      {shown.map((d) => {
        const items = byDay.get(d)!;
        const label = dayLabel(items[0]!.startsAt, timeZone);
        return (
          <section key={d} className="card" aria-label={label} data-day={d}>
            <h3>{relativeDayLabel(items[0]!.startsAt, timeZone)}</h3>
            <SlotButtons items={items} label={label} onPick={onPick} disabled={disabled} />
          </section>
        );
      })}
    </div>
  );
}
