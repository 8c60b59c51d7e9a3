import { DoctorToday } from '@/components/doctor/today';
import { requireStaff } from '@/server/guard';

export default async function DoctorTodayPage() {
  await requireStaff('/doctor', { roles: ['doctor'] });
  return (
    <div style={{ maxWidth: 1000 }}>
      <h1>Мои пациенты сегодня</h1>
      <DoctorToday />
    </div>
  );
}
