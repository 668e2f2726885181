/**
 * `npm run admin -- create --email … --name … --roles admin`: account management from the
 * command line, for the first admin of a new installation and for scripts. Exit codes:
 * 0 done, 1 refused (the reason on stderr), 2 wrong command line (with the usage).
 */
import { runAdminCli } from './admin-cli';

/* eslint-disable no-console -- a command line speaks on stdout and stderr */
process.exitCode = await runAdminCli(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
