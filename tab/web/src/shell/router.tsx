/**
 * A small client-side router (history API): the service answers every tab route with
 * index.html, so the path alone picks the surface. Links from mail and cards that use the
 * older `/#/meetings/<id>` form, and a Teams deep link's subPageId, are mapped onto routes.
 */
import { Link } from '@fluentui/react-components';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { MouseEvent, ReactNode } from 'react';

export interface Location {
  path: string;
  query: URLSearchParams;
}

const RouterContext = createContext<{ location: Location; navigate: (to: string) => void }>({
  location: { path: '/', query: new URLSearchParams() },
  navigate: () => undefined,
});

function current(): Location {
  return {
    path: window.location.pathname || '/',
    query: new URLSearchParams(window.location.search),
  };
}

/**
 * Old-style and Teams deep links onto routes: `meetings/<id>[/case-list]` → the meeting details
 * tab for that meeting; `actions/<id>` → My MARAC with that action open.
 */
export function routeForDeepLink(link: string): string | null {
  const page = link.replace(/^#?\/?/, '');
  const meeting = /^meetings\/([0-9a-f-]{36})(\/case-list)?$/i.exec(page);
  if (meeting) return `/tab/meeting?meetingId=${meeting[1]}`;
  const action = /^actions\/([0-9a-zA-Z-]{1,64})$/.exec(page);
  if (action) return `/tab/my-marac?action=${action[1]}`;
  // The coordinator's and the reports' own pages (e.g. `coordinator/area` in a review reminder).
  const section = /^(coordinator|reports)(\/[a-z0-9-]+)*$/.exec(page);
  if (section) return `/${section[0]}`;
  return null;
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<Location>(() => {
    const fromHash = window.location.hash ? routeForDeepLink(window.location.hash) : null;
    if (fromHash) window.history.replaceState(null, '', fromHash);
    return current();
  });
  useEffect(() => {
    const onPop = () => setLocation(current());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string) => {
    if (to === window.location.pathname + window.location.search) return;
    window.history.pushState(null, '', to);
    setLocation(current());
    window.scrollTo(0, 0);
  }, []);
  const value = useMemo(() => ({ location, navigate }), [location, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useLocation(): Location {
  return useContext(RouterContext).location;
}

export function useNavigate(): (to: string) => void {
  return useContext(RouterContext).navigate;
}

/**
 * Matches `pattern` (segments, `:name` parameters, a trailing `*`) against `path`; returns the
 * parameters, with the rest of a `*` match as `*`.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i] as string;
    if (segment === '*') {
      params['*'] = have.slice(i).join('/');
      return params;
    }
    const value = have[i];
    if (value === undefined) return null;
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(value);
    else if (segment !== value) return null;
  }
  return have.length === want.length ? params : null;
}

/**
 * An in-app link: a real <a href> (so it opens in a new tab, is announced as a link and works
 * with the keyboard) that navigates without a reload on a plain click.
 */
export function RouteLink(props: {
  to: string;
  children: ReactNode;
  className?: string;
  'aria-current'?: 'page' | undefined;
}) {
  const navigate = useNavigate();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    navigate(props.to);
  };
  return (
    <Link
      href={props.to}
      onClick={onClick}
      className={props.className}
      aria-current={props['aria-current']}
    >
      {props.children}
    </Link>
  );
}
