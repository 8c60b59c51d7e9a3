import { Consents } from '@/components/consents';
import { requirePatient } from '@/server/guard';

export default async function ConsentsPage() {
  await requirePatient('/consents');
  return (
    <>
      <h1>Мои согласия</h1>
      <Consents />
    </>
  );
}
