import { persisted } from '@medikamente/web-kit/client';
import { graphql } from '@/gql';

// Anonymous and single-use: the token is the only credential, so the BFF forwards it with or
// without a session (a signed-in patient's token changes nothing).
export const UseReminderLinkMutation = persisted(
  graphql(`
    mutation UseReminderLink($token: String!) {
      useReminderLink(token: $token) {
        ok
        action
        status
        startsAt
        inputErrors { field code message }
      }
    }
  `),
);
