'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import type { VisitContentInput } from '@/gql/graphql';
import { SaveVisitDraftMutation } from '@/operations/record';

export type InputErrorItem = { field: string; code: string; message: string };
export type AutosaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'invalid'; errors: InputErrorItem[] }
  | { kind: 'offline' }
  | { kind: 'conflict' };

/** Pause after the last keystroke before the draft is saved. */
const DEBOUNCE_MS = 1200;

/**
 * Autosave of the doctor's draft: debounced, one save at a time (the newest content wins), each
 * based on the revision the previous one returned (`expectedRevision`). A save refused because the
 * draft changed elsewhere (DRAFT_STALE) stops autosaving: the page must be reloaded, nothing is
 * overwritten. `flush()` saves what is pending now and tells whether everything is saved.
 */
export function useAutosave(visitId: string, initialRevision: number) {
  const [, save] = useMutation(SaveVisitDraftMutation);
  const [state, setState] = useState<AutosaveState>({ kind: 'idle' });
  const revision = useRef(initialRevision);
  const pending = useRef<VisitContentInput | null>(null);
  const busy = useRef<Promise<boolean> | null>(null);
  const stopped = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const saveOnce = useCallback(
    async (content: VisitContentInput): Promise<boolean> => {
      setState({ kind: 'saving' });
      const r = await save({ input: { visitId, content, expectedRevision: revision.current } });
      const p = r.data?.saveVisitDraft;
      if (p?.ok && p.draft) {
        revision.current = p.draft.revision ?? revision.current + 1;
        setState(
          pending.current
            ? { kind: 'dirty' }
            : { kind: 'saved', at: p.draft.updatedAt ?? new Date().toISOString() },
        );
        return true;
      }
      if (p?.inputErrors.some((e) => e.code === 'DRAFT_STALE')) {
        stopped.current = true;
        setState({ kind: 'conflict' });
        return false;
      }
      // Refused input or no answer: the content stays pending (unless newer content is waiting),
      // so the next save or flush sends it again.
      pending.current ??= content;
      setState(p ? { kind: 'invalid', errors: p.inputErrors } : { kind: 'offline' });
      return false;
    },
    [save, visitId],
  );

  const pump = useCallback((): Promise<boolean> => {
    if (busy.current) return busy.current;
    const run = (async () => {
      let ok = true;
      while (pending.current && !stopped.current) {
        const content = pending.current;
        pending.current = null;
        ok = await saveOnce(content);
        if (!ok) break;
      }
      return ok && !pending.current && !stopped.current;
    })();
    busy.current = run.finally(() => {
      busy.current = null;
    });
    return busy.current;
  }, [saveOnce]);

  /** Queues the editor's current content; saved after a pause in typing. */
  const schedule = useCallback(
    (content: VisitContentInput) => {
      if (stopped.current) return;
      pending.current = content;
      setState({ kind: 'dirty' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void pump(), DEBOUNCE_MS);
    },
    [pump],
  );

  /** Saves now; true when nothing is left unsaved. */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    if (stopped.current) return false;
    return pump();
  }, [pump]);

  // Leaving the page with unsaved changes asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (pending.current || busy.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      clearTimeout(timer.current);
    };
  }, []);

  return { state, schedule, flush };
}
