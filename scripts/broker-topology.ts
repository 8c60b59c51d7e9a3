import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrokerService } from '@medikamente/runtime';
import { loadSubgraphManifest } from '@medikamente/supergraph/manifest';

/** Where a subgraph declares its place on the broker (optional): `export const broker: BrokerService`. */
export const BROKER_FILE = 'src/broker.ts';

/**
 * Who produces and who consumes events on the broker (ADR 0013): every subgraph of the manifest
 * that has `src/broker.ts` — its exchange `<name>.events` if it produces, and a durable queue per
 * consumer bound to the types its handlers take. A new consumer is a change in its own subgraph
 * (and one more run of `pnpm broker:setup`), not in a shared list.
 */
export async function loadBrokerServices(): Promise<BrokerService[]> {
  const services: BrokerService[] = [];
  for (const subgraph of loadSubgraphManifest({ checkFiles: false })) {
    const file = join(subgraph.path, BROKER_FILE);
    if (!existsSync(file)) continue;
    const { broker } = (await import(pathToFileURL(file).href)) as { broker?: BrokerService };
    if (!broker || broker.name !== subgraph.name)
      throw new Error(`${file} must export \`broker\` with name "${subgraph.name}"`);
    services.push(broker);
  }
  return services;
}

/**
 * The subgraphs in start order: the manifest's, except that a producer of events starts after
 * the subgraphs that consume them (`from` in their broker.ts), so its relay finds their inboxes
 * listening. A cycle keeps the manifest order.
 */
export function startOrder<T extends { name: string }>(subgraphs: T[], services: BrokerService[]): T[] {
  const consumersOf = (name: string) =>
    services.filter((s) => s.consumers?.some((c) => c.from === name)).map((s) => s.name);
  const out: T[] = [];
  const visit = (s: T, path: Set<string>) => {
    if (out.includes(s) || path.has(s.name)) return;
    path.add(s.name);
    for (const name of consumersOf(s.name)) {
      const consumer = subgraphs.find((x) => x.name === name);
      if (consumer) visit(consumer, path);
    }
    out.push(s);
  };
  for (const s of subgraphs) visit(s, new Set());
  return out;
}
