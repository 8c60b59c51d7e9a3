'use client';

import { useMemo } from 'react';
import { useQuery } from 'urql';
import { MeQuery } from '@/operations/catalog';
import { StaffDirectoryQuery } from '@/operations/record';
import type { Names } from './labels';

const CLINIC_ZONE = 'Europe/Moscow';

/**
 * The clinic directory the record screens need: doctors' names by account id (visits and versions
 * name their authors by account), each branch's time zone, and the signed-in staff member's own
 * zone (their first branch; Moscow when none).
 */
export function useDirectory() {
  const [dir] = useQuery({ query: StaffDirectoryQuery });
  const [me] = useQuery({ query: MeQuery });
  return useMemo(() => {
    const names: Names = new Map((dir.data?.specialists ?? []).map((s) => [s.accountId, s.displayName]));
    const zones = new Map((dir.data?.branches ?? []).map((b) => [b.id, b.timeZone]));
    const mine = me.data?.me?.branchIds.find((id) => zones.has(id));
    return {
      names,
      /** The zone of a branch (visits are shown in their branch's time). */
      zoneOf: (branchId: string | null | undefined) => (branchId && zones.get(branchId)) || CLINIC_ZONE,
      myZone: (mine && zones.get(mine)) || CLINIC_ZONE,
      myAccountId: me.data?.me?.id ?? null,
    };
  }, [dir.data, me.data]);
}
export type Directory = ReturnType<typeof useDirectory>;
