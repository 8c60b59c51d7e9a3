'use client';

import { errorCode } from '@medikamente/web-kit/client';
import { Empty, ErrorBox, errorText, Loading, Notice } from '@medikamente/web-kit/ui';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { ConsentPurpose } from '@/gql/graphql';
import { GiveConsentMutation, MyConsentsQuery, WithdrawConsentMutation } from '@/operations/patient';
import { ConsentTextView, latestTexts, PURPOSE_LABELS, REQUIRED_PURPOSES } from './consent-text';

const date = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString('ru-RU') : '—');

/** The patient's consents per purpose: current state with text version, history, give and withdraw. */
export function Consents() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyConsentsQuery });
  const [, give] = useMutation(GiveConsentMutation);
  const [, withdraw] = useMutation(WithdrawConsentMutation);
  const [asking, setAsking] = useState<ConsentPurpose | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  if (fetching && !data) return <Loading />;
  if (error) return <ErrorBox>{errorText(errorCode(error), 'Не удалось загрузить согласия')}</ErrorBox>;
  const me = data?.myPatient;
  if (!me) return <Empty>Регистрация не завершена.</Empty>;
  const history = me.consents ?? [];

  async function doWithdraw(purpose: ConsentPurpose) {
    const r = await withdraw({ patientId: me!.id, purpose });
    setAsking(null);
    const ok = r.data?.withdrawConsent.ok;
    setMessage(
      ok
        ? { ok, text: 'Согласие отозвано' }
        : {
            ok: false,
            text: errorText(
              r.data?.withdrawConsent.inputErrors[0]?.code ?? errorCode(r.error),
              'Не удалось отозвать согласие',
            ),
          },
    );
    refetch({ requestPolicy: 'network-only' });
  }
  async function doGive(purpose: ConsentPurpose, version: number) {
    const r = await give({ patientId: me!.id, purpose, textVersion: version });
    const ok = r.data?.giveConsent.ok;
    setMessage(
      ok
        ? { ok, text: 'Согласие дано' }
        : {
            ok: false,
            text: errorText(
              r.data?.giveConsent.inputErrors[0]?.code ?? errorCode(r.error),
              'Не удалось сохранить согласие',
            ),
          },
    );
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <>
      {message ? message.ok ? <Notice>{message.text}</Notice> : <ErrorBox>{message.text}</ErrorBox> : null}
      <ul className="list">
        {latestTexts(data?.consentTexts ?? []).map((t) => {
          const purpose = t.purpose as ConsentPurpose;
          const active = history.find((c) => c.purpose === purpose && c.active);
          const past = history.filter((c) => c.purpose === purpose && !c.active);
          return (
            <li key={purpose} className="card" data-purpose={purpose}>
              <h2 style={{ marginTop: 0 }}>{PURPOSE_LABELS[purpose] ?? t.title}</h2>
              {active ? (
                <p>
                  <span className="badge CONFIRMED">действует</span> дано {date(active.givenAt)}, редакция
                  текста {active.textVersion}
                </p>
              ) : (
                <p>
                  <span className="badge">не дано</span>
                  {REQUIRED_PURPOSES.has(purpose)
                    ? ' — без этого согласия запись через кабинет невозможна'
                    : null}
                </p>
              )}
              <ConsentTextView text={t} />
              {past.length ? (
                <details>
                  <summary>История ({past.length})</summary>
                  <ul>
                    {past.map((c) => (
                      <li key={c.id}>
                        редакция {c.textVersion}: дано {date(c.givenAt)}, отозвано {date(c.withdrawnAt)}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              <div className="row" style={{ marginTop: 8 }}>
                {active ? (
                  asking === purpose ? (
                    <>
                      <span role="alert">Отозвать согласие «{PURPOSE_LABELS[purpose]}»?</span>
                      <button type="button" className="danger" onClick={() => doWithdraw(purpose)}>
                        Да, отозвать
                      </button>
                      <button type="button" className="secondary" onClick={() => setAsking(null)}>
                        Нет
                      </button>
                    </>
                  ) : (
                    <button type="button" className="danger small" onClick={() => setAsking(purpose)}>
                      Отозвать
                    </button>
                  )
                ) : (
                  <button type="button" className="small" onClick={() => doGive(purpose, t.version)}>
                    Дать согласие (редакция {t.version})
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
