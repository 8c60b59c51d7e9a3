import { describe, expect, it } from 'vitest';
import { loadSecurityEnv } from '../src/env';

describe('AUDIT_SOURCES', () => {
  it('reads name=baseUrl pairs in order (what npm start passes: every subgraph but security)', () => {
    const env = loadSecurityEnv({
      AUDIT_SOURCES:
        'identity=http://127.0.0.1:4001, patient=http://127.0.0.1:4002/,lab=https://lab.internal',
    });
    expect(env.AUDIT_SOURCES).toEqual([
      { name: 'identity', baseUrl: 'http://127.0.0.1:4001' },
      { name: 'patient', baseUrl: 'http://127.0.0.1:4002' },
      { name: 'lab', baseUrl: 'https://lab.internal' },
    ]);
    expect(loadSecurityEnv({}).AUDIT_SOURCES).toEqual([]);
  });

  it('refuses malformed entries, other schemes and a source listed twice', () => {
    for (const bad of [
      'patient',
      '=http://x',
      'patient=ftp://x',
      'Patient=http://x',
      'patient=http://a,patient=http://b',
    ])
      expect(() => loadSecurityEnv({ AUDIT_SOURCES: bad }), bad).toThrow(/AUDIT_SOURCES/);
  });
});
