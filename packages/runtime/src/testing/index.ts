export * from './issuer';
export * from './database';
export * from './graphql-client';
export * from './matrix';
