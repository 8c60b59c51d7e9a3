'use client';

import { BookOnBehalf } from './book';
import { BranchDate } from './branch-date';
import { CallList } from './call-list';
import { Journal } from './journal';

/** Client-side compositions (render props cannot cross from server components). */
export function JournalScreen() {
  return <BranchDate>{({ branch, date }) => <Journal branch={branch} date={date} />}</BranchDate>;
}

export function BookScreen({ patientId }: { patientId: string }) {
  return (
    <BranchDate showDate={false}>
      {({ branch }) => <BookOnBehalf branch={branch} patientId={patientId} />}
    </BranchDate>
  );
}

export function CallsScreen() {
  return (
    <BranchDate dateOffset={1}>{({ branch, date }) => <CallList branch={branch} date={date} />}</BranchDate>
  );
}
