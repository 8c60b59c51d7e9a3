/**
 * What `pnpm bench:lab` runs, in this process: the lab subgraph on a throw-away database and two
 * gateways in front of it — one with the partner gate (the lab-partner-v1 allowlist, as deployed)
 * and one with the test-only `unsafePartnerFreeText` (the same gateway without the gate) — a
 * partner token, and the partner's catalogue and collected orders prepared through the stores.
 */
import { randomUUID } from 'node:crypto';
import { limitsFromEnv } from '@medikamente/runtime';
import { createTestDatabase, type TestIssuer } from '@medikamente/runtime/testing/tools';
import { createLabService, type LabService, loadLabEnv } from '@medikamente/subgraph-lab';
import { newSpecimenCode } from '@medikamente/subgraph-lab/testing';
import { createGateway, readSupergraph } from '@medikamente/supergraph';
import { loadSubgraphManifest } from '@medikamente/supergraph/manifest';
import { loadTrustedDocuments, type TrustedDocument } from '@medikamente/supergraph/trusted-documents';
import { labPanel } from './data';

export const MANIFEST = 'lab-partner-v1';
export const PARTNER_TOKEN_SCOPES = `documents:${MANIFEST} lab.orders:read lab.results:write`;

/** No rate limit is reached by the benchmark's thousands of requests from one partner. */
const UNLIMITED = { points: 1_000_000_000, durationSec: 60 };

export type Order = { id: string; specimenCode: string };

export type Stack = NonNullable<Awaited<ReturnType<typeof startStack>>>;

export async function startStack(opts: {
  kind: 'postgres' | 'pglite';
  issuer: TestIssuer;
  log(s: string): void;
}) {
  const { issuer } = opts;
  const db =
    opts.kind === 'postgres'
      ? await createTestDatabase('bench_lab')
      : { url: undefined, drop: async () => {} };
  if (opts.kind === 'postgres' && !db.url) return null;
  const cleanup: Array<() => Promise<unknown>> = [db.drop];
  const close = async () => {
    for (const c of cleanup) await c().catch(() => {});
  };
  try {
    const env = loadLabEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: 'memory://',
      ...(db.url ? { LAB_DATABASE_URL: db.url } : {}),
    });
    const service: LabService = await createLabService(env, { verifier: issuer.verifier, background: false });
    cleanup.unshift(() => service.close());
    const lab = await service.listen(0, '127.0.0.1');

    const registry = loadTrustedDocuments();
    const manifest = registry.manifests.get(MANIFEST);
    if (!manifest) throw new Error(`manifest ${MANIFEST} not found`);
    const doc = (name: string): TrustedDocument => {
      const d = manifest.documents.find((x) => x.name === name);
      if (!d) throw new Error(`${MANIFEST} has no ${name}`);
      return d;
    };
    const closed = 'http://127.0.0.1:9/graphql';
    const gateway = (withGate: boolean) =>
      createGateway({
        supergraphSdl: readSupergraph(),
        // Only lab runs: the other subgraphs of the manifest point at a closed port.
        subgraphUrls: {
          ...Object.fromEntries(loadSubgraphManifest({ checkFiles: false }).map((s) => [s.name, closed])),
          lab: `${lab.url}/graphql`,
        },
        verifier: issuer.verifier,
        // The deployed defaults (MAX_QUERY_* unset).
        limits: limitsFromEnv(env),
        // Both not in production mode: `unsafePartnerFreeText` is refused there, and the two
        // gateways must differ by the gate only (production changes introspection and error hints).
        production: false,
        logLevel: 'silent',
        rateLimits: { perAddress: UNLIMITED, anonymousPerAddress: UNLIMITED, perAccount: UNLIMITED },
        ...(withGate ? { trustedDocuments: registry } : { unsafePartnerFreeText: true }),
      });
    const gated = await (await gateway(true)).listen(0);
    cleanup.unshift(() => gated.close());
    const open = await (await gateway(false)).listen(0);
    cleanup.unshift(() => open.close());

    // The partner laboratory: its machine client's token (kind client, role lab_partner), valid
    // for the whole run; verified once and then cached by every verifier, as in production.
    const partner = `lab_bench_${randomUUID().slice(0, 8)}`;
    const token = await issuer.sign(
      { role: 'lab_partner', sub: partner, scope: PARTNER_TOKEN_SCOPES },
      { expiresInSec: 3600 },
    );
    const tests: Array<NonNullable<Awaited<ReturnType<LabService['stores']['catalogue']['save']>>>> = [];
    for (const t of labPanel(partner)) {
      const saved = await service.stores.catalogue.save(t);
      if (!saved) throw new Error(`catalogue: ${t.code} not saved`);
      tests.push(saved);
    }

    /** `n` orders of the three tests, each collected (its own specimen), ready for results. */
    async function prepareOrders(n: number, concurrency = 8): Promise<Order[]> {
      const out: Order[] = new Array(n);
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < n; i = next++) {
          const order = await service.stores.orders.insert({
            id: randomUUID(),
            patientId: randomUUID(),
            visitId: randomUUID(),
            orderedBy: `bench-doctor-${i % 20}`,
            partnerClientId: partner,
            partnerName: tests[0]!.partnerName,
            priority: i % 10 === 0 ? 'URGENT' : 'ROUTINE',
            clinicalNote: null,
            specimenCode: newSpecimenCode(),
            specimenType: tests[0]!.specimenType,
            patientSex: i % 2 === 0 ? 'FEMALE' : 'MALE',
            patientAgeYears: 25 + (i % 60),
            testIds: tests.map((t) => t.id),
          });
          await service.stores.orders.transition(order.id, 'COLLECTED');
          out[i] = { id: order.id, specimenCode: order.specimenCode };
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return out;
    }

    return {
      kind: opts.kind,
      service,
      partner,
      token,
      registry,
      doc,
      urls: {
        subgraph: `${lab.url}/graphql`,
        gated: `${gated.url}/graphql`,
        open: `${open.url}/graphql`,
      },
      prepareOrders,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
