'use client';

import { billingErrorText } from '@medikamente/web-kit/billing';
import { errorCode } from '@medikamente/web-kit/client';
import { dateTimeIn } from '@medikamente/web-kit/format';
import { ErrorBox, Loading, Notice } from '@medikamente/web-kit/ui';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CloseShiftMutation, FiscalShiftQuery, OpenShiftMutation } from '@/operations/billing';

/**
 * The branch register's shift: its state, «Открыть смену» and «Закрыть смену» (closing asks to
 * confirm: the register prints the shift report and takes no more payments until the next shift).
 */
export function ShiftPanel({ branchId, zone }: { branchId: string; zone: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: FiscalShiftQuery, variables: { branchId } });
  const [opening, open] = useMutation(OpenShiftMutation);
  const [closing, close] = useMutation(CloseShiftMutation);
  const [confirm, setConfirm] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const busy = opening.fetching || closing.fetching;

  async function run(kind: 'open' | 'close') {
    setFailure(null);
    setDone(null);
    setConfirm(false);
    const r = kind === 'open' ? await open({ branchId }) : await close({ branchId });
    const payload =
      r.data && ('openFiscalShift' in r.data ? r.data.openFiscalShift : r.data.closeFiscalShift);
    const refusal = payload?.inputErrors[0];
    if (r.error || refusal)
      setFailure(
        billingErrorText(
          refusal?.code ?? errorCode(r.error),
          null,
          refusal?.message ?? 'Касса не выполнила операцию',
        ),
      );
    else setDone(kind === 'open' ? 'Смена открыта' : 'Смена закрыта, отчёт напечатан');
    refetch({ requestPolicy: 'network-only' });
  }

  if (fetching && !data) return <Loading label="Проверяем смену кассы…" />;
  const shift = data?.fiscalShift;
  const isOpen = Boolean(shift?.open);
  return (
    <section
      className="card"
      aria-labelledby="shift-title"
      data-testid="fiscal-shift"
      data-open={isOpen ? 'true' : 'false'}
    >
      <h2 id="shift-title" style={{ marginTop: 0 }}>
        Смена кассы
      </h2>
      {error ? (
        <ErrorBox>{billingErrorText(errorCode(error), null, 'Не удалось узнать состояние смены')}</ErrorBox>
      ) : null}
      <p data-testid="shift-state">
        {isOpen && shift
          ? `Смена № ${shift.shiftNumber ?? '—'} открыта с ${dateTimeIn(shift.openedAt, zone)}`
          : shift
            ? `Смена закрыта${shift.closedAt ? ` ${dateTimeIn(shift.closedAt, zone)}` : ''}. Чтобы принимать оплату, откройте смену.`
            : 'Смена ещё не открывалась. Чтобы принимать оплату, откройте смену.'}
      </p>
      {failure ? <ErrorBox>{failure}</ErrorBox> : null}
      {done ? <Notice>{done}</Notice> : null}
      {isOpen ? (
        confirm ? (
          <div className="alert warn" role="alert">
            <p style={{ marginTop: 0 }}>
              Закрыть смену № {shift?.shiftNumber ?? '—'}? Касса напечатает отчёт о закрытии; до открытия
              новой смены оплату принять нельзя.
            </p>
            <div className="row">
              <button type="button" className="danger" disabled={busy} onClick={() => run('close')}>
                Да, закрыть смену
              </button>
              <button type="button" className="secondary" onClick={() => setConfirm(false)}>
                Не закрывать
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="secondary" disabled={busy} onClick={() => setConfirm(true)}>
            Закрыть смену
          </button>
        )
      ) : (
        <button type="button" disabled={busy} onClick={() => run('open')}>
          Открыть смену
        </button>
      )}
    </section>
  );
}
