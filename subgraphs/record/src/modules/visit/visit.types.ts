import type { VisitContent } from './visit.content';

export type VisitRecord = {
  id: string;
  patientId: string;
  appointmentId: string | null;
  doctorAccountId: string;
  specialistId: string | null;
  branchId: string | null;
  startedAt: Date;
  status: 'OPEN' | 'SIGNED';
};

export type DraftRecord = {
  id: string;
  visitId: string;
  patientId: string;
  authorAccountId: string;
  kind: 'ORIGINAL' | 'CORRECTION';
  replacesVersionId: string | null;
  revision: number;
  updatedAt: Date;
  content: VisitContent;
};

export type VersionStatus = 'FINAL' | 'AMENDED' | 'ENTERED_IN_ERROR';

export type VersionRecord = {
  id: string;
  visitId: string;
  patientId: string;
  number: number;
  status: VersionStatus;
  replacesVersionId: string | null;
  reason: string | null;
  contentHash: string;
  signedBy: string;
  signedAt: Date;
  signatureMethod: string;
  signature: string;
  content: VisitContent;
};

export type AddendumRecord = {
  id: string;
  visitId: string;
  patientId: string;
  text: string;
  contentHash: string;
  signedBy: string;
  signedAt: Date;
};
