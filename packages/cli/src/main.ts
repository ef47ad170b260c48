#!/usr/bin/env node
import { runCli } from './program';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // runCli handles every error itself; reaching here is a bug in the CLI.
    process.stderr.write(`hsmlab: internal error: ${String(err)}\n`);
    process.exitCode = 1;
  },
);
