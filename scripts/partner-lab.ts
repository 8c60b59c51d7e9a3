/**
 * A sample partner laboratory: the program docs/partners.md walks through. It takes a token with
 * its client credentials, pulls the clinic's new orders through the allowlisted (trusted)
 * documents only, acknowledges the specimens, "analyses" them and posts the results (idempotent
 * by its own result id), with a small PDF report. `npm start` runs it as the demo laboratory
 * (`--watch`); the e2e test runs it once.
 *
 *   tsx scripts/partner-lab.ts --once [--value 2823-3=6.9] [--fhir]
 *   tsx scripts/partner-lab.ts --watch [--every 5]
 *
 * Settings: PARTNER_LAB_GATEWAY_URL (default http://127.0.0.1:4000/graphql), PARTNER_LAB_TOKEN_URL
 * (default http://127.0.0.1:4001/oauth/token), PARTNER_LAB_CLIENT_ID / PARTNER_LAB_CLIENT_SECRET or
 * PARTNER_LAB_CREDENTIALS_FILE (default: the demo laboratory's .data/partner-lab.json),
 * PARTNER_LAB_DOCUMENTS (default the published
 * supergraph/trusted-documents/lab-partner-v1/documents.json).
 * Uses nothing but Node.js: a partner can copy this file.
 */

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    once: { type: 'boolean', default: false },
    watch: { type: 'boolean', default: false },
    every: { type: 'string', default: '5' },
    value: { type: 'string', multiple: true, default: [] },
    fhir: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

type Credentials = { clientId: string; clientSecret: string };
function credentials(): Credentials {
  const { PARTNER_LAB_CLIENT_ID: id, PARTNER_LAB_CLIENT_SECRET: secret } = process.env;
  if (id && secret) return { clientId: id, clientSecret: secret };
  const file =
    process.env.PARTNER_LAB_CREDENTIALS_FILE ??
    join(process.env.MEDIKAMENTE_DATA_DIR ?? join(root, '.data'), 'partner-lab.json');
  if (!existsSync(file))
    throw new Error(`no credentials: set PARTNER_LAB_CLIENT_ID/SECRET or start the platform (${file})`);
  return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
}

const gatewayUrl = process.env.PARTNER_LAB_GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';
const tokenUrl = process.env.PARTNER_LAB_TOKEN_URL ?? 'http://127.0.0.1:4001/oauth/token';
const documentsFile =
  process.env.PARTNER_LAB_DOCUMENTS ??
  join(root, 'supergraph/trusted-documents/lab-partner-v1/documents.json');
const log = (...m: unknown[]) => args.quiet || console.log('[partner-lab]', ...m);

/** The published documents: operation name -> its id (sha256 of the body, checked here too). */
function documentIds(): Map<string, string> {
  const docs = JSON.parse(readFileSync(documentsFile, 'utf8')) as Record<
    string,
    { name: string; body: string }
  >;
  const ids = new Map<string, string>();
  for (const [id, d] of Object.entries(docs)) {
    if (createHash('sha256').update(d.body, 'utf8').digest('hex') !== id)
      throw new Error(`document ${d.name}: id mismatch`);
    ids.set(d.name, id);
  }
  return ids;
}

let token: { value: string; until: number } | undefined;
async function accessToken(c: Credentials): Promise<string> {
  if (token && token.until > Date.now() + 30_000) return token.value;
  const res = await fetch(tokenUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(c.clientId)}:${encodeURIComponent(c.clientSecret)}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  const body = (await res.json()) as { access_token?: string; expires_in?: number; error?: string };
  if (!res.ok || !body.access_token)
    throw new Error(`token endpoint answered ${res.status} ${body.error ?? ''}`);
  token = { value: body.access_token, until: Date.now() + (body.expires_in ?? 300) * 1000 };
  return token.value;
}

type Answer = {
  ok: boolean;
  replayed: boolean;
  inputErrors: Array<{ field: string; code: string; message: string }>;
};

/** Runs one allowlisted operation by its id (never a document text: the gateway refuses those). */
async function run<T>(c: Credentials, ids: Map<string, string>, name: string, variables: object): Promise<T> {
  const id = ids.get(name);
  if (!id) throw new Error(`operation ${name} is not in the published documents`);
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await accessToken(c)}` },
      body: JSON.stringify({ documentId: `sha256:${id}`, operationName: name, variables }),
    });
    // Rate limited or the platform restarting: retry the same request (results are idempotent).
    if ((res.status === 429 || res.status >= 500) && attempt < 5) {
      await new Promise((r) => setTimeout(r, 500 * attempt));
      continue;
    }
    const body = (await res.json()) as {
      data?: T;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
    if (body.errors?.length)
      throw new Error(`${name}: ${body.errors.map((e) => e.extensions?.code ?? e.message).join(', ')}`);
    return body.data as T;
  }
}

type PartnerOrder = {
  specimenCode: string;
  status: string;
  sex: string;
  ageBand: string | null;
  tests: Array<{ code: string; name: string; unit: string | null; resulted: boolean }>;
};

/**
 * Demo values by the demo catalogue's codes (scripts/seed-lab-catalogue.ts): within the usual
 * adult range unless `--value CODE=number` says otherwise.
 */
const DEMO: Record<string, number | string> = {
  '718-7': 138,
  '6690-2': 6.1,
  '777-3': 245,
  '14749-6': 5.2,
  '2823-3': 4.4,
  '2951-2': 140,
  '14682-9': 72,
  '1742-6': 21,
  '3016-3': 1.9,
  '1988-5': 2.1,
  HBSAG: 'отрицательно',
  'UA-COLOR': 'соломенно-жёлтый',
};
const overrides = new Map(
  (args.value ?? []).map((v) => {
    const [k, n] = v.split('=');
    return [k!, Number.isNaN(Number(n)) ? n! : Number(n)] as const;
  }),
);
const valueFor = (t: PartnerOrder['tests'][number]) => {
  const v = overrides.get(t.code) ?? DEMO[t.code] ?? (t.unit ? 1 : 'норма');
  return typeof v === 'number' ? { numeric: v, unit: t.unit } : { coded: v };
};

/** A one-page PDF report without active content (hand-written: no dependency for a partner). */
function reportPdf(code: string): string {
  const text = `Lab report ${code}`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length + 30} >>\nstream\nBT /F1 14 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1').toString('base64');
}

/** FHIR R4 form of the same results (DiagnosticReport + Observations), as `--fhir` sends it. */
function fhirBundle(o: PartnerOrder, resultId: string) {
  const observations = o.tests
    .filter((t) => !t.resulted)
    .map((t, i) => {
      const v = valueFor(t);
      return {
        fullUrl: `urn:uuid:obs-${i}`,
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: t.code }] },
          ...('numeric' in v
            ? { valueQuantity: { value: v.numeric, unit: v.unit ?? undefined } }
            : { valueString: v.coded }),
        },
      };
    });
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        fullUrl: 'urn:uuid:report',
        resource: {
          resourceType: 'DiagnosticReport',
          status: 'final',
          identifier: [
            { system: 'urn:partner-lab:result', value: resultId },
            { system: 'urn:medikamente:specimen', value: o.specimenCode },
          ],
          code: { text: 'Результаты' },
          issued: new Date().toISOString(),
          result: observations.map((x) => ({ reference: x.fullUrl })),
        },
      },
      ...observations,
    ],
  };
}

/** One pass: every new order is acknowledged, resulted and given a report. Returns how many. */
async function pass(c: Credentials, ids: Map<string, string>): Promise<number> {
  let after: string | null = null;
  let done = 0;
  for (;;) {
    type Page = { orders: PartnerOrder[]; endCursor: string | null; hasMore: boolean };
    const data: { partnerLabOrders: Page } = await run(c, ids, 'PartnerOrders', { after, first: 50 });
    const page = data.partnerLabOrders;
    const open = page.orders.filter((o) => ['COLLECTED', 'SENT', 'RECEIVED'].includes(o.status));
    if (open.length > 0)
      await run(c, ids, 'AcknowledgeSpecimens', {
        input: { specimenCodes: open.map((o) => o.specimenCode) },
      });
    for (const o of open) {
      // The laboratory's own id for this result message: a retry sends the same id and body.
      const resultId = `DL-${o.specimenCode}`;
      const pending = o.tests.filter((t) => !t.resulted);
      if (pending.length === 0) continue;
      const { answer } = args.fhir
        ? await run<{ answer: Answer }>(c, ids, 'PostFhirReport', {
            input: { bundle: JSON.stringify(fhirBundle(o, resultId)) },
          })
        : await run<{ answer: Answer }>(c, ids, 'PostResults', {
            input: {
              specimenCode: o.specimenCode,
              partnerResultId: resultId,
              issuedAt: new Date().toISOString(),
              results: pending.map((t) => ({ testCode: t.code, ...valueFor(t) })),
            },
          });
      if (!answer.ok) {
        log(
          `results for ${o.specimenCode} refused:`,
          answer.inputErrors.map((e) => `${e.field} ${e.code}`).join('; '),
        );
        continue;
      }
      await run(c, ids, 'AttachReport', {
        input: {
          specimenCode: o.specimenCode,
          partnerResultId: resultId,
          pdfBase64: reportPdf(o.specimenCode),
        },
      });
      log(`${o.specimenCode}: ${pending.length} result(s) posted${answer.replayed ? ' (replayed)' : ''}`);
      done++;
    }
    if (!page.hasMore) return done;
    after = page.endCursor;
  }
}

const c = credentials();
const ids = documentIds();
if (args.watch) {
  const every = Math.max(1, Number(args.every)) * 1000;
  log(`watching ${gatewayUrl} every ${every / 1000} s`);
  for (;;) {
    await pass(c, ids).catch((e: unknown) => log('pass failed:', (e as Error).message));
    await new Promise((r) => setTimeout(r, every));
  }
} else {
  const n = await pass(c, ids);
  log(`${n} order(s) resulted`);
}
