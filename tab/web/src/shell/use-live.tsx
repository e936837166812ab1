/**
 * Live state for screens left open (the chair console, the meeting workspace's circulation,
 * My MARAC): GETs `/api${path}` now and every `intervalMs`, one request at a time. While the
 * page is hidden it does not ask; when it is shown again it catches up at once. A failure keeps
 * the last data on screen and says so; the next tick tries again.
 */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';

export interface LiveState<T> {
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

/** How often screens that are not the chair console look for news. */
export const LIVE_MS = 15_000;

export function useLive<T>(path: string | null, intervalMs: number = LIVE_MS): LiveState<T> {
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
    const onShown = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onShown);
    return () => {
      live.current = false;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onShown);
    };
  }, [load, intervalMs]);
  const refresh = useCallback(() => void load(), [load]);
  const replace = useCallback(
    (data: T) => setState({ data, error: null, updatedAt: new Date() }),
    [],
  );
  return { ...state, refresh, replace };
}

/** "a moment ago", "2 minutes ago", "1 hour ago": how old what is on screen is. */
export function updatedAgo(at: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000));
  if (seconds < 60) return 'a moment ago';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.floor(minutes / 60);
  return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
}

const useStyles = makeStyles({ muted: { color: tokens.colorNeutralForeground2 } });

/**
 * "Updated a moment ago" under a live section (not announced: it changes all the time). Says
 * when refreshing fails, so stale data is never taken for current.
 */
export function LiveIndicator(props: { state: Pick<LiveState<unknown>, 'updatedAt' | 'error'> }) {
  const styles = useStyles();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  const { updatedAt, error } = props.state;
  const text = !updatedAt
    ? 'Connecting…'
    : `Updated ${updatedAgo(updatedAt, now > updatedAt ? now : updatedAt)}${
        error ? '. Could not refresh just now; still trying.' : ''
      }`;
  return (
    <Caption1 aria-live="off" className={styles.muted} data-testid="live-updated">
      {text}
    </Caption1>
  );
}
