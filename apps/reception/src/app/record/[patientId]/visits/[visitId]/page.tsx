import { isUuid } from '@medikamente/web-kit/ids';
import { notFound } from 'next/navigation';
import { VisitWork } from '@/components/record/visit-work';
import { requireStaff } from '@/server/guard';

export default async function VisitPage({
  params,
}: {
  params: Promise<{ patientId: string; visitId: string }>;
}) {
  const { patientId, visitId } = await params;
  await requireStaff(`/record/${patientId}/visits/${visitId}`, { roles: ['doctor'] });
  if (!isUuid(patientId) || !isUuid(visitId)) notFound();
  return (
    <div style={{ maxWidth: 1000 }}>
      <h1>Приём</h1>
      <VisitWork patientId={patientId} visitId={visitId} />
    </div>
  );
}
