import { DoctorSearch } from '@/components/doctor-search';

export default function HomePage() {
  return (
    <>
      <h1>Запись к врачу</h1>
      <DoctorSearch />
    </>
  );
}
