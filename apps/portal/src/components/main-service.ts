type ServiceLike = { id: string; name: string; specialty: string };

/**
 * The service a doctor's page opens on: the doctor's main consultation. Services of the doctor's
 * first (main) specialty come first; among them the consultation itself ("Приём терапевта") before
 * narrower services ("Консультация по результатам анализов", "ЭКГ с расшифровкой"); then by name.
 * The catalogue keeps services in no particular order, so without this the page opened on any.
 */
export function mainService<T extends ServiceLike>(
  services: readonly T[],
  specialties: readonly string[],
): T | undefined {
  const main = specialties[0];
  const rank = (s: T) => (s.specialty === main ? 0 : 2) + (/^при[её]м(\s|$)/i.test(s.name) ? 0 : 1);
  return [...services].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'ru'))[0];
}
