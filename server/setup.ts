import { openDb } from '../store/open-db.js';
import { ConfigError, loadConfig } from './config.js';
import { configuredDirectory, runSetup } from './setup-command.js';

/** `npm run setup`: the first run in a real tenant (server/setup-command.ts). */
let code: number;
try {
  const config = loadConfig();
  const db = await openDb(config.database);
  try {
    code = await runSetup({
      argv: process.argv.slice(2),
      config,
      db,
      directory: () => configuredDirectory(config),
      now: () => new Date(),
      print: (line) => process.stdout.write(`${line}\n`),
      printError: (line) => console.error(line),
    });
  } finally {
    await db.close();
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  code = 1;
}
process.exitCode = code;
