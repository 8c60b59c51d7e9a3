import { AuditChains } from '@/components/privacy/chains';
import { requireStaff } from '@/server/guard';

/** The integrity of every service's audit chain, verified on demand. */
export default async function AuditChainsPage() {
  await requireStaff('/privacy/chains', { roles: ['security_officer'] });
  return (
    <div style={{ maxWidth: 1200 }} className="stack">
      <h1>Целостность журналов</h1>
      <p className="muted">
        Каждый сервис ведёт свой журнал доступа цепочкой хешей; служба безопасности копирует их и хранит
        контрольные точки. Проверка сравнивает журналы сервисов с копиями: удаление или изменение записи
        обнаруживается.
      </p>
      <AuditChains />
    </div>
  );
}
