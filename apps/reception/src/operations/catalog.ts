import { persisted } from '@medikamente/web-kit/client';
import { graphql } from '@/gql';

export const MeQuery = persisted(
  graphql(`
    query ReceptionMe {
      me { id role displayName branchIds totpEnabled }
      branches { id name address timeZone }
    }
  `),
);

export const BranchSpecialistsQuery = persisted(
  graphql(`
    query BranchSpecialists($branchId: ID!) {
      specialists(filter: { branchId: $branchId }) {
        id
        displayName
        specialties
        services { id name durationMinutes }
      }
    }
  `),
);

export const SlotsQuery = persisted(
  graphql(`
    query ReceptionFreeSlots($input: FreeSlotsInput!) {
      freeSlots(input: $input) {
        specialistId
        branchId
        startsAt
        endsAt
        branch { id name timeZone }
      }
    }
  `),
);

export const StartTotpMutation = persisted(
  graphql(`
    mutation StartTotpEnrollment {
      startTotpEnrollment { ok secret otpauthUri inputErrors { field code message } }
    }
  `),
);

export const ConfirmTotpMutation = persisted(
  graphql(`
    mutation ConfirmTotpEnrollment($code: String!) {
      confirmTotpEnrollment(code: $code) { ok inputErrors { field code message } account { id totpEnabled } }
    }
  `),
);
