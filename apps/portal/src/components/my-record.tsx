'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { dateOnly, dateTimeIn, dayKey } from '@medikamente/web-kit/format';
import { VisitContent } from '@medikamente/web-kit/record';
import { Empty, ErrorBox, errorText, Loading } from '@medikamente/web-kit/ui';
import { useQuery } from 'urql';
import { MyRecordQuery } from '@/operations/record';
import { VisitPdfButton } from './visit-pdf-button';

const CLINIC_ZONE = 'Europe/Moscow';

/**
 * "Моя медкарта": the patient's signed visits, newest first — conclusion, diagnoses,
 * recommendations, prescriptions, referrals and addenda, a note when a visit was corrected, and
 * the visit summary as PDF. Drafts never reach this page (the API does not return them).
 */
export function MyRecord() {
  const [{ data, fetching, error }] = useQuery({ query: MyRecordQuery });
  if (fetching && !data) return <Loading />;
  if (!data) return <ErrorBox>{errorText(errorCode(error), 'Не удалось загрузить медкарту')}</ErrorBox>;
  const zones = new Map(data.branches.map((b) => [b.id, b]));
  const doctors = new Map(data.specialists.map((s) => [s.accountId, s]));
  const visits = data.myRecord.filter((v) => v.current);
  if (!visits.length)
    return <Empty>Подписанных заключений пока нет. Они появятся здесь после приёма у врача.</Empty>;
  return (
    <ul className="list">
      {visits.map((v) => {
        const branch = v.branchId ? zones.get(v.branchId) : undefined;
        const tz = branch?.timeZone ?? CLINIC_ZONE;
        const doctor = v.doctorAccountId ? doctors.get(v.doctorAccountId) : undefined;
        const c = v.current!;
        const day = v.startedAt ? dateOnly(dayKey(v.startedAt, tz)) : '';
        return (
          <li key={v.id} className="card" data-visit-id={v.id}>
            <h2 style={{ marginTop: 0 }}>
              Приём {day}
              {doctor ? ` — ${doctor.displayName}` : ''}
            </h2>
            <p className="muted" style={{ margin: 0 }}>
              {[doctor?.specialties.join(', '), branch?.name].filter(Boolean).join(' · ')}
            </p>
            {c.number && c.number > 1 && c.signedAt ? (
              <p className="version-note" data-testid="version-note">
                Заключение исправлено врачом {dateTimeIn(c.signedAt, tz)}.
                {c.reason ? ` Причина: ${c.reason}` : ''}
              </p>
            ) : null}
            <VisitContent content={c} level={3} />
            {v.addenda?.length ? (
              <div className="record-part" data-field="addenda">
                <h3>Дополнения врача</h3>
                <ul>
                  {v.addenda.map((a) => (
                    <li key={a.id}>
                      <span className="pre">{a.text}</span>{' '}
                      <span className="muted">{a.signedAt ? dateTimeIn(a.signedAt, tz) : ''}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <VisitPdfButton versionId={c.id} day={day} />
          </li>
        );
      })}
    </ul>
  );
}
