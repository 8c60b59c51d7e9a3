/** Branches, rooms, services and specialists: the clinic's public catalogue. */
export const catalogSdl = /* GraphQL */ `
  type BranchSettings @classified(category: "PUBLIC") {
    "Minutes between now and the earliest bookable start"
    minNoticeMinutes: Int!
    "How many days ahead patients may book"
    horizonDays: Int!
    "How long a held slot is kept before it is released"
    holdMinutes: Int!
    "A cancellation closer than this to the start counts as late"
    lateCancelHours: Int!
    "Hours before the appointment when reminders are sent"
    reminderLeadHours: Int!
  }

  type Branch @key(fields: "id") @classified(category: "PUBLIC") {
    id: ID!
    name: String! @classified(category: "PUBLIC", justification: "Name of a clinic branch, published on the website")
    address: String! @classified(category: "PUBLIC", justification: "Street address of a clinic branch, not of a person")
    "IANA time zone, e.g. Europe/Moscow"
    timeZone: String!
    rooms: [Room!]!
    settings: BranchSettings!
  }

  type Room @classified(category: "PUBLIC") {
    id: ID!
    branchId: ID!
    name: String! @classified(category: "PUBLIC", justification: "Room label such as 'Кабинет 204'")
  }

  type Service @key(fields: "id") @classified(category: "PUBLIC") {
    id: ID!
    name: String! @classified(category: "PUBLIC", justification: "Name of a medical service from the price list")
    specialty: String!
    durationMinutes: Int!
  }

  type Specialist @key(fields: "id") @classified(category: "PUBLIC") {
    id: ID!
    "The staff account of the doctor (opaque id)"
    accountId: ID!
    displayName: String! @classified(category: "PUBLIC", justification: "Doctors' names and specialties are published for booking")
    specialties: [String!]!
    branches: [Branch!]!
    services: [Service!]!
  }

  input BranchInput {
    name: String!
    address: String!
    timeZone: String!
  }

  input BranchSettingsInput {
    minNoticeMinutes: Int
    horizonDays: Int
    holdMinutes: Int
    lateCancelHours: Int
    reminderLeadHours: Int
  }

  input ServiceInput {
    name: String!
    specialty: String!
    durationMinutes: Int!
  }

  input SpecialistInput {
    accountId: ID!
    displayName: String!
    specialties: [String!]!
    branchIds: [ID!]!
    serviceIds: [ID!]!
  }

  type BranchPayload @classified(category: "PUBLIC") {
    branch: Branch
    inputErrors: [InputError!]!
  }

  type RoomPayload @classified(category: "PUBLIC") {
    room: Room
    inputErrors: [InputError!]!
  }

  type ServicePayload @classified(category: "PUBLIC") {
    service: Service
    inputErrors: [InputError!]!
  }

  type SpecialistPayload @classified(category: "PUBLIC") {
    specialist: Specialist
    inputErrors: [InputError!]!
  }

  input SpecialistFilter {
    specialty: String
    branchId: ID
    serviceId: ID
    "Beginning of the doctor's surname or name"
    name: String
  }

  type Query {
    branches: [Branch!]!
    branch(id: ID!): Branch
    services(specialty: String): [Service!]!
    specialties: [String!]!
    specialists(filter: SpecialistFilter): [Specialist!]!
    specialist(id: ID!): Specialist
  }

  type Mutation {
    createBranch(input: BranchInput!): BranchPayload!
    updateBranchSettings(branchId: ID!, input: BranchSettingsInput!): BranchPayload!
    createRoom(branchId: ID!, name: String!): RoomPayload!
    createService(input: ServiceInput!): ServicePayload!
    createSpecialist(input: SpecialistInput!): SpecialistPayload!
    "Explicit per-person permissions of the schedule, e.g. booking beyond the schedule (overbooking)"
    grantSchedulePermission(accountId: ID!, permission: SchedulePermission!): Boolean!
  }

  enum SchedulePermission {
    OVERBOOK
  }
`;
