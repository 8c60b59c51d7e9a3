/**
 * The test helpers that do not need a running vitest (databases, tokens, GraphQL client, broker,
 * S3 server, sample files): scripts such as the benchmarks import these. The `./testing` entry
 * adds the matrix suites, whose `describeMatrix` imports vitest — which refuses to load outside it.
 */
export * from './broker';
export * from './database';
export * from './graphql-client';
export * from './issuer';
export * from './monitoring';
export * from './s3rver';
export * from './sample-files';
