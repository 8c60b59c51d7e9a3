/**
 * The cost of the partner gate (trusted documents, ADR 0015) in `pnpm bench:lab`:
 *  - the gate's functions alone, in a loop (no HTTP): `decidePartnerRequest`, and the
 *    `trustedDocumentsGate` middleware against the pass-through the gateway uses without it;
 *  - end to end: the partner's PartnerOrder read, sequentially and interleaved, through the gated
 *    gateway (by id), the same gateway without the gate (`unsafePartnerFreeText`, by text) and the
 *    subgraph directly, in `blocks` blocks so the spread between blocks shows the noise.
 */
import { performance } from 'node:perf_hooks';
import type { Principal } from '@medikamente/runtime';
import { decidePartnerRequest, trustedDocumentsGate } from '@medikamente/supergraph/trusted-documents';
import type { Request, RequestHandler, Response } from 'express';
import { summarise } from '../bench-record/measure';
import { MANIFEST, PARTNER_TOKEN_SCOPES, type Stack } from './stack';

export type LoopRow = { name: string; nsPerCall: number; min: number; max: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** ns per call of `fn` over `iterations` calls, `repeats` times (median, min, max), after a warm-up. */
function loop(name: string, fn: (i: number) => void, iterations: number, repeats: number): LoopRow {
  for (let i = 0; i < iterations; i++) fn(i);
  const runs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) fn(i);
    runs.push(((performance.now() - t0) * 1e6) / iterations);
  }
  return { name, nsPerCall: median(runs), min: Math.min(...runs), max: Math.max(...runs) };
}

export function gateLoops(stack: Stack, iterations: number, repeats: number): LoopRow[] {
  const post = stack.doc('PostResults');
  const principal = (role: string, scopes: string): Principal => ({
    kind: 'client',
    subject: stack.partner,
    role,
    patientId: null,
    branchIds: [],
    scopes: scopes.split(' '),
    sessionId: null,
    amr: [],
  });
  const partner = principal('lab_partner', PARTNER_TOKEN_SCOPES);
  const staff: Principal = { ...principal('doctor', ''), kind: 'user', scopes: [] };
  const variables = { input: { specimenCode: 'X', partnerResultId: 'Y', results: [] } };
  const byId = () => ({ documentId: `sha256:${post.id}`, operationName: post.name, variables });
  const byText = () => ({ query: post.body, operationName: post.name, variables });
  let sink = 0;
  const decided = decidePartnerRequest(stack.registry, partner, 'POST', byId());
  if (!decided.ok || decided.document.manifest !== MANIFEST)
    throw new Error('the gate refuses the benchmark request');

  const gate = trustedDocumentsGate(stack.registry);
  const passThrough: RequestHandler = (_req, _res, next) => next();
  const res = {} as Response;
  const next = () => {
    sink++;
  };
  /** A request as the gate sees it: verified principal, parsed body (fresh: the gate rewrites it). */
  const request = (p: Principal, body: Record<string, unknown>) =>
    ({ method: 'POST', body, principal: p }) as unknown as Request;
  const rows = [
    loop(
      'decidePartnerRequest (partner, allowed id)',
      () => {
        const d = decidePartnerRequest(stack.registry, partner, 'POST', byId());
        if (d.ok) sink++;
      },
      iterations,
      repeats,
    ),
    loop(
      'gate middleware, partner by id',
      () => gate(request(partner, byId()), res, next),
      iterations,
      repeats,
    ),
    loop(
      'pass-through (gateway without the gate), partner by text',
      () => passThrough(request(partner, byText()), res, next),
      iterations,
      repeats,
    ),
    loop(
      'gate middleware, staff token (not a partner)',
      () => gate(request(staff, byText()), res, next),
      iterations,
      repeats,
    ),
  ];
  if (sink === 0) throw new Error('nothing ran');
  return rows;
}

export type E2eRow = {
  name: string;
  n: number;
  p50: number;
  p95: number;
  mean: number;
  /** p50 of each block. */
  blockP50: number[];
  /** This process's CPU per request (gateway, subgraph, client; PGlite too when in process), µs. */
  cpuUs: number;
};

/** The partner's PartnerOrder read along the three paths, interleaved per request, in blocks. */
export async function gateEndToEnd(
  stack: Stack,
  specimenCode: string,
  o: { iterations: number; blocks: number; warmup: number },
): Promise<E2eRow[]> {
  const read = stack.doc('PartnerOrder');
  const variables = { specimenCode };
  const paths = [
    {
      name: 'gateway, trusted document (id)',
      url: stack.urls.gated,
      body: JSON.stringify({ documentId: `sha256:${read.id}`, operationName: read.name, variables }),
    },
    {
      name: 'gateway without the gate (text)',
      url: stack.urls.open,
      body: JSON.stringify({ query: read.body, operationName: read.name, variables }),
    },
    {
      name: 'lab subgraph directly (text)',
      url: stack.urls.subgraph,
      body: JSON.stringify({ query: read.body, operationName: read.name, variables }),
    },
  ];
  const once = async (p: (typeof paths)[number]) => {
    const res = await fetch(p.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.token}` },
      body: p.body,
    });
    const body = (await res.json()) as {
      data?: { partnerLabOrder?: { specimenCode: string } };
      errors?: unknown[];
    };
    if (body.errors?.length || body.data?.partnerLabOrder?.specimenCode !== specimenCode)
      throw new Error(`${p.name}: ${JSON.stringify(body).slice(0, 300)}`);
  };
  for (const p of paths) for (let i = 0; i < o.warmup; i++) await once(p);
  const samples = paths.map(() => [] as number[]);
  const blocks = paths.map(() => [] as number[]);
  const cpu = paths.map(() => 0);
  for (let b = 0; b < o.blocks; b++) {
    const inBlock = paths.map(() => [] as number[]);
    for (let round = 0; round < o.iterations; round++) {
      for (let k = 0; k < paths.length; k++) {
        const i = (k + round) % paths.length;
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        await once(paths[i]!);
        const t = performance.now() - t0;
        const c = process.cpuUsage(c0);
        cpu[i]! += c.user + c.system;
        samples[i]!.push(t);
        inBlock[i]!.push(t);
      }
    }
    for (const [i, s] of inBlock.entries()) blocks[i]!.push(summarise('', s).p50);
  }
  return paths.map((p, i) => ({
    ...summarise(p.name, samples[i]!),
    blockP50: blocks[i]!,
    cpuUs: cpu[i]! / samples[i]!.length,
  }));
}
