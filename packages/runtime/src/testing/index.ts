export * from './broker';
export * from './database';
export * from './graphql-client';
export * from './issuer';
export * from './matrix/index';
export * from './s3rver';
export * from './sample-files';
