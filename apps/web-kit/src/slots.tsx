import { dayLabel, groupByDay, timeIn, zoneLabel } from './format';

export type SlotLike = { startsAt: string; endsAt: string; branch: { timeZone: string; name?: string } };

/**
 * Free slots grouped by local day of the branch, as buttons (keyboard and screen-reader usable:
 * each button says the day and time). Times are in the branch's zone, which is shown.
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
          <section key={day} className="card" aria-label={label}>
            <h3>{label}</h3>
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
          </section>
        );
      })}
    </div>
  );
}
