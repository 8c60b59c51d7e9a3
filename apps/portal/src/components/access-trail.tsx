'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { dateTimeIn } from '@medikamente/web-kit/format';
import { Empty, ErrorBox, errorText, Loading } from '@medikamente/web-kit/ui';
import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { MyAccessTrailQuery as MyAccessTrailResult } from '@/gql/graphql';
import { MyAccessTrailQuery } from '@/operations/trail';

type Entry = MyAccessTrailResult['myAccessTrail'][number];

const CLINIC_ZONE = 'Europe/Moscow';
const PAGE = 30;

/**
 * The patient's «who viewed my record»: each access by the clinic's staff and systems, newest
 * first, with the role and the part of the clinic, when, why it was allowed and what was seen;
 * «Показать ещё» reads older entries.
 */
export function AccessTrail() {
  const client = useClient();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(false);
  const [more, setMore] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function load(before: string | null) {
    setLoading(true);
    setFailure(null);
    const r = await client
      .query(MyAccessTrailQuery, { first: PAGE, before }, { requestPolicy: 'network-only' })
      .toPromise();
    setLoading(false);
    if (!r.data) return setFailure(errorText(errorCode(r.error), 'Не удалось загрузить список'));
    const page = r.data.myAccessTrail;
    setEntries((list) => (before ? [...list, ...page] : page));
    setMore(page.length === PAGE);
    setLoaded(true);
  }
  const loadRef = useRef(load);
  useEffect(() => {
    void loadRef.current(null);
  }, []);

  return (
    <div className="stack">
      {failure ? <ErrorBox>{failure}</ErrorBox> : null}
      {!loaded && loading ? <Loading /> : null}
      {loaded && !entries.length ? (
        <Empty>Пока никто из сотрудников клиники не обращался к вашим данным.</Empty>
      ) : null}
      {entries.length ? (
        <ul className="list stack" data-testid="access-trail" aria-label="Обращения к вашим данным">
          {entries.map((e) => (
            <li key={e.cursor} className="card" data-testid="access-entry">
              <p style={{ margin: 0 }}>
                <strong>{e.at ? dateTimeIn(e.at, CLINIC_ZONE) : '—'}</strong> · {e.role ?? '—'}
              </p>
              <dl className="props" style={{ marginTop: 6 }}>
                <dt>Раздел клиники</dt>
                <dd>{e.department ?? '—'}</dd>
                <dt>Основание</dt>
                <dd>{e.purpose ?? '—'}</dd>
                <dt>Что просматривали</dt>
                <dd>{(e.categories ?? []).join(', ') || '—'}</dd>
              </dl>
            </li>
          ))}
        </ul>
      ) : null}
      {loaded && loading ? <Loading /> : null}
      {more && !loading ? (
        <div>
          <button
            type="button"
            className="secondary"
            onClick={() => void load(entries.at(-1)?.cursor ?? null)}
          >
            Показать ещё
          </button>
        </div>
      ) : null}
    </div>
  );
}
