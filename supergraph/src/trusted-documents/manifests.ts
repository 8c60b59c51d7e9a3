import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { forbiddenUses, type OperationDocument, operationDocuments } from './documents';

/** The repository's manifests (TRUSTED_DOCUMENTS_DIR's default). */
export const TRUSTED_DOCUMENTS_DIR = fileURLToPath(new URL('../../trusted-documents', import.meta.url));
export const MANIFEST_FILE = 'manifest.yaml';
export const OPERATIONS_FILE = 'operations.graphql';
/** Generated from the two files above for partners and docs (checked by the release check). */
export const DOCUMENTS_FILE = 'documents.json';

/** A partner client is bound to manifest `<id>` by the scope `documents:<id>` on its identity client. */
export const DOCUMENTS_SCOPE_PREFIX = 'documents:';
/** A scope as identity accepts it (subgraphs/identity/src/modules/clients/clients.ts). */
export const SCOPE = /^[a-z][a-z0-9:._-]{0,63}$/;
/** Manifest ids: `documents:<id>` must still be a valid scope (64 characters at most). */
export const MANIFEST_ID = /^[a-z][a-z0-9._-]{0,53}$/;

const manifestSchema = z.strictObject({
  description: z.string().min(1),
  version: z.number().int().positive(),
  /** Operation name → the scope a token needs to run it. */
  operations: z.record(
    z.string(),
    z.strictObject({
      scope: z
        .string()
        .regex(SCOPE, 'a scope identity accepts')
        .refine((s) => !s.startsWith(DOCUMENTS_SCOPE_PREFIX), 'a documents:* scope binds a manifest'),
    }),
  ),
});

/** One allowlisted operation of a manifest. */
export type TrustedDocument = OperationDocument & { manifest: string; scope: string };

export type TrustedManifest = {
  id: string;
  description: string;
  version: number;
  /** Its folder. */
  dir: string;
  documents: TrustedDocument[];
  /** Documents by id. */
  byId: Map<string, TrustedDocument>;
};

/** Every manifest of a folder, by manifest id. */
export type TrustedDocuments = { dir: string; manifests: Map<string, TrustedManifest> };

/** Invalid manifests: every problem, each naming its file. */
export class TrustedManifestError extends Error {
  override name = 'TrustedManifestError';
  constructor(readonly problems: string[]) {
    super(`invalid trusted documents:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads one manifest folder; pushes its problems instead of throwing. */
function readManifest(dir: string, id: string, problems: string[]): TrustedManifest | null {
  const where = (file: string) => `${id}/${file}`;
  if (!MANIFEST_ID.test(id)) {
    problems.push(`${id}: a manifest id is lower-case letters, digits, ".", "_", "-" (at most 54)`);
    return null;
  }
  const read = (file: string) => {
    const path = join(dir, file);
    if (existsSync(path)) return readFileSync(path, 'utf8');
    problems.push(`${where(file)}: missing`);
    return null;
  };
  const manifestText = read(MANIFEST_FILE);
  const operationsText = read(OPERATIONS_FILE);
  if (manifestText === null || operationsText === null) return null;
  let data: unknown;
  try {
    data = parse(manifestText);
  } catch (e) {
    problems.push(`${where(MANIFEST_FILE)}: ${(e as Error).message}`);
    return null;
  }
  const parsed = manifestSchema.safeParse(data ?? {});
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      problems.push(`${where(MANIFEST_FILE)}: ${i.path.join('.') || '(root)'}: ${i.message}`);
    return null;
  }
  let operations: OperationDocument[];
  try {
    operations = operationDocuments(operationsText);
  } catch (e) {
    problems.push(`${where(OPERATIONS_FILE)}: ${(e as Error).message}`);
    return null;
  }
  const declared = parsed.data.operations;
  const documents: TrustedDocument[] = [];
  for (const op of operations) {
    const scope = declared[op.name]?.scope;
    if (!scope) problems.push(`${where(MANIFEST_FILE)}: operation ${op.name} has no entry (its scope)`);
    else documents.push({ ...op, manifest: id, scope });
    for (const f of forbiddenUses(op)) problems.push(`${where(OPERATIONS_FILE)}: ${f}`);
  }
  for (const name of Object.keys(declared))
    if (!operations.some((op) => op.name === name))
      problems.push(`${where(MANIFEST_FILE)}: operation ${name} is not in ${OPERATIONS_FILE}`);
  return {
    id,
    description: parsed.data.description,
    version: parsed.data.version,
    dir,
    documents,
    byId: new Map(documents.map((d) => [d.id, d])),
  };
}

/**
 * Loads every manifest of `dir` (each sub-folder `<manifest-id>/` with `manifest.yaml` and
 * `operations.graphql`; files beside them, e.g. the README, are ignored). Throws a
 * TrustedManifestError listing every problem: the gateway refuses to start on one.
 */
export function loadTrustedDocuments(dir: string = TRUSTED_DOCUMENTS_DIR): TrustedDocuments {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new TrustedManifestError([`${dir}: not a folder of trusted-document manifests`]);
  const problems: string[] = [];
  const manifests = new Map<string, TrustedManifest>();
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (!entry.isDirectory()) continue;
    const manifest = readManifest(join(dir, entry.name), entry.name, problems);
    if (manifest) manifests.set(manifest.id, manifest);
  }
  if (problems.length > 0) throw new TrustedManifestError(problems);
  return { dir, manifests };
}

/** What `documents.json` of a manifest holds: id → name, body, scope (sorted by name). */
export function renderDocumentsJson(manifest: TrustedManifest): string {
  const sorted = [...manifest.documents].sort((a, b) => a.name.localeCompare(b.name));
  const entries = Object.fromEntries(
    sorted.map((d) => [d.id, { name: d.name, body: d.body, scope: d.scope }]),
  );
  return `${JSON.stringify(entries, null, 2)}\n`;
}
