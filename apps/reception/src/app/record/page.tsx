import { PatientSearch } from '@/components/patients';
import { requireStaff } from '@/server/guard';

export default async function RecordSearchPage() {
  await requireStaff('/record', { roles: ['doctor'] });
  return (
    <div style={{ maxWidth: 1100 }}>
      <h1>Медкарта</h1>
      <p className="muted">
        Медкарты пациентов, записанных к вам, открываются сразу. Медкарту другого пациента можно открыть
        только через экстренный доступ с указанием причины.
      </p>
      <PatientSearch forDoctor />
    </div>
  );
}
