import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../server/settings.js';

const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
};

describe('README stays true', () => {
  it('has a quick start of one command that runs the product and one that passes the tests', () => {
    const quickStart = readme.slice(
      readme.indexOf('## Quick start'),
      readme.indexOf('## Architecture'),
    );
    const commands = [...quickStart.matchAll(/```sh\n(.+)\n```/g)].map((m) => m[1]);
    expect(commands).toEqual(['npm install && npm start', 'npm install && npm test']);
  });

  it('documents every setting the service reads', () => {
    for (const name of Object.keys(SETTINGS)) expect(readme, name).toContain(`| \`${name}\``);
  });

  it('documents every npm script, and every documented script exists', () => {
    const internal = new Set(['format', 'build:tab']);
    for (const script of Object.keys(pkg.scripts).filter((s) => !internal.has(s))) {
      const command =
        script === 'start' || script === 'test' ? `npm ${script}` : `npm run ${script}`;
      expect(readme, script).toContain(`\`${command}\``);
    }
    for (const [, script] of readme.matchAll(/`npm run ([a-z0-9:-]+)/g))
      expect(Object.keys(pkg.scripts)).toContain(script);
  });
});
