/** Working hours: weekly templates, exceptions, holidays, and the free slots they produce. */
export const calendarSdl = /* GraphQL */ `
  type TimeRange @classified(category: "PUBLIC") {
    "HH:MM, local time of the branch"
    start: String!
    end: String!
  }

  type WeeklyTemplate @classified(category: "PUBLIC") {
    id: ID!
    specialistId: ID!
    branchId: ID!
    roomId: ID
    "ISO weekday: 1 = Monday … 7 = Sunday"
    weekday: Int!
    "HH:MM local time"
    startTime: String!
    endTime: String!
    slotMinutes: Int!
    breaks: [TimeRange!]!
    "YYYY-MM-DD, inclusive; null = open"
    validFrom: String
    validUntil: String
  }

  enum ScheduleExceptionKind {
    VACATION
    SICK_LEAVE
    DAY_OFF
    EXTRA_HOURS
  }

  type ScheduleException @classified(category: "PUBLIC") {
    id: ID!
    specialistId: ID!
    branchId: ID!
    kind: ScheduleExceptionKind! @classified(category: "PUBLIC", justification: "Absence type of a staff member for scheduling; no medical detail")
    "ISO date-time with the branch offset"
    startsAt: String!
    endsAt: String!
    roomId: ID
  }

  type Holiday @classified(category: "PUBLIC") {
    id: ID!
    "null: every branch"
    branchId: ID
    "YYYY-MM-DD"
    date: String!
    name: String! @classified(category: "PUBLIC", justification: "Name of a public holiday")
  }

  "A bookable interval. Times are ISO 8601 with the branch's UTC offset."
  type Slot @classified(category: "PUBLIC") {
    specialistId: ID!
    specialist: Specialist!
    branchId: ID!
    branch: Branch!
    roomId: ID
    startsAt: String!
    endsAt: String!
  }

  input TimeRangeInput {
    start: String!
    end: String!
  }

  input WeeklyTemplateInput {
    specialistId: ID!
    branchId: ID!
    roomId: ID
    weekday: Int!
    startTime: String!
    endTime: String!
    slotMinutes: Int!
    breaks: [TimeRangeInput!]
    validFrom: String
    validUntil: String
  }

  input ScheduleExceptionInput {
    specialistId: ID!
    branchId: ID!
    kind: ScheduleExceptionKind!
    "Local date-time of the branch, YYYY-MM-DDTHH:MM (or with an offset)"
    startsAt: String!
    endsAt: String!
    roomId: ID
  }

  input HolidayInput {
    branchId: ID
    date: String!
    name: String!
  }

  input FreeSlotsInput {
    specialty: String
    specialistId: ID
    serviceId: ID
    branchId: ID
    "YYYY-MM-DD in the branch's zone, inclusive"
    from: String!
    "YYYY-MM-DD in the branch's zone, inclusive (at most 31 days after from)"
    to: String!
    "At most 2000; default 500"
    limit: Int
  }

  type WeeklyTemplatePayload @classified(category: "PUBLIC") {
    template: WeeklyTemplate
    inputErrors: [InputError!]!
  }

  type ScheduleExceptionPayload @classified(category: "PUBLIC") {
    exception: ScheduleException
    inputErrors: [InputError!]!
  }

  type HolidayPayload @classified(category: "PUBLIC") {
    holiday: Holiday
    inputErrors: [InputError!]!
  }

  extend type Query {
    freeSlots(input: FreeSlotsInput!): [Slot!]!
    weeklyTemplates(specialistId: ID!): [WeeklyTemplate!]!
    scheduleExceptions(specialistId: ID!, from: String!, to: String!): [ScheduleException!]!
    holidays(from: String!, to: String!): [Holiday!]!
  }

  extend type Mutation {
    setWeeklyTemplate(input: WeeklyTemplateInput!): WeeklyTemplatePayload!
    removeWeeklyTemplate(id: ID!): WeeklyTemplatePayload!
    addScheduleException(input: ScheduleExceptionInput!): ScheduleExceptionPayload!
    addHoliday(input: HolidayInput!): HolidayPayload!
  }
`;
