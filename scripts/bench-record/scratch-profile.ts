import { createTestIssuer } from '@medikamente/runtime/testing';
import { benchCard } from './card';
const issuer = await createTestIssuer();
const r = await benchCard({ kind: (process.argv[4] ?? 'postgres') as any, issuer, visits: 50, iterations: Number(process.argv[2] ?? 60), warmup: 5, log: console.log, only: process.argv[3] } as any);
for (const t of r!.timings) console.log(t.name.padEnd(50), t.p50.toFixed(1), t.mean.toFixed(1));
process.exit(0);
