#!/usr/bin/env node
import { runCli } from './program';

// grpc-js passes loopback IP addresses as the TLS server name, which Node
// flags as deprecated on every TLS connection to a lab; a CLI user can do
// nothing about it, so deprecation notices are not printed.
process.noDeprecation = true;

// A reader that stops early (`hsmlab lab status | head -3`) must not crash a
// command halfway, least of all `lab up`: output to a closed pipe is dropped.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});

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
