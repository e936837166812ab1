import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds } from './json-depth.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('JSON nesting depth', () => {
  it('measures objects and arrays, ignoring brackets inside strings', () => {
    expect(jsonDepthExceeds(bytes('{"a":[{"b":1}]}'), 3)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a":[{"b":[1]}]}'), 3)).toBe(true);
    expect(jsonDepthExceeds(bytes(`{"a":"${'[{'.repeat(50)}"}`), 2)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a":"\\"[[[[","b":1}'), 1)).toBe(false);
  });

  it('refuses a body nested thousands deep', () => {
    expect(jsonDepthExceeds(bytes(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 64)).toBe(true);
  });
});
