/**
 * The embedded default (PGlite on a data directory, report files beside it, a master key file
 * generated on first start) is what every newcomer runs. Always on PGlite, whatever TEST_DATABASE
 * says: a cold start, the whole order → result → report → review path, a restart over the same
 * directory, and idle-then-act. A lock-up shows as "no answer", not as a test timeout.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestIssuer, samplePdf, type TestIssuer } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveLab } from './harness';
import {
  ATTACH,
  collectedOrder,
  LAB_ORDER,
  line,
  newPartnerId,
  partnerToken,
  postResults,
  REVIEW,
} from './lab-helpers';

const within = <T>(ms: number, p: Promise<T>, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms),
    ),
  ]);

describe('lab on the embedded database (PGlite) with a generated key file', () => {
  let dir: string;
  let issuer: TestIssuer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lab-embedded-'));
    issuer = await createTestIssuer();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('orders, takes results and a report, releases them, and keeps everything over a restart and an idle period', async () => {
    const dataDir = join(dir, 'lab');
    const startOn = () =>
      serveLab({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DATA_DIR: dataDir }, issuer);
    let h = await startOn();
    expect(existsSync(`${dataDir}-master.key`)).toBe(true);
    const partner = newPartnerId();
    const token = await partnerToken(h, partner);
    const c = await within(10_000, collectedOrder(h, partner, ['K', 'HGB']), 'order and collect');
    const rid = `R-${randomUUID()}`;
    const post = () =>
      postResults(
        h,
        token,
        c.order.specimenCode,
        [
          line(c.code('K'), { numeric: 4.6, unit: 'ммоль/л' }),
          line(c.code('HGB'), { numeric: 128, unit: 'г/л' }),
        ],
        rid,
      );
    h.service.stores.keyring.clearCache();
    const posted = await within(5000, post(), 'postLabResults');
    expect(posted.data.postLabResults).toMatchObject({ ok: true, orders: [{ status: 'RESULTED' }] });
    h.service.stores.keyring.clearCache();
    const pdf = Buffer.from(samplePdf('embedded report'));
    const attached = await within(
      5000,
      h.query(ATTACH, { code: c.order.specimenCode, rid, pdf: pdf.toString('base64') }, token),
      'attachLabReport',
    );
    expect(attached.data.attachLabReport.ok).toBe(true);
    const reviewed = await within(
      5000,
      h.query(REVIEW, { id: c.order.id, comment: 'Всё в норме', release: true }, c.doctor),
      'reviewLabOrder',
    );
    expect(reviewed.data.reviewLabOrder.order.status).toBe('RELEASED');
    await h.stop();

    // Restart over the same directory: orders, results, the review and the sealed report are there.
    h = await startOn();
    const seen = await within(
      5000,
      h.query(LAB_ORDER, { id: c.order.id }, c.patient),
      'labOrder after restart',
    );
    expect(seen.data.labOrder).toMatchObject({
      status: 'RELEASED',
      reviewComment: 'Всё в норме',
      hasReport: true,
    });
    expect(seen.data.labOrder.results.map((r: { numeric: number }) => r.numeric).sort()).toEqual([128, 4.6]);
    const [report] = (await h.service.stores.reports.forOrders([c.order.id])).get(c.order.id)!;
    expect(Buffer.compare(await h.service.services.reports.open(report!), pdf)).toBe(0);

    // Idle, then act: nothing held open by the earlier requests blocks the next ones.
    await new Promise((r) => setTimeout(r, 1500));
    const next = await within(10_000, collectedOrder(h, partner, ['K'], { who: c }), 'order after idle');
    const replay = await within(5000, post(), 'replay after idle');
    expect(replay.data.postLabResults).toMatchObject({ ok: true, replayed: true });
    const feed = await within(
      5000,
      h.query('query { partnerLabOrders { orders { specimenCode status } } }', {}, token),
      'feed after idle',
    );
    expect(feed.data.partnerLabOrders.orders).toEqual([
      { specimenCode: c.order.specimenCode, status: 'RESULTED' },
      { specimenCode: next.order.specimenCode, status: 'COLLECTED' },
    ]);
    await h.stop();
  });
});
