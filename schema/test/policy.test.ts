import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodeModules, staleErrorCodeModules } from '../src/error-codes';
import { fieldEffect, loadPolicy, POLICY_PATH, policyScenarios, type Scenario } from '../src/policy';

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
    const base = `version: 1\nroles: { patient: x }\nconditions: { self: x }\ncategories: { PUBLIC: { description: x, audited: false } }\nsecondFactor: { roles: [], description: x }\npersonalDataNamePattern: x\n`;
    expect(() => loadPolicy(write(`${base}rules: { PUBLIC: { patient: full } }`))).not.toThrow();
    expect(() => loadPolicy(write(`${base}rules: { PUBLIC: { nurse: full } }`))).toThrow(/unknown role/);
    expect(() =>
      loadPolicy(write(`${base}rules: { PUBLIC: { patient: [{ when: moonPhase, effect: full }] } }`)),
    ).toThrow(/unknown condition/);
    expect(() => loadPolicy(write(`${base}rules: { PUBLIC: { patient: maybe } }`))).toThrow();
  });
});

/** A temporary repository: the central policy, a manifest and one fragment per subgraph. */
function fixture(fragments: Record<string, string>, central = readFileSync(POLICY_PATH, 'utf8')): string {
  const root = mkdtempSync(join(tmpdir(), 'policy-root-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('schema/policy.yaml', central);
  write(
    'supergraph/subgraphs.yaml',
    `subgraphs:\n${Object.keys(fragments)
      .map((name) => `  - name: ${name}\n    dir: subgraphs/${name}\n`)
      .join('')}`,
  );
  for (const [name, text] of Object.entries(fragments)) write(`subgraphs/${name}/policy.yaml`, text);
  return root;
}

const PATIENT = `subjects:\n  Patient: { patientId: id }\noperations:\n  Query.patient: { roles: [doctor] }\nconditions:\n  careRelationship: a care relationship\nerrorCodes:\n  INVALID_SNILS: Неверный СНИЛС\n`;
const SCHEDULE = `subjects:\n  Appointment: { patientId: patientId }\noperations:\n  Query.freeSlots: { anonymous: true }\nerrorCodes:\n  SLOT_TAKEN: Занято\n`;

describe('policy fragments', () => {
  it('the repository: every subgraph of the manifest contributes its operations, subjects, conditions and codes', () => {
    expect(policy.owners.subjects).toMatchObject({
      Account: 'identity',
      Patient: 'patient',
      Consent: 'patient',
      ConsentStatus: 'patient',
      AccessLogEntry: 'patient',
      AuditEvent: 'patient',
      Appointment: 'schedule',
      ReminderSettings: 'schedule',
      Visit: 'record',
      VisitDraft: 'record',
      LabResult: 'lab',
      PartnerLabOrder: 'lab',
    });
    expect(policy.owners.operations['Mutation.signIn']).toBe('identity');
    expect(policy.owners.operations['Query.patient']).toBe('patient');
    expect(policy.owners.operations['Subscription.appointmentEvents']).toBe('schedule');
    expect(policy.conditionProviders).toEqual({
      self: { kind: 'built-in' },
      careRelationship: { kind: 'subgraph', subgraph: 'patient' },
      author: { kind: 'subgraph', subgraph: 'record', local: true },
      breakGlass: { kind: 'subgraph', subgraph: 'record', local: true },
      partnerOwns: { kind: 'subgraph', subgraph: 'lab', local: true },
      resultReleased: { kind: 'subgraph', subgraph: 'lab', local: true },
    });
    // Schedule, record and lab answer careRelationship for their own types (declared, reviewed).
    expect(policy.conditionSourcers).toEqual({
      careRelationship: ['patient', 'schedule', 'record', 'lab'],
      partnerOwns: ['lab'],
      resultReleased: ['lab'],
      author: ['record'],
      breakGlass: ['record'],
    });
    expect(policy.owners.errorCodes).toMatchObject({
      SLOT_TAKEN: 'schedule',
      TOTP_INVALID: 'identity',
      INVALID_SNILS: 'patient',
    });
  });

  it('merges the fragments of a manifest into one policy', () => {
    const merged = loadPolicy({ root: fixture({ patient: PATIENT, schedule: SCHEDULE }) });
    expect(Object.keys(merged.subjects)).toEqual(['Patient', 'Appointment']);
    expect(merged.operations).toEqual({
      'Query.patient': { roles: ['doctor'] },
      'Query.freeSlots': { anonymous: true },
    });
    expect(merged.errorCodes).toEqual({ INVALID_SNILS: 'Неверный СНИЛС', SLOT_TAKEN: 'Занято' });
    expect(merged.owners.errorCodes).toEqual({ INVALID_SNILS: 'patient', SLOT_TAKEN: 'schedule' });
    expect(merged.conditionProviders.careRelationship).toEqual({ kind: 'subgraph', subgraph: 'patient' });
    // What the central file shares is unchanged by the merge.
    expect(merged.rules).toEqual(policy.rules);
    expect(merged.roles).toEqual(policy.roles);
  });

  it('refuses an operation or a subject type declared twice, naming both files', () => {
    const twiceOp = `operations:\n  Query.patient: { roles: [receptionist] }\n`;
    expect(() => loadPolicy({ root: fixture({ patient: PATIENT, schedule: twiceOp }) })).toThrow(
      'policy: subgraphs/schedule/policy.yaml: operation Query.patient is already declared in subgraphs/patient/policy.yaml',
    );
    const twiceSubject = `subjects:\n  Patient: { patientId: id }\n`;
    expect(() => loadPolicy({ root: fixture({ patient: PATIENT, schedule: twiceSubject }) })).toThrow(
      'policy: subgraphs/schedule/policy.yaml: subject type Patient is already declared in subgraphs/patient/policy.yaml',
    );
  });

  it('refuses a condition provided twice, or one that is built in or planned', () => {
    const again = `conditions:\n  careRelationship: mine too\n`;
    expect(() => loadPolicy({ root: fixture({ patient: PATIENT, schedule: again }) })).toThrow(
      'policy: subgraphs/schedule/policy.yaml: condition careRelationship is already declared in subgraphs/patient/policy.yaml',
    );
    expect(() =>
      loadPolicy({ root: fixture({ patient: PATIENT, schedule: `conditions:\n  self: me\n` }) }),
    ).toThrow(
      'policy: subgraphs/schedule/policy.yaml: condition self is already declared in schema/policy.yaml',
    );
    // A planned condition is declared by the subgraph the central file names, and by no other.
    expect(
      loadPolicy({ root: fixture({ patient: PATIENT, lab: `conditions:\n  partnerOwns: ours\n` }) })
        .conditionProviders.partnerOwns,
    ).toEqual({ kind: 'subgraph', subgraph: 'lab' });
    expect(() =>
      loadPolicy({ root: fixture({ patient: PATIENT, billing: `conditions:\n  partnerOwns: ours\n` }) }),
    ).toThrow(
      /schema\/policy.yaml: planned condition partnerOwns \(subgraph lab\) is declared in subgraphs\/billing\/policy.yaml/,
    );
  });

  it('lets a subgraph answer another’s condition only by listing it in conditionSources; refuses unknown ones', () => {
    const sourcing = `conditionSources: [careRelationship]\n`;
    expect(loadPolicy({ root: fixture({ patient: PATIENT, schedule: sourcing }) }).conditionSourcers).toEqual(
      { careRelationship: ['patient', 'schedule'] },
    );
    expect(() =>
      loadPolicy({ root: fixture({ patient: PATIENT, schedule: `conditionSources: [partnerOwns]\n` }) }),
    ).toThrow(
      "policy: subgraphs/schedule/policy.yaml: conditionSources names partnerOwns, which no subgraph's policy.yaml provides",
    );
    expect(() => loadPolicy({ root: fixture({ patient: `${PATIENT}${sourcing}`, schedule: '' }) })).toThrow(
      /conditionSources names careRelationship twice or a condition it provides itself/,
    );
  });

  it('refuses an error code declared twice or clashing with a core code', () => {
    const again = `errorCodes:\n  SLOT_TAKEN: Снова занято\n`;
    expect(() => loadPolicy({ root: fixture({ schedule: SCHEDULE, lab: again }) })).toThrow(
      'policy: subgraphs/lab/policy.yaml: error code SLOT_TAKEN is already declared in subgraphs/schedule/policy.yaml',
    );
    const core = `errorCodes:\n  FORBIDDEN: Нельзя\n`;
    expect(() =>
      loadPolicy({ root: fixture({ lab: core }), coreErrorCodes: ['FORBIDDEN', 'INTERNAL'] }),
    ).toThrow('policy: subgraphs/lab/policy.yaml: error code FORBIDDEN is a core code of the runtime');
    expect(() => loadPolicy({ root: fixture({ lab: `errorCodes:\n  slotTaken: x\n` }) })).toThrow(
      /subgraphs\/lab\/policy.yaml: error code slotTaken is not UPPER_SNAKE_CASE/,
    );
  });

  it('refuses unknown roles and operations without a rule', () => {
    expect(() =>
      loadPolicy({ root: fixture({ lab: `operations:\n  Query.orders: { roles: [nurse] }\n` }) }),
    ).toThrow('policy: subgraphs/lab/policy.yaml: operation Query.orders names unknown role nurse');
    for (const rule of ['{}', '{ roles: [] }', '{ anonymous: false }', '{ withoutSecondFactor: true }'])
      expect(() => loadPolicy({ root: fixture({ lab: `operations:\n  Query.orders: ${rule}\n` }) })).toThrow(
        'policy: subgraphs/lab/policy.yaml: operation Query.orders has no rule',
      );
    expect(() =>
      loadPolicy({ root: fixture({ lab: `operations:\n  orders: { roles: [doctor] }\n` }) }),
    ).toThrow(/subgraphs\/lab\/policy.yaml: operation orders is not Query.x/);
  });

  it('refuses a rule naming a condition no file declares, and a central condition that is not built in', () => {
    // Without the patient fragment nobody provides careRelationship, which the central rules use.
    expect(() => loadPolicy({ root: fixture({ schedule: SCHEDULE }) })).toThrow(
      /policy: schema\/policy.yaml: unknown condition careRelationship/,
    );
    const central = readFileSync(POLICY_PATH, 'utf8').replace(
      'conditions:\n',
      'conditions:\n  moonPhase: x\n',
    );
    expect(() => loadPolicy({ root: fixture({ patient: PATIENT }, central) })).toThrow(
      'policy: schema/policy.yaml: condition moonPhase is not built in',
    );
  });

  it('refuses malformed or missing fragments, naming the file', () => {
    expect(() =>
      loadPolicy({
        root: fixture({ patient: PATIENT, lab: `operations:\n  Query.x: { roles: [doctor], extra: 1 }\n` }),
      }),
    ).toThrow(/policy: subgraphs\/lab\/policy.yaml: operations.Query.x/);
    expect(() => loadPolicy({ root: fixture({ patient: PATIENT, lab: 'subjects: [' }) })).toThrow(
      /policy: subgraphs\/lab\/policy.yaml: /,
    );
    const root = fixture({ patient: PATIENT });
    writeFileSync(
      join(root, 'supergraph/subgraphs.yaml'),
      'subgraphs:\n  - name: patient\n    dir: subgraphs/patient\n  - name: lab\n    dir: subgraphs/lab\n',
    );
    expect(() => loadPolicy({ root })).toThrow('policy: subgraphs/lab/policy.yaml: cannot be read');
  });
});

describe('generated error codes', () => {
  it('every subgraph’s src/error-codes.generated.ts is current (run `pnpm generate`)', () => {
    expect(staleErrorCodeModules()).toEqual([]);
  });

  it('renders the codes of a fragment as typed constants', () => {
    const [patient] = errorCodeModules(fixture({ patient: PATIENT }));
    expect(patient?.content).toContain('from subgraphs/patient/policy.yaml');
    expect(patient?.content).toContain(
      'export const codes = defineErrorCodes({\n  INVALID_SNILS: "Неверный СНИЛС",\n});',
    );
  });
});
