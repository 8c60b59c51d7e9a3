import { DoctorBooking } from '@/components/doctor-booking';
import { sessions } from '@/server/web';

export default async function DoctorPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, sp, account] = await Promise.all([params, searchParams, sessions.current()]);
  return (
    <>
      <h1>Выбор времени приёма</h1>
      <DoctorBooking
        specialistId={id}
        branchParam={typeof sp.branch === 'string' ? sp.branch : undefined}
        signedIn={Boolean(account)}
      />
    </>
  );
}
