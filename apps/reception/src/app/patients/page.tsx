import { PatientSearch, RegisterPatient } from '@/components/patients';
import { requireStaff } from '@/server/guard';

export default async function PatientsPage() {
  await requireStaff('/patients', { roles: ['receptionist'] });
  return (
    <div style={{ maxWidth: 1100 }}>
      <h1>Пациенты</h1>
      <PatientSearch />
      <RegisterPatient />
    </div>
  );
}
