/**
 * One form submission at a time: `busy` while it runs (to disable the button and show progress),
 * the `error` it ended with (for `FieldErrors` / `ErrorBanner`), and `done` after it succeeded
 * (for a "saved" notice). Every form of the client submits through this, so they all behave alike.
 */
import { useCallback, useState } from 'react';

export interface Submit {
  busy: boolean;
  error: unknown;
  done: boolean;
  /** Runs `work`; resolves to its result, or to undefined when it failed (the error is kept). */
  run: <T>(work: () => Promise<T>) => Promise<T | undefined>;
}

export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const result = await work();
      setDone(true);
      return result;
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, done, run };
}
