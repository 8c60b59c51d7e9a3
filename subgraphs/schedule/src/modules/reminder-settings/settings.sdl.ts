/** A patient's choice of reminder channel and their browsers subscribed to web push. */
export const reminderSettingsSdl = /* GraphQL */ `
  enum ReminderChannel {
    EMAIL
    SMS
    PUSH
    VOICE
  }

  "How the patient wants to be reminded; the other channels are fallbacks"
  type ReminderSettings @classified(category: "CONTACT") {
    patientId: ID! @classified(category: "PUBLIC", justification: "Opaque random UUID of the patient")
    preferredChannel: ReminderChannel @classified(category: "CONTACT", tags: ["preference"])
    "Browsers (devices) subscribed to web push"
    pushDevices: Int @classified(category: "CONTACT", tags: ["preference"])
  }

  type ReminderSettingsPayload @classified(category: "PUBLIC") {
    settings: ReminderSettings
    inputErrors: [InputError!]!
  }

  "Configuration the portal needs to offer reminders"
  type ReminderChannels @classified(category: "PUBLIC") {
    "Channels the clinic has enabled"
    enabled: [ReminderChannel!]!
    "VAPID public key for PushManager.subscribe (null when web push is off)"
    webPushPublicKey: String
  }

  input PushSubscriptionInput {
    endpoint: String!
    p256dh: String!
    auth: String!
  }

  extend type Query {
    reminderChannels: ReminderChannels!
    myReminderSettings: ReminderSettings!
  }

  extend type Mutation {
    setReminderChannel(channel: ReminderChannel!): ReminderSettingsPayload!
    "Stores this browser's push subscription for the signed-in patient"
    registerPushSubscription(input: PushSubscriptionInput!): ReminderSettingsPayload!
    removePushSubscription(endpoint: String!): ReminderSettingsPayload!
  }
`;
