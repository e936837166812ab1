/** Shared building blocks of every surface: page layout, empty state, error banner, progress. */
import {
  Body1,
  Button,
  Caption1,
  Card,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle1,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ApiError, plainError } from '../api/client.js';
import { RouteLink, useLocation } from './router.js';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    flexWrap: 'wrap',
  },
  brand: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  nav: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  navLink: {
    color: tokens.colorBrandForegroundLink,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    textDecorationLine: 'none',
    ':hover': { textDecorationLine: 'underline' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  navCurrent: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground1Selected,
    color: tokens.colorNeutralForeground1,
  },
  main: {
    maxWidth: '1100px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    display: 'grid',
    // One column no wider than the screen, whatever a child's natural width (320 px screens).
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalL,
    // The meeting side panel is 320 px wide: keep the margins small there.
    '@media (max-width: 640px)': {
      padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    },
  },
  titleRow: {
    display: 'flex',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
  empty: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    justifyItems: 'start',
    padding: tokens.spacingVerticalL,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  section: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalL,
    '@media (max-width: 640px)': { padding: tokens.spacingVerticalM },
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface NavItem {
  to: string;
  label: string;
}

/** A page: one h1, an optional sub-navigation, and the content in <main>. */
export function PageLayout(props: {
  title: string;
  subtitle?: ReactNode;
  nav?: NavItem[];
  actions?: ReactNode;
  children: ReactNode;
}) {
  const styles = useStyles();
  const { path } = useLocation();
  return (
    <>
      {props.nav && (
        <header className={styles.header}>
          <span className={styles.brand}>Virtual MARAC</span>
          <nav aria-label="Sections" className={styles.nav}>
            {props.nav.map((item) => {
              const current = path === item.to || path.startsWith(`${item.to}/`);
              return (
                <RouteLink
                  key={item.to}
                  to={item.to}
                  className={`${styles.navLink} ${current ? styles.navCurrent : ''}`}
                  aria-current={current ? 'page' : undefined}
                >
                  {item.label}
                </RouteLink>
              );
            })}
          </nav>
        </header>
      )}
      <main className={styles.main}>
        <div className={styles.titleRow}>
          <Title2 as="h1">{props.title}</Title2>
          {props.actions}
        </div>
        {props.subtitle && <Body1 className={styles.muted}>{props.subtitle}</Body1>}
        {props.children}
      </main>
    </>
  );
}

/** A card with an h2 (or h3) heading. */
export function Section(props: {
  title: string;
  level?: 2 | 3;
  actions?: ReactNode;
  children: ReactNode;
  id?: string;
}) {
  const styles = useStyles();
  const Heading = props.level === 3 ? Subtitle2 : Subtitle1;
  return (
    <Card className={styles.section} id={props.id}>
      <div className={styles.titleRow}>
        <Heading as={props.level === 3 ? 'h3' : 'h2'}>{props.title}</Heading>
        {props.actions}
      </div>
      {props.children}
    </Card>
  );
}

/** Nothing to show yet, and what to do next. */
export function EmptyState(props: { title: string; children?: ReactNode; action?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.empty} role="status">
      <Subtitle2 as="p">{props.title}</Subtitle2>
      {props.children && <Body1>{props.children}</Body1>}
      {props.action}
    </div>
  );
}

/** An error in plain words, with "Try again" when the caller can retry. */
export function ErrorBanner(props: { error: unknown; title?: string; onRetry?: () => void }) {
  if (props.error instanceof ApiError && props.error.notAvailable) return <NotAvailable />;
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        {props.title && <MessageBarTitle>{props.title}</MessageBarTitle>}
        {plainError(props.error)}
      </MessageBarBody>
      {props.onRetry && (
        <MessageBarActions>
          <Button onClick={props.onRetry}>Try again</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** A feature whose service part has not been installed yet. */
export function NotAvailable(props: { what?: string }) {
  return (
    <MessageBar intent="info" role="status">
      <MessageBarBody>
        {props.what ? `${props.what}: not available yet` : 'Not available yet'}. This part of the
        service has not been switched on here.
      </MessageBarBody>
    </MessageBar>
  );
}

/** A success or warning note after an operation. */
export function Notice(props: { intent: 'success' | 'warning' | 'info'; children: ReactNode }) {
  return (
    <MessageBar intent={props.intent} role="status" layout="multiline">
      <MessageBarBody>{props.children}</MessageBarBody>
    </MessageBar>
  );
}

/** Progress: a spinner with a label, or a bar with a label for long operations. */
export function Progress(props: { label: string; bar?: boolean }) {
  if (props.bar)
    return (
      <div role="status" aria-live="polite">
        <Caption1>{props.label}</Caption1>
        <ProgressBar aria-label={props.label} />
      </div>
    );
  return <Spinner role="status" aria-live="polite" label={props.label} labelPosition="after" />;
}

/** The usual load → error / progress / content switch for a `useApi` result. */
export function Loaded<T>(props: {
  state: { data: T | null; error: unknown; loading: boolean; reload: () => void };
  label: string;
  children: (data: T) => ReactNode;
}) {
  if (props.state.error)
    return <ErrorBanner error={props.state.error} onRetry={props.state.reload} />;
  if (props.state.data === null) return <Progress label={props.label} />;
  return <>{props.children(props.state.data)}</>;
}

/** Date and time in the area's time zone, e.g. "Wed 14 May 2025, 10:00". */
export function formatDateTime(value: string | Date | null | undefined, timeZone?: string): string {
  if (!value) return '—';
  return new Date(value).toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
}

export function formatTime(value: string | Date | null | undefined, timeZone?: string): string {
  if (!value) return '—';
  return new Date(value).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
}

export function formatDay(value: string | null | undefined): string {
  if (!value) return '—';
  const dayOnly = value.length === 10;
  return new Date(dayOnly ? `${value}T12:00:00Z` : value).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(dayOnly ? { timeZone: 'UTC' } : {}),
  });
}
