'use client';

import { dateOnly, dateTimeIn, dayKey } from '@medikamente/web-kit/format';
import { diagnosisLine, VERSION_STATUS_LABELS, VisitContent } from '@medikamente/web-kit/record';
import { Empty } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { VisitFieldsFragment, VisitVersionFieldsFragment } from '@/gql/graphql';
import { nameOf } from './labels';
import type { Directory } from './use-directory';

type Visit = VisitFieldsFragment;
type Version = VisitVersionFieldsFragment;

/** What a version says about itself when it is not the first one: a correction or an error mark. */
export function VersionNote({ version, dir, zone }: { version: Version; dir: Directory; zone: string }) {
  if (!version.number || version.number < 2 || !version.signedAt) return null;
  const who = nameOf(dir.names, version.signedBy);
  const when = dateTimeIn(version.signedAt, zone);
  return (
    <p className="version-note" data-version-status={version.status}>
      {version.status === 'ENTERED_IN_ERROR'
        ? `Отмечен как внесённый ошибочно ${when} (${who}). Пациенту не показывается.`
        : `Исправлено ${when} (${who}), версия ${version.number}.`}
      {version.reason ? ` Причина: ${version.reason}` : ''}
    </p>
  );
}

/** The versions of a visit, oldest first, with their reasons and content hashes. */
export function VersionHistory({ visit, dir }: { visit: Visit; dir: Directory }) {
  const versions = visit.versions ?? [];
  if (!versions.length) return null;
  const zone = dir.zoneOf(visit.branchId);
  return (
    <details className="versions">
      <summary>История версий ({versions.length})</summary>
      <ol>
        {versions.map((v) => (
          <li key={v.id} data-version={v.number}>
            Версия {v.number}: {VERSION_STATUS_LABELS[v.status ?? ''] ?? v.status}
            {v.signedAt ? `, ${dateTimeIn(v.signedAt, zone)}` : ''}, {nameOf(dir.names, v.signedBy)}
            {v.reason ? <div>Причина: {v.reason}</div> : null}
            <div className="muted">SHA-256: {v.contentHash?.slice(0, 16)}…</div>
          </li>
        ))}
      </ol>
    </details>
  );
}

export function Addenda({ visit, dir }: { visit: Visit; dir: Directory }) {
  if (!visit.addenda?.length) return null;
  const zone = dir.zoneOf(visit.branchId);
  return (
    <div className="record-part" data-field="addenda">
      <h4>Дополнения</h4>
      <ul>
        {visit.addenda.map((a) => (
          <li key={a.id}>
            <span className="pre">{a.text}</span>
            <div className="muted">
              {a.signedAt ? dateTimeIn(a.signedAt, zone) : ''} · {nameOf(dir.names, a.signedBy)}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One visit of the card: its current signed version, corrections, addenda and versions. */
export function VisitCard({ visit, dir, actions }: { visit: Visit; dir: Directory; actions?: ReactNode }) {
  const zone = dir.zoneOf(visit.branchId);
  const current = visit.current;
  return (
    <article className="card" data-visit-id={visit.id} data-visit-status={visit.status}>
      <h3 style={{ marginTop: 0 }}>
        Приём {visit.startedAt ? dateTimeIn(visit.startedAt, zone) : ''} —{' '}
        {nameOf(dir.names, visit.doctorAccountId)}
      </h3>
      {current ? (
        <>
          <span className={`badge ${current.status === 'ENTERED_IN_ERROR' ? 'CANCELLED' : 'CONFIRMED'}`}>
            {VERSION_STATUS_LABELS[current.status ?? ''] ?? current.status}
          </span>
          <VersionNote version={current} dir={dir} zone={zone} />
          <VisitContent content={current} />
        </>
      ) : (
        <p className="muted">Приём открыт, заключение ещё не подписано.</p>
      )}
      <Addenda visit={visit} dir={dir} />
      <VersionHistory visit={visit} dir={dir} />
      {actions ?? (
        <p style={{ marginBottom: 0 }}>
          <Link href={`/record/${visit.patientId}/visits/${visit.id}`}>
            {current ? 'Открыть приём' : 'Продолжить приём'}
          </Link>
        </p>
      )}
    </article>
  );
}

/** Diagnoses and prescriptions over the record's valid (not erroneous) signed versions, newest first. */
function Summary({ visits, dir }: { visits: readonly Visit[]; dir: Directory }) {
  const valid = visits.filter((v) => v.current && v.current.status !== 'ENTERED_IN_ERROR');
  const diagnoses = new Map<string, { line: string; date: string }>();
  const prescriptions: Array<{ key: string; text: string; date: string }> = [];
  for (const v of valid) {
    const date = v.startedAt ? dateOnly(dayKey(v.startedAt, dir.zoneOf(v.branchId))) : '';
    for (const d of v.current!.diagnoses ?? [])
      if (!diagnoses.has(d.code)) diagnoses.set(d.code, { line: diagnosisLine(d), date });
    (v.current!.prescriptions ?? []).forEach((p, i) => {
      prescriptions.push({
        key: `${v.id}:${i}`,
        text: [p.drug, p.dose, p.frequency, p.duration].filter(Boolean).join(', '),
        date,
      });
    });
  }
  return (
    <div className="row" style={{ alignItems: 'stretch' }}>
      <section className="card field" aria-labelledby="dx-title">
        <h3 id="dx-title" style={{ marginTop: 0 }}>
          Диагнозы
        </h3>
        {diagnoses.size ? (
          <ul>
            {[...diagnoses.values()].map((d) => (
              <li key={d.line}>
                {d.line} <span className="muted">· {d.date}</span>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>Диагнозов нет.</Empty>
        )}
      </section>
      <section className="card field" aria-labelledby="rx-title">
        <h3 id="rx-title" style={{ marginTop: 0 }}>
          Назначения
        </h3>
        {prescriptions.length ? (
          <ul>
            {prescriptions.map((p) => (
              <li key={p.key}>
                {p.text} <span className="muted">· {p.date}</span>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>Назначений нет.</Empty>
        )}
      </section>
    </div>
  );
}

/** The record's history: summary of diagnoses and prescriptions, then every visit, newest first. */
export function VisitHistory({ visits, dir }: { visits: readonly Visit[]; dir: Directory }) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">История приёмов</h2>
      <Summary visits={visits} dir={dir} />
      {visits.length ? (
        visits.map((v) => <VisitCard key={v.id} visit={v} dir={dir} />)
      ) : (
        <Empty>Приёмов пока нет.</Empty>
      )}
    </section>
  );
}
