import type { ReactNode } from 'react';
import { StaffNames } from '@/components/privacy/staff-names';

/** The officer's pages read actor ids as people (the staff directory, names masked by policy). */
export default function PrivacyLayout({ children }: { children: ReactNode }) {
  return <StaffNames>{children}</StaffNames>;
}
