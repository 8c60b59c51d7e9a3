/**
 * Operations of the schedule's reminders module that the composed supergraph does not contain
 * yet (`grep -c useReminderLink schema/supergraph.graphql` is 0 until `pnpm generate` runs with
 * it). Sent by the server as text; move them into typed documents (src/operations) once the
 * supergraph has them, so codegen validates them and the manifest lists them.
 */
export const USE_REMINDER_LINK = {
  operationName: 'UseReminderLink',
  query: `mutation UseReminderLink($token: String!) {
    useReminderLink(token: $token) { ok action status startsAt inputErrors { field code message } }
  }`,
};
