import { MyAppointments } from '@/components/my-appointments';
import { requirePatient } from '@/server/guard';

export default async function AppointmentsPage() {
  await requirePatient('/appointments');
  return (
    <>
      <h1>Мои записи</h1>
      <MyAppointments />
    </>
  );
}
