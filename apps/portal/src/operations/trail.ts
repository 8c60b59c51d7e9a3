import { persisted } from '@medikamente/web-kit/client';
import { graphql } from '@/gql';

// «Кто смотрел мою медкарту»: the patient's own trail across services from the security
// subgraph — role, department, time, purpose, categories; never a staff member's name or id.
export const MyAccessTrailQuery = persisted(
  graphql(`
    query MyAccessTrail($first: Int, $before: ID) {
      myAccessTrail(first: $first, before: $before) {
        cursor
        at
        role
        department
        purpose
        categories
      }
    }
  `),
);
