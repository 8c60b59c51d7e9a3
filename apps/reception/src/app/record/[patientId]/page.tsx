import { isUuid } from '@medikamente/web-kit/ids';
import { notFound } from 'next/navigation';
import { PatientRecord } from '@/components/record/patient-record';
import { requireStaff } from '@/server/guard';

export default async function PatientRecordPage({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;
  await requireStaff(`/record/${patientId}`, { roles: ['doctor'] });
  if (!isUuid(patientId)) notFound();
  return (
    <div style={{ maxWidth: 1000 }}>
      <h1>Медкарта пациента</h1>
      <PatientRecord patientId={patientId} />
    </div>
  );
}
