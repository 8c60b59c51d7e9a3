import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes trusted-document manifests into a fresh temporary folder: id → [manifest.yaml, operations.graphql]. */
export function manifestDir(manifests: Record<string, [string, string]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mk-trusted-'));
  for (const [id, [manifest, operations]] of Object.entries(manifests)) {
    mkdirSync(join(dir, id));
    writeFileSync(join(dir, id, 'manifest.yaml'), manifest);
    writeFileSync(join(dir, id, 'operations.graphql'), operations);
  }
  return dir;
}
