import { readFileSync } from 'node:fs';
import { loadPolicy } from '@medikamente/schema';
import { describe, expect, it } from 'vitest';
import { matrixCases } from './cases';
import { objectVisible, refusalCode } from './expect';
import { matrixModel } from './model';
import { planRoutes } from './routes';
import { SUPERGRAPH_SDL_PATH } from './run';

const policy = loadPolicy();
const model = matrixModel(policy, readFileSync(SUPERGRAPH_SDL_PATH, 'utf8'));
const scenario = (role: string, conditions: string[] = []) => ({ role, conditions, label: role });

describe('matrix generator steps', () => {
  it('reads each subject type’s owning subgraph and key from the composed supergraph', () => {
    expect(
      Object.fromEntries([...model.subjects].map(([n, s]) => [n, `${s.owner}:${s.key.join(',')}`])),
    ).toEqual({
      Patient: 'patient:id',
      Consent: 'patient:',
      ConsentStatus: 'patient:',
      AccessLogEntry: 'patient:',
      AuditEvent: 'patient:',
      Account: 'identity:id',
      Appointment: 'schedule:id',
      ReminderSettings: 'schedule:',
      Visit: 'record:id',
      VisitVersion: 'record:id',
      VisitDraft: 'record:id',
      VisitAddendum: 'record:id',
      Attachment: 'record:id',
      RecordExport: 'record:',
      LabOrder: 'lab:id',
      LabResult: 'lab:id',
      LabAlert: 'lab:id',
      PartnerLabOrder: 'lab:specimenCode',
      Invoice: 'billing:id',
      Payment: 'billing:id',
      Refund: 'billing:id',
      Receipt: 'billing:id',
      Contract: 'billing:id',
      TaxCertificate: 'billing:id',
      UnbilledLabOrder: 'billing:',
      SecurityAlert: 'security:id',
      AuditRecord: 'security:',
      AccessTrailEntry: 'security:',
      DataRequest: 'security:id',
    });
    // Results are decided per result (released to the patient): never selected under an order.
    expect(model.subjects.get('LabResult')?.perObject).toBe(true);
    expect(model.subjects.get('LabOrder')?.perObject).toBe(false);
    // The schedule subgraph holds only a Patient stub.
    expect(model.resolves('Patient', 'id', 'schedule')).toBe(true);
    expect(model.resolves('Patient', 'phone', 'schedule')).toBe(false);
  });

  it('makes the condition cases each type can realise: staff self only for accounts', () => {
    const cases = matrixCases(model, [...model.subjects.keys()], (t) =>
      t === 'Account' ? new Set() : new Set(['careRelationship']),
    );
    const of = (label: string) => cases.find((c) => c.label === label)?.types;
    expect(of('doctor+self')).toEqual(['Account']);
    expect(of('patient+self')).toContain('Patient');
    expect(of('doctor+careRelationship')).not.toContain('Account');
    expect(of('lab_partner+self')).toBeUndefined();
  });

  it('reaches nested-only types through the fields of other subjects', () => {
    expect(planRoutes(model, 'Consent', 'patient').map((r) => r.label)).toEqual([
      '_entities(Patient) › consents',
      'Query.patient › consents',
      'Query.patientDuplicates › consents',
    ]);
    expect(planRoutes(model, 'Account', null).map((r) => [r.label, r.bound])).toEqual([
      ['Query.me', false],
      ['Query.staffAccounts', false],
    ]);
  });

  it('decides visibility and refusals like the runtime', () => {
    // Visibility is decided per field: a masked category whose every field's tag denies it
    // (reminder preferences for a doctor) hides the object, as the runtime does.
    expect(objectVisible(model, 'ReminderSettings', 'schedule', scenario('doctor'))).toBe(false);
    expect(objectVisible(model, 'ReminderSettings', 'schedule', scenario('doctor', ['self']))).toBe(true);
    expect(objectVisible(model, 'VisitDraft', 'record', scenario('doctor', ['careRelationship']))).toBe(
      false,
    );
    expect(objectVisible(model, 'VisitDraft', 'record', scenario('doctor', ['author']))).toBe(true);
    expect(objectVisible(model, 'VisitVersion', 'record', scenario('doctor', ['careRelationship']))).toBe(
      true,
    );
    expect(objectVisible(model, 'Visit', 'record', scenario('receptionist'))).toBe(true);
    expect(objectVisible(model, 'VisitVersion', 'record', scenario('receptionist'))).toBe(false);
    expect(objectVisible(model, 'Appointment', 'schedule', scenario('doctor'))).toBe(false);
    expect(objectVisible(model, 'Appointment', 'schedule', scenario('doctor', ['careRelationship']))).toBe(
      true,
    );
    expect(refusalCode(model, 'Query.auditEvents', 'patient')).toBe('FORBIDDEN');
    expect(refusalCode(model, 'Query.auditEvents', 'security_officer')).toBeNull();
  });
});
