import { Notice } from '@medikamente/web-kit/ui';
import { TotpEnrollment } from '@/components/totp';
import { requireStaff } from '@/server/guard';

export default async function SecurityPage({
  searchParams,
}: {
  searchParams: Promise<{ required?: string }>;
}) {
  const account = await requireStaff('/security', { enrolment: true });
  const { required } = await searchParams;
  return (
    <>
      <h1>Двухфакторный вход</h1>
      {!account.secondFactor && required ? (
        <Notice>
          Сотрудники работают с данными пациентов только после входа со вторым фактором. Подключите
          приложение-аутентификатор, затем выйдите и войдите снова с кодом.
        </Notice>
      ) : null}
      <TotpEnrollment />
    </>
  );
}
