import { parseTokenArgs, createTokenFromArgs } from './token-create.command';
import { runCli } from './run-cli';

const argv = process.argv.slice(2);
try {
  // Fail on bad arguments before starting (or connecting to) a database.
  parseTokenArgs(argv);
  void runCli((app) => createTokenFromArgs(argv, app));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
