import { describe, expect, it } from 'vitest';
import { LoopbackHttpsBridge, secureLoopbackAuthority } from './loopback-https-bridge.js';

describe('the loopback https bridge for msal-node', () => {
  it('turns only a loopback http authority into https, and refuses any other plain-http host', () => {
    expect(secureLoopbackAuthority('http://127.0.0.1:3978/sim/entra')).toBe(
      'https://127.0.0.1:3978/sim/entra',
    );
    expect(secureLoopbackAuthority('https://login.microsoftonline.us')).toBe(
      'https://login.microsoftonline.us',
    );
    expect(() => secureLoopbackAuthority('http://login.example.org')).toThrow(/must use https/);
  });

  it('never sends a request to a host that is not loopback', async () => {
    await expect(
      new LoopbackHttpsBridge().sendGetRequestAsync('https://login.microsoftonline.com/x'),
    ).rejects.toThrow(/only serves/);
  });
});
