import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

/** The repository root: manifest paths are relative to it. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The one list of the supergraph's subgraphs (ADR 0010). */
export const MANIFEST_PATH = join(REPO_ROOT, 'supergraph', 'subgraphs.yaml');

/** Inside a subgraph's folder: its generated SDL and the script that writes it. */
export const SDL_FILE = 'schema.graphql';
export const SDL_SCRIPT = 'scripts/generate-sdl.ts';

const entrySchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  dir: z
    .string()
    .min(1)
    .refine((d) => !d.startsWith('/') && !d.split('/').includes('..'), 'a path inside the repository'),
  package: z.string().min(1),
  urlEnv: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'an environment variable name'),
  devPort: z.number().int().min(1).max(65535),
});
const manifestSchema = z.strictObject({ subgraphs: z.array(entrySchema).min(1) });

/** A subgraph as the manifest declares it, with the paths and defaults derived from it. */
export type Subgraph = z.infer<typeof entrySchema> & {
  /** Absolute folder of the subgraph. */
  path: string;
  /** Absolute path of its generated SDL. */
  sdlFile: string;
  /** Absolute path of the script that prints (`--print`) or writes its SDL. */
  sdlScript: string;
  /** The URL the gateway uses when `urlEnv` is not set: the development port on this machine. */
  defaultUrl: string;
  /** Prefix of its development settings, e.g. `IDENTITY` for IDENTITY_PORT, IDENTITY_DATABASE_URL. */
  envPrefix: string;
};

export class ManifestError extends Error {
  override name = 'ManifestError';
}

export type ManifestOptions = {
  /** Repository root the paths are relative to (default: this repository). */
  root?: string;
  /** Check that each folder exists and holds the declared package (default true). */
  checkFiles?: boolean;
  /** Check that each folder holds its generated SDL (default true; `pnpm generate` writes it). */
  requireSdl?: boolean;
};

const duplicates = (values: Array<string | number>) =>
  [...new Set(values.filter((v, i) => values.indexOf(v) !== i))].map(String);

/** Parses and validates a manifest's text; throws a ManifestError listing every problem. */
export function parseSubgraphManifest(text: string, source: string, opts: ManifestOptions = {}): Subgraph[] {
  const root = opts.root ?? REPO_ROOT;
  const parsed = manifestSchema.safeParse(parse(text));
  if (!parsed.success)
    throw new ManifestError(
      `${source}:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  const entries = parsed.data.subgraphs;
  const problems: string[] = [];
  for (const key of ['name', 'dir', 'package', 'urlEnv', 'devPort'] as const)
    for (const value of duplicates(entries.map((e) => e[key])))
      problems.push(`${key} ${value} is declared more than once`);
  const subgraphs = entries.map((e) => {
    const path = resolve(root, e.dir);
    return {
      ...e,
      path,
      sdlFile: join(path, SDL_FILE),
      sdlScript: join(path, SDL_SCRIPT),
      defaultUrl: `http://127.0.0.1:${e.devPort}/graphql`,
      envPrefix: e.name.toUpperCase().replace(/-/g, '_'),
    };
  });
  if (opts.checkFiles ?? true)
    for (const s of subgraphs) {
      const pkg = join(s.path, 'package.json');
      if (!existsSync(pkg)) {
        problems.push(`${s.name}: ${s.dir}/package.json is missing`);
        continue;
      }
      const name = (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name;
      if (name !== s.package) problems.push(`${s.name}: ${s.dir} holds package ${name}, not ${s.package}`);
      if ((opts.requireSdl ?? true) && !existsSync(s.sdlFile))
        problems.push(`${s.name}: ${relative(root, s.sdlFile)} is missing (run \`pnpm generate\`)`);
    }
  if (problems.length) throw new ManifestError(`${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return subgraphs;
}

/** The subgraphs of `supergraph/subgraphs.yaml`, in its order (the order composition and start use). */
export function loadSubgraphManifest(opts: ManifestOptions & { path?: string } = {}): Subgraph[] {
  const path = opts.path ?? MANIFEST_PATH;
  return parseSubgraphManifest(readFileSync(path, 'utf8'), relative(opts.root ?? REPO_ROOT, path), opts);
}

/**
 * The gateway's URL settings (each subgraph's `urlEnv`) for processes that start a gateway: `urls`
 * by subgraph name; the subgraphs not in it get `others` (e.g. a closed port, for benchmarks that
 * run one subgraph) or, without it, their development URL.
 */
export function gatewayUrlEnv(
  urls: Record<string, string>,
  others?: string,
  subgraphs: Subgraph[] = loadSubgraphManifest({ checkFiles: false }),
): Record<string, string> {
  return Object.fromEntries(subgraphs.map((s) => [s.urlEnv, urls[s.name] ?? others ?? s.defaultUrl]));
}
