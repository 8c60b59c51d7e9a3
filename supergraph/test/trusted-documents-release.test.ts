import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicy } from '@medikamente/schema';
import { describe, expect, it } from 'vitest';
import { readSupergraph } from '../src/compose';
import { generateArtifacts, writeDocumentsJson } from '../src/generate';
import { supergraphSchema } from '../src/policy-model';
import { checkTrustedDocuments, loadTrustedDocuments, renderDocumentsJson } from '../src/trusted-documents';
import { manifestDir } from './trusted-manifests';

const policy = loadPolicy();
const schema = supergraphSchema(readSupergraph());
const check = (dir: string) =>
  checkTrustedDocuments(policy, schema, dir).map((f) => `${f.rule}:${f.where}:${f.message}`);

/** One manifest `m` with these operations (each needing scope `patients:read`), documents.json written. */
function oneManifest(operations: string): string {
  const names = [...operations.matchAll(/(?:query|mutation|subscription)\s+(\w+)/g)].map((m) => m[1]!);
  const dir = manifestDir({
    m: [
      `description: test\nversion: 1\noperations:\n${names.map((n) => `  ${n}: { scope: patients:read }`).join('\n')}\n`,
      operations,
    ],
  });
  try {
    writeDocumentsJson(dir);
  } catch {
    // An invalid manifest has no documents.json: the check reports the manifest itself.
  }
  return dir;
}

describe('release check of the trusted documents', () => {
  it('passes with zero manifests and with an allowed one (the repository folder passes too)', () => {
    expect(check(mkdtempSync(join(tmpdir(), 'mk-trusted-empty-')))).toEqual([]);
    expect(
      check(
        oneManifest(
          'query PartnerPatient($id: ID!) { patient(id: $id) { ...Ref sex ageYears __typename } } fragment Ref on Patient { id }',
        ),
      ),
    ).toEqual([]);
    expect(generateArtifacts().findings).toEqual([]);
  });

  it('fails on an operation that does not validate against the supergraph', () => {
    expect(check(oneManifest('query Broken($id: ID!) { patient(id: $id) { id favouriteColour } }'))).toEqual([
      expect.stringMatching(
        /^trusted-document-invalid:m\/Broken:Cannot query field "favouriteColour" on type "Patient"/,
      ),
    ]);
  });

  it('fails on introspection, _entities, _service and subscriptions', () => {
    const found = check(
      oneManifest(
        'query Schema { __schema { types { name } } } query Entities { _entities(representations: []) { __typename } } query Sdl { _service { sdl } } subscription Live { slotsChanged { id } }',
      ),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^trusted-manifest:.*operation Schema selects __schema$/),
        expect.stringMatching(/^trusted-manifest:.*operation Entities selects _entities$/),
        expect.stringMatching(/^trusted-manifest:.*operation Sdl selects _service$/),
        expect.stringMatching(/^trusted-manifest:.*operation Live is a subscription$/),
      ]),
    );
  });

  it('fails on a root field whose operation the policy does not give lab_partner (anonymous is not enough)', () => {
    expect(check(oneManifest('query Mine { myPatient { id } } query Catalogue { branches { id } }'))).toEqual(
      [
        'trusted-document-operation:m/Mine:Query.myPatient is not an operation the policy gives role lab_partner',
        'trusted-document-operation:m/Catalogue:Query.branches is not an operation the policy gives role lab_partner',
      ],
    );
  });

  it('fails on a field every entry of the lab_partner cell denies, tag refinements considered', () => {
    // IDENTITY for lab_partner: denied, except tag sexAge (sex, ageYears) when partnerOwns holds.
    expect(
      check(oneManifest('query Leaky($id: ID!) { patient(id: $id) { id sex phone passport } }')),
    ).toEqual([
      'trusted-document-field:m/Leaky:Patient.phone (CONTACT, tags notification) is denied to role lab_partner by every entry of its policy cell',
      'trusted-document-field:m/Leaky:Patient.passport (IDENTITY, tags document) is denied to role lab_partner by every entry of its policy cell',
    ]);
  });

  it('fails when documents.json is stale or missing', () => {
    const dir = oneManifest('query PartnerPatient($id: ID!) { patient(id: $id) { id } }');
    const manifest = loadTrustedDocuments(dir).manifests.get('m')!;
    writeFileSync(
      join(dir, 'm', 'documents.json'),
      renderDocumentsJson(manifest).replace('patients:read', 'x'),
    );
    expect(check(dir)).toEqual([expect.stringMatching(/^stale:.*m\/documents\.json:run `pnpm generate`$/)]);
  });
});
