/** What the start page adds in demo mode: the simulated tenant's note and the demo sign-in. */
import { Body1, Link } from '@fluentui/react-components';
import { RouteLink } from '../../shell/router.js';

export function DemoModeNote() {
  return (
    <Body1>
      Demo mode: a simulated Microsoft 365 tenant with the fictional Northfield MARAC.{' '}
      <Link href="/healthz">Health check</Link>
    </Body1>
  );
}

export function DemoSignInItem() {
  return (
    <li>
      <RouteLink to="/sign-in">Sign in as one of the demo people</RouteLink>
    </li>
  );
}
