/**
 * The demo price list: every schedule service and every test of the demo lab catalogue at every
 * branch, valid from the start of the year, VAT-exempt (licensed medical services, Tax Code art.
 * 149 p.2 pp.2). Prices differ a little by city, as a real clinic's do.
 */
import type { BillingService } from '@medikamente/subgraph-billing';
import type { ScheduleService } from '@medikamente/subgraph-schedule';
import { DEMO_LAB_TESTS } from './seed-lab-catalogue';

/** Rubles of a consultation by service name; anything else 2 000 ₽. */
const SERVICE_RUBLES: Record<string, number> = {
  'Приём терапевта': 2200,
  'Консультация по результатам анализов': 1500,
  'Приём кардиолога': 3200,
  'ЭКГ с расшифровкой': 1400,
  'Приём невролога': 3000,
  'Приём эндокринолога': 3100,
};
/** Lab prices by price reference (rubles). */
const LAB_RUBLES = (ref: string) => (ref.length % 4) * 150 + 350;
/** Moscow 100%, the others a little less (by the branch's zone). */
const CITY_FACTOR: Record<string, number> = { 'Europe/Moscow': 1, 'Europe/Kaliningrad': 0.85 };

export async function seedBilling(opts: {
  billing: BillingService;
  schedule: ScheduleService;
}): Promise<{ created: boolean }> {
  const branches = await opts.schedule.stores.catalog.branches();
  const services = await opts.schedule.stores.catalog.services();
  if (!branches.length) return { created: false };
  const probe = await opts.billing.stores.prices.effective(branches[0]!.id, '2026-12-31');
  if (probe.length > 0) return { created: false };
  const validFrom = '2026-01-01';
  for (const branch of branches) {
    const factor = CITY_FACTOR[branch.timeZone] ?? 0.9;
    const kopecks = (rubles: number) => Math.round((rubles * factor) / 10) * 1000;
    for (const s of services)
      await opts.billing.stores.prices.add(
        {
          branchId: branch.id,
          code: `SRV-${s.id.slice(0, 8)}`,
          kind: 'SERVICE',
          refId: s.id,
          name: s.name,
          priceKopecks: kopecks(SERVICE_RUBLES[s.name] ?? 2000),
          vat: 'none',
          validFrom,
          validTo: null,
        },
        'seed',
      );
    for (const t of DEMO_LAB_TESTS)
      await opts.billing.stores.prices.add(
        {
          branchId: branch.id,
          code: t.priceReference,
          kind: 'LAB_TEST',
          refId: t.priceReference,
          name: t.name,
          priceKopecks: kopecks(LAB_RUBLES(t.priceReference)),
          vat: 'none',
          validFrom,
          validTo: null,
        },
        'seed',
      );
  }
  return { created: true };
}
