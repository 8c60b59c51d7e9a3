import { Suspense } from 'react';
import { PatientCard } from '@/components/patient-card';
import { requireStaff } from '@/server/guard';

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireStaff(`/patients/${id}`, { roles: ['receptionist'] });
  return (
    <div style={{ maxWidth: 900 }}>
      <h1>Карточка пациента</h1>
      <Suspense>
        <PatientCard id={id} />
      </Suspense>
    </div>
  );
}
