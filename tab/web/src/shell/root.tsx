/**
 * The client's root: finds the host (Teams/Outlook or a browser), follows its theme (light,
 * dark, high contrast), prepares sign-in, then shows the surface for the route.
 */
import {
  FluentProvider,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { initAuth, loadClientConfig } from '../auth/auth.js';
import { ErrorBanner, Progress } from './components.js';
import { detectHost, onThemeChange, type HostContext, type ThemeName } from './host.js';
import { HostContextValue } from './use-host.js';

import { routeForDeepLink, RouterProvider } from './router.js';
import { Routes } from './routes.js';

const THEMES = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
} as const;

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

type Boot =
  | { status: 'starting' }
  | { status: 'ready'; host: HostContext }
  | { status: 'failed'; error: unknown };

export function Root() {
  const styles = useStyles();
  const [boot, setBoot] = useState<Boot>({ status: 'starting' });
  const [theme, setTheme] = useState<ThemeName>('default');
  useEffect(() => {
    let stop = () => undefined as void;
    (async () => {
      const host = await detectHost();
      setTheme(host.theme);
      stop = onThemeChange(host, setTheme);
      await initAuth(host, await loadClientConfig());
      // A Teams deep link (subEntityId) opens the page it names.
      const target = host.subPageId ? routeForDeepLink(host.subPageId) : null;
      if (target) window.history.replaceState(null, '', target);
      setBoot({ status: 'ready', host });
    })().catch((error: unknown) => setBoot({ status: 'failed', error }));
    return () => stop();
  }, []);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <FluentProvider theme={THEMES[theme]} className={styles.root}>
      {boot.status === 'starting' && <Progress label="Starting…" />}
      {boot.status === 'failed' && (
        <ErrorBanner error={boot.error} title="The app could not start" />
      )}
      {boot.status === 'ready' && (
        <HostContextValue.Provider value={boot.host}>
          <RouterProvider>
            <Routes />
          </RouterProvider>
        </HostContextValue.Provider>
      )}
    </FluentProvider>
  );
}
