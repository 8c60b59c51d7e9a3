'use client';

import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef } from 'react';
import { useQuery } from 'urql';
import { StaffAccountsQuery } from '@/operations/privacy';
import { ACTOR_ROLE_LABELS, labelOf } from './labels';

type StaffEntry = { displayName: string | null; role: string; dismissed: boolean };
type Directory = {
  staff: ReadonlyMap<string, StaffEntry>;
  /** Reads the directory again once for an id it does not hold (an account created since). */
  missing: (accountId: string) => void;
};
const StaffContext = createContext<Directory>({ staff: new Map(), missing: () => {} });

/**
 * The staff directory for the officer's pages (`staffAccounts`, names as the policy shows them to
 * the officer: masked), so an actor id reads as a person. Without it, ids are shown.
 */
export function StaffNames({ children }: { children: ReactNode }) {
  const [{ data }, refetch] = useQuery({ query: StaffAccountsQuery });
  const asked = useRef(new Set<string>());
  const staff = useMemo(
    () =>
      new Map(
        (data?.staffAccounts ?? []).map((a) => [
          a.id,
          { displayName: a.displayName ?? null, role: a.role, dismissed: !!a.dismissedAt },
        ]),
      ),
    [data],
  );
  const value = useMemo<Directory>(
    () => ({
      staff,
      missing: (accountId) => {
        if (!data || staff.has(accountId) || asked.current.has(accountId)) return;
        asked.current.add(accountId);
        refetch({ requestPolicy: 'network-only' });
      },
    }),
    [staff, data, refetch],
  );
  return <StaffContext.Provider value={value}>{children}</StaffContext.Provider>;
}

/** The directory's entry of an account, asking the directory again when it is not there yet. */
function useStaff(accountId: string): StaffEntry | undefined {
  const { staff, missing } = useContext(StaffContext);
  useEffect(() => missing(accountId), [missing, accountId]);
  return staff.get(accountId);
}

/** "Врач Фролов И. К. · 72825387" (role, name when known, the start of the account id). */
export function ActorLabel({ actorId, role }: { actorId: string; role: string | null | undefined }) {
  const staff = useStaff(actorId);
  return (
    <>
      {labelOf(ACTOR_ROLE_LABELS, role)}
      {staff?.displayName ? ` ${staff.displayName}` : ''}
      {staff?.dismissed ? ' (уволен)' : ''} · {actorId.slice(0, 8)}
    </>
  );
}

/** The officer's own account or a staff member's name for steps and assignees. */
export function useStaffName(): (accountId: string) => string | null {
  const { staff } = useContext(StaffContext);
  return (accountId) => staff.get(accountId)?.displayName ?? null;
}

/** The staff member of a history page: name (as the officer may see it), role, account. */
export function StaffIdentity({ actorId }: { actorId: string }) {
  const staff = useStaff(actorId);
  return (
    <p className="muted" data-testid="staff-identity">
      {staff
        ? `${staff.displayName ?? 'Имя скрыто'}, ${labelOf(ACTOR_ROLE_LABELS, staff.role)}${staff.dismissed ? ', уволен' : ''} · `
        : ''}
      учётная запись {actorId}
    </p>
  );
}
