import { Profile } from '@/components/profile';
import { requirePatient } from '@/server/guard';

export default async function ProfilePage() {
  await requirePatient('/profile');
  return (
    <>
      <h1>Профиль</h1>
      <Profile />
    </>
  );
}
