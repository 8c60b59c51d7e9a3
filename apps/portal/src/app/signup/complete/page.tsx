import { CompleteRegistration } from '@/components/complete-registration';
import { requirePatient } from '@/server/guard';

export default async function CompletePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const account = await requirePatient('/signup/complete');
  const login = (await searchParams).login;
  return (
    <>
      <h1>Регистрация: данные и согласия</h1>
      <p className="muted">
        Шаг 2 из 2. Прочитайте тексты согласий: без первых двух мы не можем вести вашу запись.
      </p>
      <CompleteRegistration
        patientId={account.patientId ?? ''}
        displayName={account.displayName ?? ''}
        login={typeof login === 'string' ? login : ''}
      />
    </>
  );
}
