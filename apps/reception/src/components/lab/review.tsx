'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { dateTimeIn } from '@medikamente/web-kit/format';
import { LabResultsTable, LabStatusBadge } from '@medikamente/web-kit/lab-view';
import { Empty, ErrorBox, errorText, Loading, Notice } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { LabOrderFieldsFragment } from '@/gql/graphql';
import { LabOrdersToReviewQuery, LabPatientQuery, ReviewLabOrderMutation } from '@/operations/lab';
import { birthLine } from '../record/labels';

/** The patient's name and age as the policy gives them to this doctor, linked to the card. */
export function LabPatientName({ patientId }: { patientId: string }) {
  const [{ data }] = useQuery({ query: LabPatientQuery, variables: { id: patientId } });
  const p = data?.patient;
  return (
    <Link href={`/record/${patientId}`}>
      {p?.fullName ?? 'Медкарта пациента'}
      {p ? ` (${birthLine(p.birthDate, p.ageYears) || 'дата рождения скрыта'})` : ''}
    </Link>
  );
}

/** One order waiting for review: results with ranges, flags and earlier values; the review form. */
function ReviewOrder({
  order,
  zone,
  onReviewed,
}: {
  order: LabOrderFieldsFragment;
  zone: string;
  onReviewed: (text: string) => void;
}) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, review] = useMutation(ReviewLabOrderMutation);
  const commentId = `review-comment-${order.id}`;
  const titleId = `review-title-${order.id}`;
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const r = await review({
      input: { orderId: order.id, patientComment: comment.trim() || null, release: true },
    });
    const p = r.data?.reviewLabOrder;
    if (p?.ok) onReviewed('Результаты проверены и выданы пациенту: он увидит их в личном кабинете.');
    else setError(errorText(p?.inputErrors[0]?.code ?? errorCode(r.error), p?.inputErrors[0]?.message));
  }
  const tests = (order.tests ?? []).map((t) => t.name).join(', ');
  return (
    <li className="card lab-order" data-lab-order-id={order.id} data-status={order.status ?? ''}>
      <h2 id={titleId} style={{ marginTop: 0, fontSize: 18 }}>
        {tests}
      </h2>
      <p className="head" style={{ margin: '0 0 6px' }}>
        <LabPatientName patientId={order.patientId} />
        <LabStatusBadge status={order.status} />
        <span className="muted">
          {order.resultedAt ? `готов ${dateTimeIn(order.resultedAt, zone)}` : ''}
          {order.specimenCode ? ` · образец ${order.specimenCode}` : ''}
        </span>
      </p>
      <LabResultsTable
        results={order.results ?? []}
        caption={`Результаты: ${tests}`}
        showPrevious
        showPartnerComment
      />
      <form className="stack" onSubmit={submit} aria-labelledby={titleId}>
        <div>
          <label htmlFor={commentId}>Комментарий для пациента (необязательно)</label>
          <textarea
            id={commentId}
            rows={2}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-describedby={`${commentId}-hint`}
          />
          <div id={`${commentId}-hint`} className="muted">
            Пациент увидит его рядом с результатами. Например: «Показатели в норме, повторить через год».
          </div>
        </div>
        {error ? <ErrorBox>{error}</ErrorBox> : null}
        <div className="row">
          <button type="submit" disabled={fetching} data-testid="lab-review-submit">
            Проверено и выдано пациенту
          </button>
        </div>
      </form>
    </li>
  );
}

/** «Результаты к проверке»: the doctor's orders with results not reviewed yet, oldest first. */
export function LabReview({ zone }: { zone: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: LabOrdersToReviewQuery });
  const [message, setMessage] = useState<string | null>(null);
  const orders = data?.labOrdersToReview ?? [];
  return (
    <section className="stack" data-testid="lab-review">
      {message ? <Notice>{message}</Notice> : null}
      {fetching && !data ? <Loading /> : null}
      {error && !data ? (
        <ErrorBox>{errorText(errorCode(error), 'Не удалось загрузить результаты')}</ErrorBox>
      ) : null}
      {data && !orders.length ? <Empty>Непроверенных результатов нет.</Empty> : null}
      {orders.length ? (
        <ul className="list" aria-label="Заказы с результатами">
          {orders.map((o) => (
            <ReviewOrder
              key={o.id}
              order={o}
              zone={zone}
              onReviewed={(text) => {
                setMessage(text);
                refetch({ requestPolicy: 'network-only' });
              }}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
