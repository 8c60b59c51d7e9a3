import { SignInForm } from '@/components/sign-in-form';

/** Only same-site paths are accepted as the place to return to. */
const safeNext = (v: string | string[] | undefined): string =>
  typeof v === 'string' && v.startsWith('/') && !v.startsWith('//') ? v : '/appointments';

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNext((await searchParams).next);
  return (
    <>
      <h1>Вход в личный кабинет</h1>
      <SignInForm next={next} />
    </>
  );
}
