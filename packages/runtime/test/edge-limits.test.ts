import { describe, expect, it } from 'vitest';
import { checkDocument, DEFAULT_DOCUMENT_LIMITS } from '../src/limits';
import { boundedLabel } from '../src/metrics';
import { connectRedis, createRateLimiter } from '../src/rate-limit';

describe('checkDocument (parse-time limits)', () => {
  const limits = DEFAULT_DOCUMENT_LIMITS;

  it('refuses the 23,000-field document by its token count', () => {
    const refused = checkDocument(`{ ${'__typename '.repeat(23_000)}}`, limits);
    expect(refused).toMatch(/Query limit exceeded: more than 2000 tokens/);
  });

  it('refuses a field repeated in one selection set, not the same field in different sets', () => {
    expect(checkDocument('{ a { id id id id } }', limits)).toMatch(/"id" repeated/);
    expect(checkDocument('{ a { id } b { id } c { id } d { id } }', limits)).toBeNull();
    expect(checkDocument('{ x: id x: id x: id x: id }', limits)).toMatch(/"x" repeated/);
  });

  it('counts directives everywhere (fields, fragments, operations, variables)', () => {
    const many = Array.from({ length: 21 }, (_, i) => `f${i} @skip(if: true)`).join(' ');
    expect(checkDocument(`{ ${many} }`, limits)).toMatch(/directives/);
    const inFragment = `query Q @a @b { ...F } fragment F on Query @c { ${Array.from({ length: 18 }, (_, i) => `g${i} @d`).join(' ')} }`;
    expect(checkDocument(inFragment, limits)).toMatch(/directives/);
    expect(checkDocument('query Q($v: Int @x) { a @include(if: true) }', limits)).toBeNull();
  });

  it('refuses too many fields in all', () => {
    const wide = `{ ${Array.from({ length: 501 }, (_, i) => `f${i}`).join(' ')} }`;
    expect(checkDocument(wide, { ...limits, maxTokens: 10_000 })).toMatch(/more than 500 fields/);
  });

  it('leaves syntax errors and ordinary documents to the server', () => {
    expect(checkDocument('{ a ', limits)).toBeNull();
    expect(checkDocument('query Q($id: ID!) { patient(id: $id) { id fullName phone } }', limits)).toBeNull();
  });
});

describe('boundedLabel', () => {
  it('keeps the first well-formed names and puts the rest in "other"', () => {
    const label = boundedLabel(3);
    expect(['A', 'B', 'C', 'D', 'A'].map(label)).toEqual(['A', 'B', 'C', 'other', 'A']);
    expect(label(null)).toBe('anonymous');
    expect(boundedLabel()('x'.repeat(65))).toBe('other');
    expect(boundedLabel()('has space')).toBe('other');
  });
});

describe('createRateLimiter', () => {
  it('counts per key in the process without Redis', async () => {
    const l = createRateLimiter(`t-${crypto.randomUUID()}`, { points: 2, durationSec: 60 });
    const r = [await l.hit('a'), await l.hit('a'), await l.hit('a'), await l.hit('b')];
    expect(r.map((x) => x.allowed)).toEqual([true, true, false, true]);
    expect(r[2]!.retryAfterSec).toBeGreaterThan(0);
  });

  it('keeps limiting per process while Redis is unreachable', async () => {
    const redis = connectRedis('redis://127.0.0.1:1');
    try {
      const l = createRateLimiter(`t-${crypto.randomUUID()}`, { points: 2, durationSec: 60 }, redis);
      const r = [await l.hit('k'), await l.hit('k'), await l.hit('k')];
      expect(r.map((x) => x.allowed)).toEqual([true, true, false]);
    } finally {
      redis.disconnect();
    }
  });
});
