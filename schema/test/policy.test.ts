import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldEffect, loadPolicy, policyScenarios, type Scenario } from '../src/policy';

const policy = loadPolicy();
const s = (role: string, ...conditions: string[]): Scenario => ({ role, conditions, label: role });
const eff = (category: string, sc: Scenario, tags?: string[]) => fieldEffect(policy, { category, tags }, sc);

// The product's non-negotiable rules (PRODUCT.md), pinned so that a policy edit that breaks
// one of them fails here even though the generated matrix would follow the edit.
describe('policy invariants from the product brief', () => {
  it('a patient sees everything of their own and nothing of anyone else', () => {
    for (const c of ['CONTACT', 'IDENTITY', 'SOCIAL', 'HEALTH', 'FINANCIAL', 'AUDIT']) {
      expect(eff(c, s('patient', 'self'))).toBe('full');
      expect(eff(c, s('patient'))).toBe('denied');
    }
  });

  it('reception never opens health data beyond the appointment summary, and sees documents masked', () => {
    expect(eff('HEALTH', s('receptionist'))).toBe('denied');
    expect(eff('HEALTH', s('receptionist'), ['appointmentSummary'])).toBe('full');
    expect(eff('IDENTITY', s('receptionist'), ['document'])).toBe('masked');
    expect(eff('IDENTITY', s('receptionist'))).toBe('full');
  });

  it('doctors need a care relationship for health data; other doctors get masked contacts only', () => {
    expect(eff('HEALTH', s('doctor', 'careRelationship'))).toBe('full');
    expect(eff('HEALTH', s('doctor'))).toBe('denied');
    expect(eff('CONTACT', s('doctor'))).toBe('masked');
    expect(eff('FINANCIAL', s('doctor', 'careRelationship'))).toBe('denied');
  });

  it('IT admins, lab partners and analysts never see medical content or names', () => {
    for (const role of ['it_admin', 'lab_partner', 'analyst', 'security_officer', 'cashier', 'accountant']) {
      expect(eff('HEALTH', s(role))).toBe('denied');
    }
    expect(eff('CONTACT', s('lab_partner', 'partnerOwns'))).toBe('denied');
    expect(eff('IDENTITY', s('lab_partner', 'partnerOwns'), ['sexAge'])).toBe('full');
    expect(eff('IDENTITY', s('lab_partner', 'partnerOwns'))).toBe('denied');
    expect(eff('IDENTITY', s('analyst'), ['ageBand'])).toBe('full');
  });

  it('SECRET is denied to every role; AUDIT is the security officer’s', () => {
    for (const role of Object.keys(policy.roles))
      expect(eff('SECRET', s(role, 'self', 'careRelationship', 'partnerOwns'))).toBe('denied');
    expect(eff('AUDIT', s('security_officer'))).toBe('full');
    expect(eff('AUDIT', s('it_admin'))).toBe('denied');
  });

  it('enumerates scenarios for every role', () => {
    const roles = new Set(policyScenarios(policy).map((x) => x.role));
    expect(roles).toEqual(new Set(Object.keys(policy.roles)));
    expect(policyScenarios(policy).map((x) => x.label)).toContain('doctor+careRelationship');
  });
});

describe('policy loading', () => {
  it('rejects a policy naming an unknown role, condition or effect', () => {
    const write = (text: string) => {
      const p = join(tmpdir(), `policy-${Math.random()}.yaml`);
      writeFileSync(p, text);
      return p;
    };
    const base = `version: 1\nroles: { patient: x }\nconditions: { self: x }\ncategories: { PUBLIC: { description: x, audited: false } }\nsubjects: {}\noperations: {}\nsecondFactor: { roles: [], description: x }\npersonalDataNamePattern: x\n`;
    expect(() => loadPolicy(write(`${base}rules: { PUBLIC: { patient: full } }`))).not.toThrow();
    expect(() => loadPolicy(write(`${base}rules: { PUBLIC: { nurse: full } }`))).toThrow(/unknown role/);
    expect(() =>
      loadPolicy(write(`${base}rules: { PUBLIC: { patient: [{ when: moonPhase, effect: full }] } }`)),
    ).toThrow(/unknown condition/);
    expect(() => loadPolicy(write(`${base}rules: { PUBLIC: { patient: maybe } }`))).toThrow();
  });
});
