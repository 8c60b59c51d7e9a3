import type { RequestStatus, RequestType } from './requests.rules';

/** Russian names shown to the patient and the officer. */
export const TYPE_LABELS: Record<RequestType, string> = {
  ACCESS: 'Предоставление сведений о персональных данных',
  CORRECTION: 'Уточнение персональных данных',
  STOP_PROCESSING: 'Прекращение обработки персональных данных',
  CONSENT_WITHDRAWAL: 'Отзыв согласия на обработку персональных данных',
  ERASURE: 'Уничтожение персональных данных',
};

export const STATUS_LABELS: Record<RequestStatus, string> = {
  RECEIVED: 'Получено',
  IN_PROGRESS: 'В работе',
  EXTENDED: 'Срок продлён',
  COMPLETED: 'Исполнено',
  REFUSED: 'Отказано',
};
