import { Reschedule } from '@/components/reschedule';
import { requirePatient } from '@/server/guard';

export default async function ReschedulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePatient(`/appointments/${id}/reschedule`);
  return (
    <>
      <h1>Перенос записи</h1>
      <Reschedule appointmentId={id} />
    </>
  );
}
