import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints a snippet as if it lived at `filePath`, returning the rule ids that fired. */
async function rulesFiredFor(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint();
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

describe('architecture rules (DESIGN.md §3, enforced by ESLint)', () => {
  it.each([
    ['an I/O library', `import express from 'express';\nexport const x = express;\n`],
    ['the pg driver', `import pg from 'pg';\nexport const x = pg;\n`],
    [
      'a Microsoft SDK',
      `import { Client } from '@microsoft/microsoft-graph-client';\nexport const x = Client;\n`,
    ],
    ['botbuilder', `import { CloudAdapter } from 'botbuilder';\nexport const x = CloudAdapter;\n`],
    [
      'Node file system',
      `import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n`,
    ],
    ['the store', `import { PgDb } from '../store/pg-db.js';\nexport const x = PgDb;\n`],
    [
      'the server',
      `import { loadConfig } from '../../server/config.js';\nexport const x = loadConfig;\n`,
    ],
  ])('stop core/ importing %s', async (_what, code) => {
    expect(await rulesFiredFor('core/actions/use-case.ts', code)).toContain(
      'no-restricted-imports',
    );
  });

  it('let core/ import core/ and zod', async () => {
    const code = `import { z } from 'zod';\nimport { DomainError } from '../errors.js';\nexport const x = [z, DomainError];\n`;
    expect(await rulesFiredFor('core/actions/use-case.ts', code)).toEqual([]);
  });

  it('keep botbuilder inside bot/', async () => {
    const code = `import { TurnContext } from 'botbuilder';\nexport const x = TurnContext;\n`;
    expect(await rulesFiredFor('server/compose-bot.ts', code)).toContain('no-restricted-imports');
    expect(await rulesFiredFor('tab/api/routes.ts', code)).toContain('no-restricted-imports');
    expect(await rulesFiredFor('bot/adapter.ts', code)).toEqual([]);
  });

  it('keep process.env inside server/config.ts', async () => {
    const code = `export const port = process.env.PORT;\n`;
    expect(await rulesFiredFor('graph/mailer.ts', code)).toContain('no-restricted-properties');
    expect(await rulesFiredFor('server/config.ts', code)).toEqual([]);
  });

  it('keep the simulated tenant free of the product', async () => {
    const core = `import type { Clock } from '../../core/ports/clock.js';\nexport type X = Clock;\n`;
    const adapter = `import { APPLICATION_PERMISSIONS } from '../permissions.js';\nexport const x = APPLICATION_PERMISSIONS;\n`;
    const deep = `import { PgDb } from '../../../store/pg-db.js';\nexport const x = PgDb;\n`;
    const own = `import { SimGraphError } from './sim-route.js';\nexport const x = SimGraphError;\n`;
    expect(await rulesFiredFor('graph/simulator/x.ts', core)).toContain('no-restricted-imports');
    expect(await rulesFiredFor('graph/simulator/x.ts', adapter)).toContain('no-restricted-imports');
    expect(await rulesFiredFor('graph/simulator/routes/x.ts', deep)).toContain(
      'no-restricted-imports',
    );
    expect(await rulesFiredFor('graph/simulator/x.ts', own)).toEqual([]);
  });

  it.each([
    [
      'store/',
      'store/x-store.ts',
      `import { GraphMailer } from '../graph/graph-mailer.js';\nexport const x = GraphMailer;\n`,
    ],
    ['graph/', 'graph/x.ts', `import { PgDb } from '../store/pg-db.js';\nexport const x = PgDb;\n`],
    [
      'bot/',
      'bot/auth/x.ts',
      `import type { TokenProvider } from '../../graph/auth/token-provider.js';\nexport type X = TokenProvider;\n`,
    ],
    [
      'tab/api/',
      'tab/api/routes/x.ts',
      `import type { PgDirectoryStore } from '../../../store/directory-store.js';\nexport type X = PgDirectoryStore;\n`,
    ],
  ])('stop %s importing another adapter', async (_what, file, code) => {
    expect(await rulesFiredFor(file, code)).toContain('no-restricted-imports');
  });

  it('let adapters import core/ and their own folder', async () => {
    const code = `import type { Directory } from '../../../core/ports/directory.js';\nimport { param } from './route-helpers.js';\nexport const x = param;\nexport type X = Directory;\n`;
    expect(await rulesFiredFor('tab/api/routes/x.ts', code)).toEqual([]);
    const bot = `import { TurnContext } from 'botbuilder';\nexport const x = TurnContext;\n`;
    expect(await rulesFiredFor('bot/adapter.ts', bot)).toEqual([]);
    expect(await rulesFiredFor('store/x-store.ts', bot)).toContain('no-restricted-imports');
  });
});
