import { RescheduleAppointment } from '@/components/book';
import { requireStaff } from '@/server/guard';

export default async function ReschedulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireStaff(`/appointments/${id}/reschedule`, { roles: ['receptionist'] });
  return (
    <div style={{ maxWidth: 1000 }}>
      <h1>Перенос записи</h1>
      <RescheduleAppointment appointmentId={id} />
    </div>
  );
}
