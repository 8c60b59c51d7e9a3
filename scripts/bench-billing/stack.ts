/**
 * What `pnpm bench:billing` runs, in this process: the billing subgraph on a throw-away database
 * with one ATOL Web Server emulator per branch desk (the register is the real bottleneck of a
 * desk: one per branch, as FISCAL_REGISTERS configures it), a gateway in front of it (the other
 * subgraphs of the manifest point at a closed port), a cashier's token, a price per branch and
 * an open shift on every register — and the raw-SQL path writing the same rows a desk payment
 * leaves (invoice, line, CHARGE, payment, PAYMENT, receipt) in one transaction, register-less.
 */
import { randomUUID } from 'node:crypto';
import { limitsFromEnv } from '@medikamente/runtime';
import { createTestDatabase, gql, type TestIssuer } from '@medikamente/runtime/testing/tools';
import { type BillingService, createBillingService, loadBillingEnv } from '@medikamente/subgraph-billing';
import { type AtolEmulator, startAtolEmulator } from '@medikamente/subgraph-billing/emulators';
import { createGateway, readSupergraph } from '@medikamente/supergraph';
import { loadSubgraphManifest } from '@medikamente/supergraph/manifest';

const UNLIMITED = { points: 1_000_000_000, durationSec: 60 };
export const PRICE_KOPECKS = 250_000;

export type Branch = { id: string; priceId: string };
export type BillingStack = NonNullable<Awaited<ReturnType<typeof startBillingStack>>>;

export async function startBillingStack(opts: {
  kind: 'postgres' | 'pglite';
  issuer: TestIssuer;
  branches: number;
  /** ATOL emulator queue step (ms): the emulated register's speed. */
  registerTickMs: number;
  log(s: string): void;
}) {
  const db =
    opts.kind === 'postgres'
      ? await createTestDatabase('bench_billing')
      : { url: undefined, drop: async () => {} };
  if (opts.kind === 'postgres' && !db.url) return null;
  const cleanup: Array<() => Promise<unknown>> = [db.drop];
  const close = async () => {
    for (const c of cleanup) await c().catch(() => {});
  };
  try {
    const branchIds = Array.from({ length: opts.branches }, () => randomUUID());
    const registers: AtolEmulator[] = [];
    for (let i = 0; i < opts.branches; i++) {
      const r = await startAtolEmulator({ tickMs: opts.registerTickMs });
      registers.push(r);
      cleanup.unshift(() => r.close());
    }
    const env = loadBillingEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: 'memory://',
      ...(db.url ? { BILLING_DATABASE_URL: db.url } : {}),
      FISCAL_REGISTERS: branchIds.map((b, i) => `${b}=${registers[i]!.url}`).join(','),
      FISCAL_WAIT_MS: '10000',
    });
    const service: BillingService = await createBillingService(env, {
      verifier: opts.issuer.verifier,
      background: false,
    });
    cleanup.unshift(() => service.close());
    const subgraph = await service.subgraph.listen(0, '127.0.0.1');
    cleanup.unshift(() => subgraph.close());
    const closed = 'http://127.0.0.1:9/graphql';
    const gateway = await (
      await createGateway({
        supergraphSdl: readSupergraph(),
        subgraphUrls: {
          ...Object.fromEntries(loadSubgraphManifest({ checkFiles: false }).map((s) => [s.name, closed])),
          billing: `${subgraph.url}/graphql`,
        },
        verifier: opts.issuer.verifier,
        // The deployed defaults (MAX_QUERY_* unset).
        limits: limitsFromEnv(env),
        production: false,
        logLevel: 'silent',
        // The deployed guards stay on; only the per-account budget is lifted for thousands of calls.
        rateLimits: { perAddress: UNLIMITED, anonymousPerAddress: UNLIMITED, perAccount: UNLIMITED },
      })
    ).listen(0);
    cleanup.unshift(() => gateway.close());

    // A cashier of every branch (no branch list = all), with the second factor.
    const cashier = await opts.issuer.sign(
      { role: 'cashier', sub: `bench-cashier-${randomUUID().slice(0, 8)}`, amr: ['pwd', 'otp'] },
      { expiresInSec: 3600 },
    );
    const urls = { gateway: `${gateway.url}/graphql`, subgraph: `${subgraph.url}/graphql` };
    const branches: Branch[] = [];
    for (const id of branchIds) {
      const item = await service.stores.prices.add(
        {
          branchId: id,
          code: `BENCH-${id.slice(0, 8)}`,
          kind: 'SERVICE',
          refId: randomUUID(),
          name: 'Приём терапевта, первичный',
          priceKopecks: PRICE_KOPECKS,
          vat: 'none',
          validFrom: '2020-01-01',
          validTo: null,
        },
        'bench-accountant',
      );
      branches.push({ id, priceId: item!.id });
      const shift = await gql(
        urls.subgraph,
        'mutation($b: ID!) { openFiscalShift(branchId: $b) { ok shift { open } } }',
        { b: id },
        { token: cashier },
      );
      if (!shift.data?.openFiscalShift?.shift?.open)
        throw new Error(`shift not opened: ${JSON.stringify(shift.errors)}`);
    }
    return { kind: opts.kind, service, registers, cashier, urls, branches, rawSql: rawSql(service), close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** The rows of an invoice paid in cash at the desk, written straight in SQL (no API, no register). */
function rawSql(service: BillingService) {
  return (branch: Branch, n: number) =>
    service.database.tx(async (q) => {
      const invoiceId = randomUUID();
      const paymentId = randomUUID();
      const patientId = randomUUID();
      const [seq] = await q<{ n: string }>("select nextval('invoice_number_seq')::text as n");
      await q(
        `insert into invoice (id, number, patient_id, branch_id, source, created_by) values ($1, $2, $3, $4, 'DESK', 'bench')`,
        [invoiceId, `B-${seq!.n}`, patientId, branch.id],
      );
      await q(
        `insert into invoice_line (invoice_id, line_no, price_item_id, name, unit_price_kopecks, quantity, amount_kopecks, vat)
         values ($1, 1, $2, 'Приём терапевта, первичный', $3, 1, $3, 'none')`,
        [invoiceId, branch.priceId, PRICE_KOPECKS],
      );
      await q(
        `insert into ledger_entry (invoice_id, kind, amount_kopecks, actor) values ($1, 'CHARGE', $2, 'bench')`,
        [invoiceId, PRICE_KOPECKS],
      );
      await q(
        `insert into payment (id, invoice_id, patient_id, method, amount_kopecks, status, register_id, created_by, captured_at)
         values ($1, $2, $3, 'CASH', $4, 'CAPTURED', $5, 'bench', now())`,
        [paymentId, invoiceId, patientId, PRICE_KOPECKS, `branch:${branch.id}`],
      );
      await q(
        `insert into ledger_entry (invoice_id, kind, amount_kopecks, payment_id, actor) values ($1, 'PAYMENT', $2, $3, 'bench')`,
        [invoiceId, PRICE_KOPECKS, paymentId],
      );
      await q(
        `insert into receipt (id, payment_id, patient_id, operation, register_id, body, total_kopecks, fiscal_document_number,
           fiscal_sign, fn_number, registration_number, shift_number, receipt_number, fiscal_at)
         values ($1, $1, $2, 'SELL', $3, $4, $5, $6, '1234567890', '9999078900004312', '0000000001002292', 1, $6, now())`,
        [
          paymentId,
          patientId,
          `branch:${branch.id}`,
          JSON.stringify({
            operation: 'sell',
            lines: [
              {
                name: 'Приём терапевта, первичный',
                priceKopecks: PRICE_KOPECKS,
                quantity: 1,
                amountKopecks: PRICE_KOPECKS,
                measurementUnit: 'piece',
                vat: 'none',
                paymentMethod: 'fullPayment',
                paymentObject: 'service',
              },
            ],
            payments: [{ type: 'cash', sumKopecks: PRICE_KOPECKS }],
            totalKopecks: PRICE_KOPECKS,
            operatorName: 'Кассир',
          }),
          PRICE_KOPECKS,
          n,
        ],
      );
    });
}
