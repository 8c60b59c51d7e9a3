import { MonitoringRules } from '@/components/privacy/rules';
import { requireStaff } from '@/server/guard';

/** The monitoring rules as configured, each explained. */
export default async function MonitoringRulesPage() {
  await requireStaff('/privacy/rules', { roles: ['security_officer'] });
  return (
    <div style={{ maxWidth: 1000 }} className="stack">
      <h1>Правила мониторинга</h1>
      <p className="muted">
        Пороги, окна и рабочее время задаются в конфигурации службы безопасности; здесь — как они настроены
        сейчас.
      </p>
      <MonitoringRules />
    </div>
  );
}
