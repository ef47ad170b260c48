#!/usr/bin/env node
import { createLogger } from '@hsmlab/common';
import { ConfigError, USAGE, loadNodeConfig } from './config';
import { HsmNode } from './node';

/**
 * main starts one HSM node from flags and environment. It exits 2 on a bad
 * configuration (with a message naming the setting) and 1 if the node fails
 * to start; SIGTERM and SIGINT stop it cleanly.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  let config;
  try {
    config = loadNodeConfig(argv);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`hsmlab-hsm: ${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger({
    component: 'hsm',
    nodeId: config.nodeId,
    az: config.az,
    level: config.logLevel,
  });
  if (config.insecure) logger.warn('plaintext gRPC (--insecure): use TLS outside a loopback lab');

  let node: HsmNode;
  try {
    node = await HsmNode.start(config, logger);
  } catch (err) {
    logger.fatal({ err }, 'node failed to start');
    logger.flush();
    process.exitCode = 1;
    return;
  }
  logger.info(
    { address: node.address, metricsPort: node.metricsPort, pid: process.pid },
    'node listening',
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'node stopping');
    node.stop().then(
      () => {
        logger.info('node stopped');
        logger.flush();
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'node stop failed');
        logger.flush();
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
