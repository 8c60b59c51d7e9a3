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

export const ReminderSettingsQuery = persisted(
  graphql(`
    query ReminderSettings {
      myReminderSettings { preferredChannel pushDevices }
      reminderChannels { enabled webPushPublicKey }
    }
  `),
);

export const SetReminderChannelMutation = persisted(
  graphql(`
    mutation SetReminderChannel($channel: ReminderChannel!) {
      setReminderChannel(channel: $channel) {
        settings { preferredChannel pushDevices }
        inputErrors { field code message }
      }
    }
  `),
);

export const RegisterPushMutation = persisted(
  graphql(`
    mutation RegisterPush($input: PushSubscriptionInput!) {
      registerPushSubscription(input: $input) {
        settings { preferredChannel pushDevices }
        inputErrors { field code message }
      }
    }
  `),
);

export const RemovePushMutation = persisted(
  graphql(`
    mutation RemovePush($endpoint: String!) {
      removePushSubscription(endpoint: $endpoint) {
        settings { pushDevices }
      }
    }
  `),
);
