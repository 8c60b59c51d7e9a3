'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { labDay } from '@medikamente/web-kit/lab';
import { LabHistoryChart, LabResultCards } from '@medikamente/web-kit/lab-view';
import { Empty, ErrorBox, errorText, Loading } from '@medikamente/web-kit/ui';
import { useQuery } from 'urql';
import type { MyLabOrdersQuery as MyLabOrdersResult } from '@/gql/graphql';
import { LabResultHistoryQuery, MyLabOrdersQuery } from '@/operations/lab';

type Order = MyLabOrdersResult['myLabOrders'][number];
type Result = NonNullable<Order['results']>[number];

/** One test's released values over time (labResultHistory): a chart with the norm and a table. */
function TestHistory({ patientId, testId, name }: { patientId: string; testId: string; name: string }) {
  const [{ data, fetching, error }] = useQuery({
    query: LabResultHistoryQuery,
    variables: { patientId, testId },
  });
  // Inside the list even while loading or failed: a list holds only items (axe: list).
  if (fetching && !data)
    return (
      <li>
        <Loading label={`Загружаем динамику: ${name}…`} />
      </li>
    );
  if (!data)
    return (
      <li>
        <ErrorBox>{errorText(errorCode(error), 'Не удалось загрузить динамику')}</ErrorBox>
      </li>
    );
  const values = data.labResultHistory.filter(
    (r) => r.released !== false && r.numeric != null && r.resultedAt,
  );
  if (!values.length) return null;
  const last = values.at(-1)!;
  return (
    <li className="card" data-testid="lab-history" data-test-id={testId}>
      <LabHistoryChart
        title={name}
        unit={last.unit}
        referenceText={last.referenceText}
        band={{ low: last.referenceRange?.low, high: last.referenceRange?.high }}
        points={values.map((r) => ({ at: r.resultedAt!, value: r.numeric!, flag: r.flag }))}
      />
    </li>
  );
}

/**
 * «Мои анализы»: the patient's released results grouped by order (newest first) — each value
 * with its unit, the norm and the flag in plain words, the doctor's comment — and each numeric
 * test's values over time. Orders still in work are only counted: their results are not shown
 * (the API does not return them before the doctor releases them).
 */
export function MyLabs() {
  const [{ data, fetching, error }] = useQuery({ query: MyLabOrdersQuery });
  if (fetching && !data) return <Loading />;
  if (!data) return <ErrorBox>{errorText(errorCode(error), 'Не удалось загрузить анализы')}</ErrorBox>;
  const released = data.myLabOrders
    .map((o) => ({ ...o, results: (o.results ?? []).filter((r) => r.released) }))
    .filter((o) => o.results.length)
    .sort(
      (a, b) => Date.parse(b.releasedAt ?? b.createdAt ?? '') - Date.parse(a.releasedAt ?? a.createdAt ?? ''),
    );
  const inWork = data.myLabOrders.filter(
    (o) => !released.some((r) => r.id === o.id) && o.status !== 'CANCELLED' && o.status !== 'REJECTED',
  ).length;
  const charted = new Map<string, { testId: string; name: string; patientId: string }>();
  for (const o of released)
    for (const r of o.results as Result[])
      if (r.testId && r.numeric != null && !charted.has(r.testId))
        charted.set(r.testId, { testId: r.testId, name: r.testName ?? 'Показатель', patientId: o.patientId });

  return (
    <>
      {inWork ? (
        <p className="muted" data-testid="lab-in-work">
          Анализов в работе: {inWork}. Результаты появятся здесь после проверки врачом.
        </p>
      ) : null}
      {!released.length ? (
        <Empty>Готовых результатов пока нет. Они появятся здесь, когда врач их проверит.</Empty>
      ) : (
        <ul className="list" aria-label="Результаты по датам">
          {released.map((o) => {
            const day = labDay(o.releasedAt ?? o.createdAt);
            const tests = (o.tests ?? []).map((t) => t.name).join(', ');
            return (
              <li key={o.id} className="card" data-lab-order-id={o.id}>
                <h2 style={{ marginTop: 0, fontSize: 18 }}>
                  {day ? `${day} · ` : ''}
                  {tests}
                </h2>
                <LabResultCards results={o.results} label={`Результаты от ${day}: ${tests}`} />
                {o.reviewComment ? (
                  <div className="record-part" data-field="reviewComment">
                    <h3>Комментарий врача</h3>
                    <p className="pre">{o.reviewComment}</p>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {charted.size ? (
        <section aria-labelledby="dynamics-title">
          <h2 id="dynamics-title">Динамика показателей</h2>
          <p className="muted">
            Зелёная полоса — норма; точки вне нормы отмечены красным и в таблице словами.
          </p>
          <ul className="list">
            {[...charted.values()].map((t) => (
              <TestHistory key={t.testId} patientId={t.patientId} testId={t.testId} name={t.name} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
