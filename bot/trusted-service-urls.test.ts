import { describe, expect, it } from 'vitest';
import { serviceUrlHost, serviceUrlTrust } from './trusted-service-urls.js';

describe('trusted Bot Connector service URLs', () => {
  const isTrusted = serviceUrlTrust(['http://127.0.0.1:3978/sim/connector/']);

  it.each([
    'https://smba.trafficmanager.net/teams/',
    'https://smba.trafficmanager.net/emea/',
    'https://smba.trafficmanager.net/amer/a1b2c3/',
    'https://smba.infra.gcc.teams.microsoft.com/teams',
    'https://smba.infra.gov.teams.microsoft.us/teams',
    'https://smba.infra.dod.teams.microsoft.us/teams',
    'https://webchat.botframework.com/',
    'https://directline.botframework.com/',
    'http://127.0.0.1:3978/sim/connector/',
    'http://127.0.0.1:3978/sim/connector',
  ])('trusts %s', (url) => expect(isTrusted(url)).toBe(true));

  it.each([
    ['plain http to a Microsoft host', 'http://smba.trafficmanager.net/teams/'],
    ['a look-alike host', 'https://smba.trafficmanager.net.evil.example/teams/'],
    ['a Microsoft host name in the path', 'https://evil.example/smba.trafficmanager.net/'],
    ['a botframework.com look-alike', 'https://botframework.com.evil.example/'],
    ['the bare parent of a wildcard', 'https://botframework.com/'],
    ['credentials in the URL', 'https://user:pw@smba.trafficmanager.net/teams/'],
    ['another port', 'https://smba.trafficmanager.net:8443/teams/'],
    ['another path on an extra entry', 'http://127.0.0.1:3978/sim/other/'],
    ['a path that only starts like an extra entry', 'http://127.0.0.1:3978/sim/connector-evil/'],
    ['another port on an extra entry', 'http://127.0.0.1:3979/sim/connector/'],
    ['something that is not a URL', 'not a url'],
    ['an empty string', ''],
  ])('does not trust %s', (_why, url) => expect(isTrusted(url)).toBe(false));

  it('trusts only Microsoft’s hosts when nothing is added', () => {
    expect(serviceUrlTrust()('http://127.0.0.1:3978/sim/connector/')).toBe(false);
    expect(serviceUrlTrust()('https://smba.trafficmanager.net/uk/')).toBe(true);
  });

  it('logs the host alone', () => {
    expect(serviceUrlHost('https://evil.example:8443/a/b?c=d')).toBe('evil.example:8443');
    expect(serviceUrlHost('::')).toBe('(not a URL)');
  });
});
