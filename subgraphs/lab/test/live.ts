import { subscribeLive } from '@medikamente/runtime/testing';
import { ALERT_CHANNEL } from '../src/modules/alerts/alerts.service';
import type { LabService } from '../src/service';

export const ALERT_SUBSCRIPTION = /* GraphQL */ `
  subscription {
    labAlertRaised {
      id orderId flag doctorAccountId escalatedTo acknowledgedBy
      result { id numeric flag }
      steps { step accountId }
    }
  }`;

/** A live subscriber to the lab's critical alerts (see subscribeLive). */
export const subscribeAlerts = (h: { url: string; service: LabService }, token: string) =>
  subscribeLive(
    { url: h.url, pubsub: h.service.services.pubsub, channel: ALERT_CHANNEL },
    token,
    ALERT_SUBSCRIPTION,
  );
export type AlertSubscriber = Awaited<ReturnType<typeof subscribeAlerts>>;
