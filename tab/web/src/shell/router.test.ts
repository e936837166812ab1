import { describe, expect, it } from 'vitest';
import { matchPath, routeForDeepLink } from './router.js';

describe('tab routes', () => {
  it('matches segments, parameters and a trailing wildcard', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/tab/my-marac', '/tab/my-marac')).toEqual({});
    expect(matchPath('/tab/my-marac', '/tab/meeting')).toBeNull();
    expect(matchPath('/coordinator/meetings/:meetingId', '/coordinator/meetings/abc')).toEqual({
      meetingId: 'abc',
    });
    expect(matchPath('/coordinator/meetings/:meetingId', '/coordinator/meetings')).toBeNull();
    expect(matchPath('/coordinator/*', '/coordinator')).toEqual({ '*': '' });
    expect(matchPath('/coordinator/*', '/coordinator/meetings/x')).toEqual({ '*': 'meetings/x' });
    expect(matchPath('/tab/config', '/tab/config/extra')).toBeNull();
  });

  it('maps mail and Teams deep links onto routes, and nothing else', () => {
    const id = '0b8a3c1e-2d4f-4a6b-8c9d-0e1f2a3b4c5d';
    expect(routeForDeepLink(`#/meetings/${id}`)).toBe(`/tab/meeting?meetingId=${id}`);
    expect(routeForDeepLink(`meetings/${id}/case-list`)).toBe(`/tab/meeting?meetingId=${id}`);
    expect(routeForDeepLink(`actions/${id}`)).toBe(`/tab/my-marac?action=${id}`);
    expect(routeForDeepLink('meetings/not-a-uuid')).toBeNull();
    expect(routeForDeepLink('#/elsewhere?x=<script>')).toBeNull();
    expect(routeForDeepLink('actions/../../etc')).toBeNull();
    expect(routeForDeepLink('#/coordinator/area')).toBe('/coordinator/area');
    expect(routeForDeepLink('reports/governance')).toBe('/reports/governance');
    expect(routeForDeepLink('coordinator/../sign-in')).toBeNull();
  });
});
