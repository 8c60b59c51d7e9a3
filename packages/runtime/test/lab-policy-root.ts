import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POLICY_PATH } from '@medikamente/schema';

/**
 * The record subgraph's own conditions, which the central HEALTH rules name: local to it, so a
 * test subgraph with HEALTH fields needs no source for them (as in the real platform).
 */
const RECORD_CONDITIONS = `conditions:
  author: { local: true, description: the caller wrote this draft }
  breakGlass: { local: true, description: the doctor opened this record by break-glass }
`;

/**
 * A workspace root for `loadPolicy({ root })`: the real central schema/policy.yaml, a "lab"
 * subgraph with the given fragment, and the record fragment's conditions beside it.
 */
export function labPolicyRoot(prefix: string, labFragment: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(root, 'schema'));
  mkdirSync(join(root, 'supergraph'));
  for (const name of ['lab', 'record']) mkdirSync(join(root, 'subgraphs', name), { recursive: true });
  writeFileSync(join(root, 'schema', 'policy.yaml'), readFileSync(POLICY_PATH, 'utf8'));
  writeFileSync(
    join(root, 'supergraph', 'subgraphs.yaml'),
    'subgraphs:\n  - name: lab\n    dir: subgraphs/lab\n  - name: record\n    dir: subgraphs/record\n',
  );
  writeFileSync(join(root, 'subgraphs', 'lab', 'policy.yaml'), labFragment);
  writeFileSync(join(root, 'subgraphs', 'record', 'policy.yaml'), RECORD_CONDITIONS);
  return root;
}
