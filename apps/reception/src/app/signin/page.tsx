import { StaffSignInForm } from '@/components/sign-in-form';

const safeNext = (v: string | string[] | undefined): string =>
  typeof v === 'string' && v.startsWith('/') && !v.startsWith('//') ? v : '/';

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNext((await searchParams).next);
  return (
    <>
      <h1>Вход для сотрудников клиники</h1>
      <StaffSignInForm next={next} />
    </>
  );
}
