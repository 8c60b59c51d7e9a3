/**
 * The staff second factor, as a matrix generated from schema/policy.yaml and the supergraph:
 * every root operation × every role of `secondFactor.roles` that may call it, through the
 * gateway, with a token without "otp" (refused with SECOND_FACTOR_REQUIRED unless the operation is
 * marked withoutSecondFactor) and with one (never refused for that reason). Also `_entities` on
 * every subgraph and the live-events subscription.
 */

import { codes, gql } from '@medikamente/runtime/testing';
import { loadPolicy } from '@medikamente/schema';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { readSupergraph } from '../src/compose';
import { apiSchema, rootFields, validCall } from './bad-input';
import { type Platform, startPlatform } from './platform';

const policy = loadPolicy();
const schema = apiSchema(readSupergraph());
const staffRoles = new Set(policy.secondFactor.roles);

type Cell = { operation: string; role: string; document: string; variables: Record<string, unknown> };
const cells: Cell[] = rootFields(schema).flatMap(({ rootType, field }) => {
  const operation = `${rootType}.${field.name}`;
  const rule = policy.operations[operation];
  if (!rule || rule.anonymous) return [];
  const call = validCall(field, rootType, {}, 'SecondFactor');
  return (rule.roles ?? []).filter((r) => staffRoles.has(r)).map((role) => ({ operation, role, ...call }));
});

describe('staff second factor, generated from the policy', () => {
  let p: Platform;
  const accounts = new Map<string, string>();
  /** A fresh session per call: some operations end the caller's session (signOut). */
  const token = (role: string, amr: string[]) => p.identity.issueTokenFor(accounts.get(role)!, { amr });

  beforeAll(async () => {
    p = await startPlatform({
      gateway: {
        rateLimits: {
          perAddress: { points: 100_000, durationSec: 60 },
          anonymousPerAddress: { points: 100_000, durationSec: 60 },
          perAccount: { points: 100_000, durationSec: 60 },
        },
      },
    });
    for (const role of staffRoles)
      accounts.set(role, (await p.identity.createAccount({ role: role as never })).accountId);
  });
  afterAll(() => p?.stop());

  it('covers every staff-callable operation of the supergraph', () => {
    expect(cells.length).toBeGreaterThan(40);
    expect(new Set(cells.map((c) => c.operation)).size).toBeGreaterThan(20);
  });

  it('without a second factor: SECOND_FACTOR_REQUIRED, except the operations marked for enrolment', async () => {
    const wrong: string[] = [];
    for (let i = 0; i < cells.length; i += 8) {
      await Promise.all(
        cells.slice(i, i + 8).map(async (c) => {
          const r = await gql(p.url, c.document, c.variables, { token: await token(c.role, ['pwd']) });
          const refused = codes(r).includes('SECOND_FACTOR_REQUIRED');
          const exempt = policy.operations[c.operation]!.withoutSecondFactor === true;
          if (refused === exempt) wrong.push(`${c.role} ${c.operation}: ${JSON.stringify(codes(r))}`);
        }),
      );
    }
    expect(wrong).toEqual([]);
  });

  it('with the second factor no operation refuses for that reason', async () => {
    const wrong: string[] = [];
    // Rotating the signing key for real would change the platform under the other tests.
    const run = cells.filter((c) => c.operation !== 'Mutation.rotateSigningKey');
    for (let i = 0; i < run.length; i += 8) {
      await Promise.all(
        run.slice(i, i + 8).map(async (c) => {
          const r = await gql(p.url, c.document, c.variables, { token: await token(c.role, ['pwd', 'otp']) });
          if (codes(r).includes('SECOND_FACTOR_REQUIRED')) wrong.push(`${c.role} ${c.operation}`);
        }),
      );
    }
    expect(wrong).toEqual([]);
  });

  it('_entities on every subgraph refuses a staff token without the second factor', async () => {
    const q = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
    for (const url of [p.patientUrl, p.scheduleUrls[0]!, `${p.identityUrl}/graphql`]) {
      const r = await gql(url, q, { r: [] }, { token: await token('receptionist', ['pwd']) });
      expect(codes(r), url).toEqual(['SECOND_FACTOR_REQUIRED']);
      const ok = await gql(url, q, { r: [] }, { token: await token('receptionist', ['pwd', 'otp']) });
      expect(ok.errors, url).toBeUndefined();
    }
  });

  it('the live-events subscription refuses it too', async () => {
    const passwordOnly = await token('receptionist', ['pwd']);
    const result = await new Promise<unknown>((resolve) => {
      const client = createClient({
        url: p.url.replace('http', 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${passwordOnly}` },
      });
      client.subscribe(
        { query: 'subscription { appointmentEvents { type } }' },
        {
          next: (v) => resolve(v),
          error: (e) => resolve(e),
          complete: () => resolve('complete'),
        },
      );
    });
    expect(JSON.stringify(result)).toContain('SECOND_FACTOR_REQUIRED');
  });
});
