/** Keeps the room's picture fresh the way Teams would: ask again every couple of seconds. */
import { useCallback, useEffect, useRef, useState } from 'react';

const POLL_MS = 2000;

/** Polls `load` every POLL_MS; keeps the last good answer. */
export function usePolled<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const busy = useRef(false);
  const tick = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      setData(await load());
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      busy.current = false;
    }
  }, [load]);
  useEffect(() => {
    void tick();
    const t = window.setInterval(() => void tick(), POLL_MS);
    return () => window.clearInterval(t);
  }, [tick]);
  return { data, error, refresh: tick };
}
