import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ANONYMOUS, type Principal } from '@medikamente/runtime';
import { describe, expect, it } from 'vitest';
import {
  decidePartnerRequest,
  documentId,
  loadTrustedDocuments,
  operationDocuments,
  parseDocumentId,
  TRUSTED_DOCUMENTS_DIR,
} from '../src/trusted-documents';
import { manifestDir } from './trusted-manifests';

const OPS = `# Reads a patient's opaque id.
query PartnerPatient($id: ID!) {
  patient(id: $id) { ...Ref }
}

fragment Unrelated on Patient { id }

fragment Ref on Patient {
  ...Deep
}

fragment Deep on Patient { id }

query Other { patient(id: "x") { ...Unrelated } }
`;

describe('document ids', () => {
  it('is the lower-case hex SHA-256 of the body (the value APQ clients compute)', () => {
    expect(documentId('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(documentId('query A { a }')).toBe(
      '7d0eedabb966107835cf307a0ebaf93b5d2cb8c30228611ffe3d27a53c211a0c',
    );
  });

  it('builds each body from the exact operation text and the fragments it uses, in file order', () => {
    const [patient, other] = operationDocuments(OPS);
    expect(patient!.body).toBe(
      'query PartnerPatient($id: ID!) {\n  patient(id: $id) { ...Ref }\n}\n\nfragment Ref on Patient {\n  ...Deep\n}\n\nfragment Deep on Patient { id }',
    );
    expect(patient!.id).toBe(documentId(patient!.body));
    expect(other!.body).toBe(
      'query Other { patient(id: "x") { ...Unrelated } }\n\nfragment Unrelated on Patient { id }',
    );
    // Windows line ends give the same ids.
    expect(operationDocuments(OPS.replace(/\n/g, '\r\n')).map((d) => d.id)).toEqual([patient!.id, other!.id]);
  });

  it('refuses anonymous, duplicate, unknown and unused definitions', () => {
    expect(() => operationDocuments('{ a }')).toThrow(/needs a name/);
    expect(() => operationDocuments('query A { a } query A { b }')).toThrow(/A is defined twice/);
    expect(() => operationDocuments('query A { ...F }')).toThrow(/unknown fragment F/);
    expect(() => operationDocuments('query A { a } fragment F on Q { a }')).toThrow(
      /F is used by no operation/,
    );
    expect(() => operationDocuments('type T { a: Int }')).toThrow(/only operations and fragments/);
  });

  it('reads sha256:<hex> and bare hex, nothing else', () => {
    const hex = documentId('x');
    expect(parseDocumentId(`sha256:${hex}`)).toBe(hex);
    expect(parseDocumentId(hex.toUpperCase())).toBe(hex);
    expect(parseDocumentId(`md5:${hex}`)).toBeNull();
    expect(parseDocumentId(hex.slice(1))).toBeNull();
  });
});

describe('manifests', () => {
  it("loads the repository's folder (zero or more manifests)", () => {
    expect(() => loadTrustedDocuments(TRUSTED_DOCUMENTS_DIR)).not.toThrow();
  });

  it('refuses to load, listing every problem', () => {
    const dir = manifestDir({
      'BAD-ID': ['description: x\nversion: 1\noperations: {}\n', ''],
      undeclared: ['description: x\nversion: 1\noperations: { Gone: { scope: a.read } }\n', 'query A { a }'],
      scopes: [
        'description: x\nversion: 1\noperations: { A: { scope: "Bad Scope" }, B: { scope: documents:other } }\n',
        'query A { a } query B { b }',
      ],
      forbidden: [
        'description: x\nversion: 1\noperations: { S: { scope: a }, I: { scope: a }, E: { scope: a }, V: { scope: a } }\n',
        'subscription S { s } query I { __type(name: "A") { name } } query E { ...F } fragment F on Query { _entities(representations: []) { __typename } } query V { _service { sdl } }',
      ],
      extra: ['description: x\nversion: 1\noperations: {}\nowner: someone\n', 'query A { a }'],
    });
    mkdirSync(join(dir, 'empty'));
    let problems = '';
    try {
      loadTrustedDocuments(dir);
    } catch (e) {
      problems = (e as Error).message;
    }
    for (const expected of [
      /BAD-ID: a manifest id is lower-case/,
      /undeclared\/manifest.yaml: operation A has no entry/,
      /undeclared\/manifest.yaml: operation Gone is not in operations.graphql/,
      /scopes\/manifest.yaml: operations.A.scope: a scope identity accepts/,
      /scopes\/manifest.yaml: operations.B.scope: a documents:\* scope binds a manifest/,
      /forbidden\/operations.graphql: operation S is a subscription/,
      /forbidden\/operations.graphql: operation I selects __type/,
      /forbidden\/operations.graphql: operation E selects _entities/,
      /forbidden\/operations.graphql: operation V selects _service/,
      /extra\/manifest.yaml: \(root\): Unrecognized key/,
      /empty\/manifest.yaml: missing/,
    ])
      expect(problems).toMatch(expected);
    expect(() => loadTrustedDocuments(join(dir, 'nowhere'))).toThrow(/not a folder/);
  });
});

describe('a partner request (decided before any GraphQL parsing)', () => {
  const registry = loadTrustedDocuments(
    manifestDir({
      mine: [
        'description: x\nversion: 1\noperations: { PartnerPatient: { scope: patients:read }, Other: { scope: other:read } }\n',
        OPS,
      ],
      theirs: [
        'description: x\nversion: 2\noperations: { Theirs: { scope: patients:read } }\n',
        'query Theirs { me { id } }',
      ],
    }),
  );
  const mine = registry.manifests.get('mine')!.documents[0]!;
  const theirs = registry.manifests.get('theirs')!.documents[0]!;
  const partner = (scopes: string[]): Principal => ({
    ...ANONYMOUS,
    kind: 'client',
    role: 'lab_partner',
    subject: 'lab_1',
    scopes,
  });
  const bound = partner(['documents:mine', 'patients:read']);
  const decide = (body: unknown, p = bound, method = 'POST') => {
    const d = decidePartnerRequest(registry, p, method, body);
    return d.ok ? `ok:${d.document.name}` : `${d.status}:${d.code}`;
  };

  it('runs an allowlisted id sent as documentId (prefixed or bare) or as an APQ hash', () => {
    expect(decide({ documentId: `sha256:${mine.id}` })).toBe('ok:PartnerPatient');
    expect(decide({ documentId: mine.id, variables: { id: '1' } })).toBe('ok:PartnerPatient');
    expect(decide({ extensions: { persistedQuery: { version: 1, sha256Hash: mine.id } } })).toBe(
      'ok:PartnerPatient',
    );
  });

  it('refuses text, APQ registration, GET, unknown or foreign ids and missing scopes', () => {
    expect(decide({ query: '{ __schema { types { name } } }' })).toBe('400:PERSISTED_DOCUMENT_REQUIRED');
    expect(
      decide({ query: mine.body, extensions: { persistedQuery: { version: 1, sha256Hash: mine.id } } }),
    ).toBe('400:PERSISTED_DOCUMENT_REQUIRED');
    expect(decide(undefined, bound, 'GET')).toBe('400:PERSISTED_DOCUMENT_REQUIRED');
    expect(decide({ variables: {} })).toBe('400:PERSISTED_DOCUMENT_REQUIRED');
    expect(decide([{ documentId: mine.id }])).toBe('400:PERSISTED_DOCUMENT_REQUIRED');
    expect(decide({ documentId: documentId('query X { x }') })).toBe('403:PERSISTED_DOCUMENT_NOT_ALLOWED');
    expect(decide({ documentId: theirs.id })).toBe('403:PERSISTED_DOCUMENT_NOT_ALLOWED');
    expect(decide({ documentId: mine.id }, partner(['patients:read']))).toBe(
      '403:PERSISTED_DOCUMENT_NOT_ALLOWED',
    );
    expect(decide({ documentId: mine.id }, partner(['documents:gone', 'patients:read']))).toBe(
      '403:PERSISTED_DOCUMENT_NOT_ALLOWED',
    );
    expect(
      decide({ documentId: mine.id }, partner(['documents:mine', 'documents:theirs', 'patients:read'])),
    ).toBe('403:PERSISTED_DOCUMENT_NOT_ALLOWED');
    expect(decide({ documentId: mine.id }, partner(['documents:mine']))).toBe('403:INSUFFICIENT_SCOPE');
    expect(decide({ documentId: 'sha256:xyz' })).toBe('400:BAD_REQUEST');
    expect(
      decide({ documentId: mine.id, extensions: { persistedQuery: { version: 1, sha256Hash: theirs.id } } }),
    ).toBe('400:BAD_REQUEST');
    expect(decide({ extensions: { persistedQuery: { version: 2, sha256Hash: mine.id } } })).toBe(
      '400:BAD_REQUEST',
    );
  });
});
