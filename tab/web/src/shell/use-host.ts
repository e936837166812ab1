import { createContext, useContext } from 'react';
import type { HostContext } from './host.js';

/** The host the tab runs in, provided by the root once it has detected it (shell/root.tsx). */
export const HostContextValue = createContext<HostContext | null>(null);

/** The host the tab runs in (available once the root has started). */
export function useHost(): HostContext {
  const host = useContext(HostContextValue);
  if (!host) throw new Error('useHost before the host was detected');
  return host;
}
