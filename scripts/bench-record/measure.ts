import { performance } from 'node:perf_hooks';

export type Path = {
  name: string;
  /** One request; throws when the answer is not the expected one. */
  run(): Promise<void>;
};
export type Timing = { name: string; n: number; p50: number; p95: number; mean: number };

const quantile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** Timings of `samples` (ms). */
export function summarise(name: string, samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    name,
    n: sorted.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

/**
 * Runs the paths side by side: `warmup` uncounted requests each, then `iterations` rounds in
 * which every path answers once, in an order rotated per round — so a slow moment of the shared
 * machine (autovacuum, another process, GC) falls on all paths alike, not on whichever ran then.
 */
export async function measureInterleaved(
  paths: Path[],
  iterations: number,
  warmup: number,
): Promise<Timing[]> {
  for (const p of paths) for (let i = 0; i < warmup; i++) await p.run();
  const samples = paths.map(() => [] as number[]);
  for (let round = 0; round < iterations; round++) {
    for (let k = 0; k < paths.length; k++) {
      const i = (k + round) % paths.length;
      const t0 = performance.now();
      await paths[i]!.run();
      samples[i]!.push(performance.now() - t0);
    }
  }
  return paths.map((p, i) => summarise(p.name, samples[i]!));
}

export const ms = (n: number) => n.toFixed(1);
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
