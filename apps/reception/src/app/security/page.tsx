import { TotpEnrollment } from '@/components/totp';
import { requireStaff } from '@/server/guard';

export default async function SecurityPage() {
  await requireStaff('/security');
  return (
    <>
      <h1>Двухфакторный вход</h1>
      <TotpEnrollment />
    </>
  );
}
