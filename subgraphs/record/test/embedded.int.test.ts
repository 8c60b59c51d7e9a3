/**
 * The embedded default (PGlite on a data directory, a master key file generated on first start)
 * is what every newcomer runs. Always on PGlite, whatever TEST_DATABASE says: every write with a
 * cold key cache, a restart over the same directory (keys unwrapped again from the key file),
 * idle-then-act, and a wrong key file refusing the start with a clear message. A lock-up shows as "no
 * answer", not as a test timeout.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateMasterKey } from '@medikamente/runtime';
import { createTestIssuer } from '@medikamente/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveRecord } from './harness';
import { CONTENT, OPEN, SAVE, SIGN, VISIT } from './record-helpers';

const within = <T>(ms: number, p: Promise<T>, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms),
    ),
  ]);

type Issuer = Awaited<ReturnType<typeof createTestIssuer>>;

const startOn = (dataDir: string, issuer: Issuer) =>
  serveRecord({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DATA_DIR: dataDir }, issuer.verifier);

describe('record on the embedded database (PGlite) with a generated key file', () => {
  let dir: string;
  let issuer: Issuer;
  const doctorId = `doctor-${randomUUID()}`;
  const patientId = randomUUID();
  let doctor: string;
  let patient: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'record-embedded-'));
    issuer = await createTestIssuer();
    doctor = await issuer.sign({ role: 'doctor', sub: doctorId });
    patient = await issuer.sign({ role: 'patient', sub: `acc-${randomUUID()}`, pid: patientId });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes and signs with cold caches, survives a restart and an idle period, and refuses a wrong key', async () => {
    const dataDir = join(dir, 'record');
    let h = await startOn(dataDir, issuer);
    const keyFile = `${dataDir}-master.key`;
    // The development master key is generated on first start, owner-only, never in the repository.
    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    await h.service.stores.care.grant(
      doctorId,
      patientId,
      'appointment:embedded',
      new Date(Date.now() + 86_400_000),
    );
    h.service.stores.keyring.clearCache();
    const opened = await within(5000, h.query(OPEN, { patientId }, doctor), 'openVisit');
    const visitId = opened.data.openVisit.visit.id;
    h.service.stores.keyring.clearCache();
    const saved = await within(
      5000,
      h.query(SAVE, { visitId, content: CONTENT, rev: 0 }, doctor),
      'saveVisitDraft',
    );
    expect(saved.data.saveVisitDraft.ok).toBe(true);
    h.service.stores.keyring.clearCache();
    const signed = await within(5000, h.query(SIGN, { visitId, key: randomUUID() }, doctor), 'signVisit');
    expect(signed.data.signVisit.ok).toBe(true);
    await h.stop();

    // Restart over the same directory: the keys are unwrapped again from the key file.
    h = await startOn(dataDir, issuer);
    const seen = await within(5000, h.query(VISIT, { id: visitId }, patient), 'visit after restart');
    expect(seen.data.visit.current.conclusion).toBe(CONTENT.conclusion);
    // Idle, then act: nothing held open by the first request blocks the next one.
    await new Promise((r) => setTimeout(r, 1500));
    const again = await within(5000, h.query(VISIT, { id: visitId }, doctor), 'visit after idle');
    expect(again.data.visit.versions).toHaveLength(1);
    await h.stop();

    // A different key file: the service refuses to open the data keys with a clear reason.
    const original = readFileSync(keyFile, 'utf8');
    writeFileSync(keyFile, `${generateMasterKey()}\n`);
    await expect(startOn(dataDir, issuer)).rejects.toThrow(
      /master key cannot open the data keys.*RECORD_MASTER_KEY/,
    );
    writeFileSync(keyFile, original);
  });
});
