import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sampleExe, samplePdf, samplePng } from '@medikamente/runtime/testing';
import type { Bundle, Observation } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_TEST_SYSTEM, SPECIMEN_SYSTEM } from '../src/modules/fhir/fhir-input';
import {
  observation,
  PARTNER_REPORT_ID,
  report,
  specimen,
  url,
} from '../src/modules/fhir/fhir-input.fixture';
import { newSpecimenCode } from '../src/modules/orders/specimen-code';
import { type LabHarness, startLabSubgraph } from './harness';
import {
  ATTACH,
  collectedOrder,
  LAB_ORDER,
  line,
  newPartnerId,
  POST_FHIR,
  partnerToken,
  postResults,
  rowsOf,
} from './lab-helpers';

let h: LabHarness;
beforeAll(async () => {
  h = await startLabSubgraph();
});
afterAll(async () => h?.stop());

async function specimenOf(kinds: Array<'K' | 'HGB'>) {
  const p = newPartnerId();
  const c = await collectedOrder(h, p, kinds);
  return { ...c, token: await partnerToken(h, p) };
}
type Specimen = Awaited<ReturnType<typeof specimenOf>>;

/** The fixture's partner bundle (haemoglobin + potassium) adapted to the order's specimen and test codes. */
function bundleFor(
  s: Specimen,
  change: (b: { hgb: Observation; k: Observation }) => void = () => {},
): Bundle {
  const local = (o: Observation, code: string): Observation => ({
    ...o,
    code: { ...o.code, coding: [...(o.code?.coding ?? []), { system: LOCAL_TEST_SYSTEM, code }] },
  });
  const spec = specimen();
  spec.identifier = [{ system: SPECIMEN_SYSTEM, value: s.order.specimenCode }];
  // The partner's own flag N on a value the platform flags H for a woman (117–155 г/л).
  const hgb = local(
    observation('hgb', {
      valueQuantity: { value: 180, unit: 'г/л', system: 'http://unitsofmeasure.org', code: 'g/L' },
    }),
    s.code('HGB'),
  );
  const k = local(observation('k'), s.code('K'));
  change({ hgb, k });
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: url.report, resource: report({ result: [{ reference: url.hgb }, { reference: url.k }] }) },
      { fullUrl: url.specimen, resource: spec },
      { fullUrl: url.hgb, resource: hgb },
      { fullUrl: url.k, resource: k },
    ],
  };
}

describe('FHIR result bundles', () => {
  it('maps the bundle onto results with platform flags, replays it, and raises the critical potassium', async () => {
    const s = await specimenOf(['HGB', 'K']);
    const bundle = JSON.stringify(bundleFor(s));
    const r = await h.query(POST_FHIR, { bundle }, s.token);
    expect(r.data.postFhirLabReport).toMatchObject({
      ok: true,
      replayed: false,
      orders: [{ status: 'RESULTED' }],
    });
    const seen = (await h.query(LAB_ORDER, { id: s.order.id }, s.doctor)).data.labOrder;
    const by = (code: string) => seen.results.find((x: { testCode: string }) => x.testCode === code);
    expect(by(s.code('HGB'))).toMatchObject({ numeric: 180, unit: 'г/л', flag: 'H', critical: false });
    expect(by(s.code('K'))).toMatchObject({ numeric: 6.8, unit: 'ммоль/л', flag: 'HH', critical: true });
    expect(by(s.code('K')).partnerComment).toContain('Гемолиз не выявлен');
    const [post] = await h.service.database.query<{ partner_result_id: string; conclusion: string }>(
      'select partner_result_id, conclusion from lab_result_post where order_id = $1',
      [s.order.id],
    );
    expect(post).toEqual({
      partner_result_id: PARTNER_REPORT_ID,
      conclusion: 'Гиперкалиемия. Рекомендована повторная сдача.',
    });
    expect(await rowsOf(h, s.order.id)).toMatchObject({ results: 2, posts: 1, alerts: 1 });
    const again = await h.query(POST_FHIR, { bundle }, s.token);
    expect(again.data.postFhirLabReport).toEqual({ ...r.data.postFhirLabReport, replayed: true });
    expect(await rowsOf(h, s.order.id)).toMatchObject({ results: 2, posts: 1, alerts: 1 });
  });

  it.each([
    ['not JSON', () => '{"resourceType": "Bundle"', 'input.bundle', 'FHIR_INVALID'],
    [
      'a preliminary observation',
      (s: Specimen) => JSON.stringify(bundleFor(s, ({ k }) => Object.assign(k, { status: 'preliminary' }))),
      'input.bundle.entry[3].resource.status',
      'FHIR_INVALID',
    ],
    [
      'a patient resource',
      (s: Specimen) => {
        const b = bundleFor(s);
        b.entry!.push({
          fullUrl: `urn:uuid:${randomUUID()}`,
          resource: { resourceType: 'Patient', name: [{ family: 'Иванова' }] },
        });
        return JSON.stringify(b);
      },
      'input.bundle.entry[4].resource.resourceType',
      'FHIR_INVALID',
    ],
    [
      'a specimen code of no order',
      (s: Specimen) => JSON.stringify(bundleFor(s)).replaceAll(s.order.specimenCode, newSpecimenCode()),
      'input.bundle.specimenCode',
      'UNKNOWN_SPECIMEN',
    ],
  ])('refuses %s with a typed error and writes nothing', async (_, make, field, code) => {
    const s = await specimenOf(['HGB', 'K']);
    const r = await h.query(POST_FHIR, { bundle: make(s) }, s.token);
    expect(r.data.postFhirLabReport.ok).toBe(false);
    const errors = r.data.postFhirLabReport.inputErrors as Array<{ field: string; code: string }>;
    expect(errors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await rowsOf(h, s.order.id)).toEqual({
      results: 0,
      posts: 0,
      alerts: 0,
      reports: 0,
      status: 'COLLECTED',
    });
  });
});

/** Every file under a directory (the `fs` blob storage). */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) out.push(join(e.parentPath, e.name));
  return out;
}

describe('PDF reports', () => {
  it('stores the PDF sealed, replays the same file, refuses another file, non-PDFs and unknown result ids', async () => {
    const s = await specimenOf(['K']);
    const rid = `R-${randomUUID()}`;
    const early = await h.query(
      ATTACH,
      { code: s.order.specimenCode, rid, pdf: Buffer.from(samplePdf()).toString('base64') },
      s.token,
    );
    expect(early.data.attachLabReport.inputErrors).toMatchObject([
      { field: 'input.partnerResultId', code: 'NOT_FOUND' },
    ]);
    await postResults(
      h,
      s.token,
      s.order.specimenCode,
      [line(s.code('K'), { numeric: 4.4, unit: 'ммоль/л' })],
      rid,
    );
    const marker = `LAB-REPORT-${randomUUID()}`;
    const pdf = Buffer.from(samplePdf(marker));
    const before = new Set(await filesUnder(h.storageDir));
    const r = await h.query(
      ATTACH,
      { code: s.order.specimenCode, rid, pdf: pdf.toString('base64') },
      s.token,
    );
    expect(r.data.attachLabReport).toMatchObject({ ok: true, replayed: false });
    expect((await h.query(LAB_ORDER, { id: s.order.id }, s.doctor)).data.labOrder.hasReport).toBe(true);

    // The stored bytes are sealed: neither the PDF header nor its text are there.
    const added = (await filesUnder(h.storageDir)).filter((f) => !before.has(f));
    expect(added).toHaveLength(1);
    const stored = await readFile(added[0]!);
    expect(stored.includes(Buffer.from(marker))).toBe(false);
    expect(stored.includes(Buffer.from('%PDF'))).toBe(false);
    const [record] = (await h.service.stores.reports.forOrders([s.order.id])).get(s.order.id)!;
    expect(record).toMatchObject({ partnerResultId: rid, sizeBytes: pdf.length });
    expect(Buffer.compare(await h.service.services.reports.open(record!), pdf)).toBe(0);

    const again = await h.query(
      ATTACH,
      { code: s.order.specimenCode, rid, pdf: pdf.toString('base64') },
      s.token,
    );
    expect(again.data.attachLabReport).toMatchObject({ ok: true, replayed: true });
    const other = await h.query(
      ATTACH,
      { code: s.order.specimenCode, rid, pdf: Buffer.from(samplePdf('другой')).toString('base64') },
      s.token,
    );
    expect(other.data.attachLabReport).toMatchObject({
      ok: false,
      inputErrors: [{ field: 'input.partnerResultId', code: 'RESULT_CONFLICT' }],
    });
    for (const bad of [
      Buffer.from(sampleExe()).toString('base64'),
      Buffer.from(samplePng()).toString('base64'),
      'это не base64!',
      '',
    ])
      expect(
        (await h.query(ATTACH, { code: s.order.specimenCode, rid, pdf: bad }, s.token)).data.attachLabReport,
      ).toMatchObject({
        ok: false,
        inputErrors: [{ field: 'input.pdfBase64', code: 'REPORT_INVALID' }],
      });
    expect((await rowsOf(h, s.order.id)).reports).toBe(1);
    expect((await filesUnder(h.storageDir)).filter((f) => !before.has(f))).toHaveLength(1);
  });
});
