import { identityTypeDefs } from '@medikamente/subgraph-identity';
import { patientTypeDefs } from '@medikamente/subgraph-patient';
import { scheduleTypeDefs } from '@medikamente/subgraph-schedule';
import type { DocumentNode } from 'graphql';

/** Every subgraph of the supergraph with its default (development) URL. */
export const SUBGRAPHS: Array<{ name: string; typeDefs: DocumentNode; url: string }> = [
  { name: 'identity', typeDefs: identityTypeDefs, url: 'http://127.0.0.1:4001/graphql' },
  { name: 'patient', typeDefs: patientTypeDefs, url: 'http://127.0.0.1:4002/graphql' },
  { name: 'schedule', typeDefs: scheduleTypeDefs, url: 'http://127.0.0.1:4003/graphql' },
];
