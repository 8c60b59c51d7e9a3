/**
 * The files of a new subgraph: a working bounded context with one subject type (`<Name>Entry`,
 * FINANCIAL: its rules need no data condition), a query, an idempotent mutation, fixtures for the
 * generated policy matrix and its tests. Rename and grow it; nothing outside its folder needs editing but
 * the manifest line the scaffold appends.
 */
import type { Names } from './names';

const packageJson = (n: Names) =>
  `${JSON.stringify(
    {
      name: `@medikamente/subgraph-${n.name}`,
      private: true,
      type: 'module',
      exports: { '.': './src/index.ts', './testing': './src/testing.ts' },
      scripts: {
        start: 'tsx src/main.ts',
        typecheck: 'tsc -p .',
        test: 'vitest run',
        'generate:sdl': 'tsx scripts/generate-sdl.ts',
      },
      dependencies: {
        '@medikamente/runtime': 'workspace:*',
        '@medikamente/schema': 'workspace:*',
        '@apollo/subgraph': 'catalog:',
        dataloader: 'catalog:',
        graphql: 'catalog:',
        zod: 'catalog:',
      },
      devDependencies: {
        '@types/node': 'catalog:',
        typescript: 'catalog:',
        vitest: 'catalog:',
        tsx: 'catalog:',
      },
    },
    null,
    2,
  )}\n`;

const policyYaml = (
  n: Names,
) => `# Policy fragment of the ${n.name} subgraph, merged into schema/policy.yaml by loadPolicy().
# Roles, categories and rules stay central; this file declares what the subgraph owns.
subjects:
  ${n.Name}Entry: { patientId: patientId }

operations:
  Query.${n.camel}Entries: { roles: [patient, receptionist, cashier, accountant] }
  Mutation.add${n.Name}Entry: { roles: [cashier] }

# A type whose rules use a data condition (careRelationship for HEALTH, CONTACT, IDENTITY…) needs
# a source of it in src/service.ts, declared here: \`conditions:\` for one this subgraph provides, or
# \`conditionSources: [careRelationship]\` to answer the patient subgraph's condition from data this
# subgraph owns authoritatively (appointments, orders from events) — never from what the caller
# writes, or writing would grant access.
errorCodes: {}
`;

const readme = (n: Names) => `# ${n.name} subgraph

Created by \`pnpm new:subgraph ${n.name}\`. It starts as a working example: cashiers add
\`${n.Name}Entry\` records (FINANCIAL) for a patient; the patient reads their own, reception,
cashiers and accountants every patient's, as \`schema/policy.yaml\` rules FINANCIAL. Medical data
(HEALTH) needs a care-relationship source from data this subgraph owns authoritatively — see
\`policy.yaml\` and docs/architecture.md "Adding a subgraph".

- \`policy.yaml\` — subject types, root operations and who may call them, domain error codes.
- \`src/modules/entry\` — SDL, store (all SQL), resolvers; \`src/db/migrations\` — its tables.
- \`src/testing.ts\` — fixtures for the generated policy matrix (\`test/policy-matrix.int.test.ts\`).
- \`schema.graphql\`, \`src/generated\`, \`src/error-codes.generated.ts\` — written by \`pnpm generate\`.

Port ${n.port} in development (\`supergraph/subgraphs.yaml\`); database \`${n.NAME}_DATABASE_URL\`
or embedded PGlite under \`.data/${n.name}\`.
`;

const generateSdl = (
  n: Names,
) => `/** Writes schema.graphql (the SDL the supergraph composes) from this subgraph's typeDefs; \`--print\` prints it. */
import { generateSubgraphSdl } from '@medikamente/schema';
import { ${n.camel}TypeDefs } from '../src/schema';

generateSubgraphSdl(${n.camel}TypeDefs, new URL('../schema.graphql', import.meta.url));
`;

const index = (n: Names) => `export { load${n.Name}Env, type ${n.Name}Env } from './env';
export { ${n.camel}TypeDefs } from './schema';
export { create${n.Name}Service, type ${n.Name}Service } from './service';
`;

const env = (n: Names) => `import { parseEnv, subgraphEnv } from '@medikamente/runtime';
import { z } from 'zod';

const schema = z.object({ ...subgraphEnv('${n.name}', ${n.port}) });

export type ${n.Name}Env = z.infer<typeof schema>;

/** Validated configuration of the ${n.name} subgraph. */
export const load${n.Name}Env = (source?: Record<string, string | undefined>) => parseEnv(schema, source);
`;

const service = (
  n: Names,
) => `import { AUDIT_MIGRATIONS, defineSubgraph, IDEMPOTENCY_MIGRATION } from '@medikamente/runtime';
import { createLoaders, createStores } from './context';
import { load${n.Name}Env } from './env';
import { resolvers } from './resolvers';
import { ${n.camel}TypeDefs } from './schema';

/** The ${n.name} subgraph. */
export const ${n.camel} = defineSubgraph({
  name: '${n.name}',
  env: load${n.Name}Env,
  typeDefs: ${n.camel}TypeDefs,
  resolvers,
  migrationsDir: new URL('./db/migrations', import.meta.url),
  migrations: [...AUDIT_MIGRATIONS, IDEMPOTENCY_MIGRATION],
  serviceScopes: 'revocations:read',
  stores: ({ database }) => createStores(database),
  context: ({ stores }) => ({ stores, loaders: createLoaders(stores) }),
});

/** Builds the ${n.name} service (tests, tools); \`${n.camel}.main()\` runs the deployable. */
export const create${n.Name}Service = ${n.camel}.create;
export type ${n.Name}Service = Awaited<ReturnType<typeof create${n.Name}Service>>;
`;

const main = (n: Names) => `import { ${n.camel} } from './service';

await ${n.camel}.main();
`;

const schema = (n: Names) => `import { inputErrorSdl } from '@medikamente/runtime';
import { subgraphTypeDefs } from '@medikamente/schema';
import { entrySdl } from './modules/entry/entry.sdl';

/** The ${n.name} subgraph's SDL (with the federation and classification header). */
export const ${n.camel}TypeDefs = subgraphTypeDefs([inputErrorSdl, entrySdl].join('\\n'));

/** Typed resolvers (scripts/generate-resolver-types.ts): the context and the records resolvers receive. */
export const resolverTypes = {
  contextType: '../context#${n.Name}Context',
  mappers: { ${n.Name}Entry: '../modules/entry/entry.store#EntryRecord' },
};
`;

const context = (
  n: Names,
) => `import { AuditLog, type BaseContext, type Database } from '@medikamente/runtime';
import DataLoader from 'dataloader';
import { type EntryRecord, EntryStore } from './modules/entry/entry.store';

export type Stores = { entries: EntryStore; audit: AuditLog };

/** The subgraph's stores on its database. */
export const createStores = (database: Database): Stores => ({
  entries: new EntryStore(database),
  audit: new AuditLog(database),
});

export type ${n.Name}Context = BaseContext & {
  stores: Stores;
  loaders: { entry: DataLoader<string, EntryRecord | null> };
};

/** Per-request loaders on top of the stores (no N+1 for lists and _entities). */
export function createLoaders(stores: Stores): ${n.Name}Context['loaders'] {
  return {
    entry: new DataLoader(async (ids) => {
      const found = await stores.entries.byIds(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}
`;

const resolversTs = () => `import type { Resolvers } from './generated/resolvers-types';
import { entryResolvers } from './modules/entry/entry.resolvers';

/** All resolvers of the subgraph, typed by its SDL (generated resolver types). */
export const resolvers: Resolvers = entryResolvers;
`;

const migration = () => `create table entry (
  id uuid primary key,
  patient_id uuid not null,
  author_account_id text not null,
  text text not null,
  created_at timestamptz not null default now()
)
-- statement-break
create index entry_patient_idx on entry (patient_id, created_at)
-- statement-break
create index entry_author_idx on entry (author_account_id, patient_id)
`;

const entrySdl = (n: Names) => `export const entrySdl = /* GraphQL */ \`
  "An entry the clinic wrote for a patient (an example: pick the category of your data)"
  type ${n.Name}Entry @key(fields: "id") @classified(category: "FINANCIAL") {
    id: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID")
    patientId: ID
    authorAccountId: ID
    text: String
    createdAt: String
  }

  input Add${n.Name}EntryInput {
    patientId: ID!
    text: String!
    "A retry with the same key returns the same entry"
    idempotencyKey: String!
  }

  type ${n.Name}EntryPayload @classified(category: "PUBLIC") {
    ok: Boolean!
    inputErrors: [InputError!]!
    entry: ${n.Name}Entry
  }

  extend type Query {
    "A patient's entries, newest first"
    ${n.camel}Entries(patientId: ID!): [${n.Name}Entry!]!
  }

  extend type Mutation {
    add${n.Name}Entry(input: Add${n.Name}EntryInput!): ${n.Name}EntryPayload!
  }
\`;
`;

const entryStore = () => `import { randomUUID } from 'node:crypto';
import { type Database, IdempotencyMismatchError, IdempotencyStore, type Principal } from '@medikamente/runtime';

export type EntryRecord = { id: string; patientId: string; authorAccountId: string; text: string; createdAt: Date };

type Row = { id: string; patient_id: string; author_account_id: string; text: string; created_at: Date | string };
const toRecord = (r: Row): EntryRecord => ({
  id: String(r.id),
  patientId: String(r.patient_id),
  authorAccountId: r.author_account_id,
  text: r.text,
  createdAt: new Date(r.created_at),
});

/** Entries: all SQL of the module. */
export class EntryStore {
  private readonly idempotency: IdempotencyStore;
  constructor(private readonly database: Database) {
    this.idempotency = new IdempotencyStore(database);
  }

  async byIds(ids: readonly string[]): Promise<Map<string, EntryRecord>> {
    const rows = await this.database.query<Row>('select * from entry where id = any($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [String(r.id), toRecord(r)]));
  }

  async forPatient(patientId: string): Promise<EntryRecord[]> {
    const rows = await this.database.query<Row>(
      'select * from entry where patient_id = $1 order by created_at desc, id',
      [patientId],
    );
    return rows.map(toRecord);
  }

  /** Adds an entry; the same idempotency key and request returns the first entry, another request throws. */
  async add(
    input: { patientId: string; text: string },
    by: { principal: Pick<Principal, 'kind' | 'subject'>; accountId: string; idempotencyKey: string },
  ): Promise<EntryRecord> {
    return this.database.tx(async () => {
      const id = randomUUID();
      const claim = await this.idempotency.claim({
        principal: by.principal,
        key: by.idempotencyKey,
        operation: 'addEntry',
        request: input,
        result: { id },
      });
      if (claim.status === 'mismatch') throw new IdempotencyMismatchError('input.idempotencyKey');
      if (claim.status === 'replayed') return (await this.byIds([claim.result.id])).get(claim.result.id)!;
      const [row] = await this.database.query<Row>(
        'insert into entry (id, patient_id, author_account_id, text) values ($1, $2, $3, $4) returning *',
        [id, input.patientId, by.accountId, input.text],
      );
      return toRecord(row!);
    });
  }
}
`;

const entryResolvers = (
  n: Names,
) => `import { appError, ErrorCode, IdempotencyMismatchError, idError, requireId, textError } from '@medikamente/runtime';
import type { Resolvers } from '../../generated/resolvers-types';

const noEntry = { ok: false, entry: null };

export const entryResolvers: Resolvers = {
  Query: {
    ${n.camel}Entries: (_, args, ctx) => ctx.stores.entries.forPatient(requireId(args.patientId, 'patientId')),
  },
  Mutation: {
    add${n.Name}Entry: async (_, { input }, ctx) => {
      const inputErrors = [
        idError('input.patientId', input.patientId),
        textError('input.text', input.text, { max: 10_000, required: true }),
        textError('input.idempotencyKey', input.idempotencyKey, { max: 100, required: true }),
      ].filter((e) => e !== null);
      if (inputErrors.length) return { ...noEntry, inputErrors };
      const accountId = ctx.principal.subject;
      if (!accountId) throw appError(ErrorCode.UNAUTHENTICATED);
      try {
        const entry = await ctx.stores.entries.add(
          { patientId: input.patientId, text: input.text.trim() },
          { principal: ctx.principal, accountId, idempotencyKey: input.idempotencyKey },
        );
        return { ok: true, inputErrors: [], entry };
      } catch (e) {
        if (e instanceof IdempotencyMismatchError) return { ...noEntry, inputErrors: [e.toInputError()] };
        throw e;
      }
    },
  },
  ${n.Name}Entry: {
    __resolveReference: (ref, ctx) => ctx.loaders.entry.load(requireId(ref.id)),
    createdAt: (e) => e.createdAt.toISOString(),
  },
};
`;

const testing = (n: Names) => `import { randomUUID } from 'node:crypto';
import type { FixtureRegistry, SubjectFixture } from '@medikamente/runtime/testing';
import type { ${n.Name}Service } from './service';

/** One object of each subject type the ${n.name} subgraph owns, for the generated policy matrix. */
export const subjectFixtures = {
  ${n.Name}Entry: {
    async create(service, r) {
      const patientId = r.subject.patientId;
      if (!patientId) throw new Error('${n.name} fixtures need a subject with a patient id');
      const author = 'matrix-cashier';
      const entry = await service.stores.entries.add(
        { patientId, text: 'Оплата приёма наличными' },
        { principal: { kind: 'user', subject: author }, accountId: author, idempotencyKey: randomUUID() },
      );
      return { key: { id: entry.id }, args: { patientId }, known: { text: 'Оплата приёма наличными' } };
    },
  },
} satisfies Record<string, SubjectFixture<${n.Name}Service>> satisfies FixtureRegistry;
`;

const harness = (
  n: Names,
) => `import { createTestDatabase, createTestIssuer, gql, type TestClaims } from '@medikamente/runtime/testing';
import { load${n.Name}Env } from '../src/env';
import { create${n.Name}Service } from '../src/service';

/** Starts the ${n.name} subgraph on a fresh database with a test token issuer, over real HTTP. */
export async function start${n.Name}Subgraph() {
  const issuer = await createTestIssuer();
  const db = await createTestDatabase('${n.NAME.toLowerCase()}');
  const env = load${n.Name}Env({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    ...(db.url ? { ${n.NAME}_DATABASE_URL: db.url } : {}),
  });
  const service = await create${n.Name}Service(env, { verifier: issuer.verifier });
  const running = await service.subgraph.listen(0);
  const url = \`\${running.url}/graphql\`;
  return {
    service,
    url,
    tokenFor: (claims: TestClaims) => issuer.sign(claims),
    query: <T = any>(q: string, variables: Record<string, unknown> = {}, token?: string) =>
      gql<T>(url, q, variables, token ? { token } : {}),
    async stop() {
      await running.close();
      await service.close();
      await db.drop();
    },
  };
}
export type ${n.Name}Harness = Awaited<ReturnType<typeof start${n.Name}Subgraph>>;
`;

const matrixTest = (
  n: Names,
) => `import { createMatrix, describeMatrix, issuerCallers } from '@medikamente/runtime/testing';
import { loadPolicy } from '@medikamente/schema';
import { afterAll, beforeAll } from 'vitest';
import { subjectFixtures } from '../src/testing';
import { type ${n.Name}Harness, start${n.Name}Subgraph } from './harness';

// The generated authorization matrix of every subject type the ${n.name} subgraph owns.
let h: ${n.Name}Harness;
const matrix = createMatrix({
  policy: loadPolicy(),
  surface: {
    graph: '${n.name}',
    query: (q, variables, token) => h.query(q, variables, token),
    caller: issuerCallers((claims) => h.tokenFor(claims)),
    get services() {
      return { '${n.name}': h.service };
    },
    fixtures: subjectFixtures,
  },
});

beforeAll(async () => {
  h = await start${n.Name}Subgraph();
});
afterAll(async () => h?.stop());

describeMatrix('generated policy matrix on the ${n.name} subgraph', matrix, { types: ['${n.Name}Entry'] });
`;

const entriesTest = (n: Names) => `import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ${n.Name}Harness, start${n.Name}Subgraph } from './harness';

const ADD = \`mutation($input: Add${n.Name}EntryInput!) {
  add${n.Name}Entry(input: $input) { ok inputErrors { field code } entry { id text } }
}\`;
const LIST = 'query($p: ID!) { ${n.camel}Entries(patientId: $p) { id text authorAccountId } }';

let h: ${n.Name}Harness;
beforeAll(async () => {
  h = await start${n.Name}Subgraph();
});
afterAll(async () => h?.stop());

describe('${n.name} entries', () => {
  it('a cashier adds an entry once per idempotency key; the patient reads it', async () => {
    const patientId = randomUUID();
    const cashier = await h.tokenFor({ role: 'cashier', sub: randomUUID(), amr: ['pwd', 'otp'] });
    const input = { patientId, text: ' Оплата ', idempotencyKey: randomUUID() };
    const first = await h.query(ADD, { input }, cashier);
    const again = await h.query(ADD, { input }, cashier);
    expect(first.data.add${n.Name}Entry.ok).toBe(true);
    expect(again.data.add${n.Name}Entry.entry.id).toBe(first.data.add${n.Name}Entry.entry.id);
    const other = await h.query(ADD, { input: { ...input, text: 'Другое' } }, cashier);
    expect(other.data.add${n.Name}Entry.inputErrors).toEqual([
      { field: 'input.idempotencyKey', code: 'IDEMPOTENCY_MISMATCH' },
    ]);
    const patient = await h.tokenFor({ role: 'patient', sub: randomUUID(), pid: patientId });
    const list = await h.query(LIST, { p: patientId }, patient);
    expect(list.data.${n.camel}Entries.map((e: { text: string }) => e.text)).toEqual(['Оплата']);
  });

  // FINANCIAL: doctors are denied; writing is the cashier's. No write grants anyone access.
  it('a doctor can neither add nor list entries', async () => {
    const patientId = randomUUID();
    const doctor = await h.tokenFor({ role: 'doctor', sub: randomUUID() });
    const add = await h.query(ADD, { input: { patientId, text: 'Диагноз', idempotencyKey: randomUUID() } }, doctor);
    expect(add.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const list = await h.query(LIST, { p: patientId }, doctor);
    expect(list.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(await h.service.stores.entries.forPatient(patientId)).toEqual([]);
  });

  it('bad input is a typed error and writes nothing', async () => {
    const cashier = await h.tokenFor({ role: 'cashier', sub: randomUUID(), amr: ['pwd', 'otp'] });
    const patientId = randomUUID();
    const r = await h.query(ADD, { input: { patientId, text: '  ', idempotencyKey: 'k' } }, cashier);
    expect(r.data.add${n.Name}Entry.inputErrors).toEqual([{ field: 'input.text', code: 'REQUIRED' }]);
    const bad = await h.query(ADD, { input: { patientId: 'x', text: 'a', idempotencyKey: 'k' } }, cashier);
    expect(bad.data.add${n.Name}Entry.inputErrors[0].code).toBe('INVALID_ID');
    expect(await h.service.stores.entries.forPatient(patientId)).toEqual([]);
  });
});
`;

/** Path (relative to the subgraph folder) -> content. */
export function subgraphFiles(n: Names): Record<string, string> {
  return {
    'package.json': packageJson(n),
    'tsconfig.json':
      '{ "extends": "../../tsconfig.base.json", "include": ["src", "test", "scripts", "*.ts"] }\n',
    'README.md': readme(n),
    'policy.yaml': policyYaml(n),
    'scripts/generate-sdl.ts': generateSdl(n),
    'src/index.ts': index(n),
    'src/env.ts': env(n),
    'src/service.ts': service(n),
    'src/main.ts': main(n),
    'src/schema.ts': schema(n),
    'src/context.ts': context(n),
    'src/resolvers.ts': resolversTs(),
    'src/testing.ts': testing(n),
    'src/db/migrations/0001_init.sql': migration(),
    'src/modules/entry/entry.sdl.ts': entrySdl(n),
    'src/modules/entry/entry.store.ts': entryStore(),
    'src/modules/entry/entry.resolvers.ts': entryResolvers(n),
    'test/harness.ts': harness(n),
    'test/policy-matrix.int.test.ts': matrixTest(n),
    'test/entries.int.test.ts': entriesTest(n),
  };
}
