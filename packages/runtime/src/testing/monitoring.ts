import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The monitoring stack's binaries (Debian packages `prometheus` and `prometheus-alertmanager`). */
export type MonitoringTool = 'prometheus' | 'promtool' | 'prometheus-alertmanager' | 'amtool';

/** The path of a monitoring binary on PATH (or /usr/bin), or null when it is not installed. */
export function monitoringTool(name: MonitoringTool): string | null {
  // biome-ignore lint/style/noProcessEnv: test helper, reads PATH like a shell
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/bin'];
  for (const dir of dirs) {
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {}
  }
  return null;
}

/**
 * Whether the suites that need these binaries run: always in CI (where `.ci/run` installs them,
 * so a missing one fails the suite), elsewhere only when they are installed — otherwise the
 * reason is printed and the suite skipped.
 */
export function monitoringToolsRun(tools: MonitoringTool[], suite: string): boolean {
  const missing = tools.filter((t) => !monitoringTool(t));
  // biome-ignore lint/style/noProcessEnv: test helper, CI is the runner's flag
  if (missing.length === 0 || process.env.CI) return true;
  console.warn(
    `${suite}: skipped, ${missing.join(', ')} not installed (apt-get install prometheus prometheus-alertmanager; CI installs them and runs this suite)`,
  );
  return false;
}
