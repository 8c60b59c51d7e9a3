import Link from 'next/link';
import { SignUpForm } from '@/components/sign-up-form';

export default function SignUpPage() {
  return (
    <>
      <h1>Регистрация пациента</h1>
      <SignUpForm />
      <p>
        Уже есть учётная запись? <Link href="/signin">Войти</Link>
      </p>
    </>
  );
}
