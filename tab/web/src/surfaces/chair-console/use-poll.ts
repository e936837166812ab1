import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.js';

export interface PollState<T> {
  data: T | null;
  /** The last failure; the previous data stays on screen while it lasts. */
  error: unknown;
  /** When the data last arrived. */
  updatedAt: Date | null;
  /** Fetch now (after a change), without waiting for the next tick. */
  refresh: () => void;
  /** Show data a change already returned (e.g. the run view after start-case). */
  replace: (data: T) => void;
}

/**
 * GETs `/api${path}` now and every `intervalMs` (the chair console's "real time": volunteered
 * actions and attendance arrive within one interval). One request at a time; the page stops
 * polling while hidden and catches up when shown again.
 */
export function usePoll<T>(path: string | null, intervalMs: number): PollState<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; updatedAt: Date | null }>({
    data: null,
    error: null,
    updatedAt: null,
  });
  const inFlight = useRef(false);
  const live = useRef(true);
  const load = useCallback(async () => {
    if (!path || inFlight.current) return;
    inFlight.current = true;
    try {
      const data = await api<T>(path);
      if (live.current) setState({ data, error: null, updatedAt: new Date() });
    } catch (error) {
      if (live.current) setState((s) => ({ ...s, error }));
    } finally {
      inFlight.current = false;
    }
  }, [path]);
  useEffect(() => {
    live.current = true;
    setState({ data: null, error: null, updatedAt: null });
    void load();
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') void load();
    }, intervalMs);
    return () => {
      live.current = false;
      window.clearInterval(timer);
    };
  }, [load, intervalMs]);
  const refresh = useCallback(() => void load(), [load]);
  const replace = useCallback(
    (data: T) => setState({ data, error: null, updatedAt: new Date() }),
    [],
  );
  return { ...state, refresh, replace };
}
