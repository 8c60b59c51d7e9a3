import { GraphQLError, Kind, parseValue as parseAst } from 'graphql';
import { describe, expect, it } from 'vitest';
import { KopecksScalar } from '../src/modules/kopecks';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GraphQLError);
    return (e as GraphQLError).extensions.code;
  }
  throw new Error('accepted');
};

describe('the Kopecks scalar', () => {
  it('takes and gives whole numbers of kopecks up to ±MAX_SAFE_INTEGER, beyond Int', () => {
    for (const n of [0, 1, -1, 2 ** 31, 3_000_000_000, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
      expect(KopecksScalar.parseValue(n)).toBe(n);
      expect(KopecksScalar.parseLiteral(parseAst(String(n)))).toBe(n);
      expect(KopecksScalar.serialize(n)).toBe(n);
    }
    expect(KopecksScalar.serialize(3_000_000_000n)).toBe(3_000_000_000);
  });

  it('refuses floats, strings, out-of-range and other JSON values as BAD_USER_INPUT', () => {
    for (const v of [
      1.5,
      0.1,
      '100',
      '',
      2 ** 53,
      -(2 ** 53),
      1e21,
      Number.NaN,
      Infinity,
      true,
      null,
      {},
      [1],
    ])
      expect(
        codeOf(() => KopecksScalar.parseValue(v)),
        String(v),
      ).toBe('BAD_USER_INPUT');
  });

  it('refuses inline literals that are not safe integers', () => {
    for (const text of ['1.5', '1e3', '"100"', 'true', 'null', 'CASH', '[1]', '{ a: 1 }', '9007199254740992'])
      expect(
        codeOf(() => KopecksScalar.parseLiteral(parseAst(text))),
        text,
      ).toBe('BAD_USER_INPUT');
    expect(codeOf(() => KopecksScalar.parseLiteral({ kind: Kind.INT, value: '99999999999999999999' }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('never sends a value that is not a safe integer (our bug, not a rounded amount)', () => {
    for (const v of [1.5, '100', 2 ** 53, 2n ** 60n, null, undefined])
      expect(() => KopecksScalar.serialize(v), String(v)).toThrow(TypeError);
  });
});
