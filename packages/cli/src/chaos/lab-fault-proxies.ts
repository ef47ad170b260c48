import { CliError } from '../cli-errors';
import type { LabFile } from '../lab-files';
import type { LabLayout } from '../lab/lab-layout';
import { processState } from '../lab/lab-processes';
import { faultProxiesOf, PROXY_HOST_NAME } from './fault-proxy-lab';
import { ProxyControlClient } from './proxy-control-client';

/**
 * labFaultProxies connects to the lab's fault proxy host. Network faults
 * need one: a lab started without `--fault-proxies` has clients and the
 * orchestrator talking to the nodes directly, so this fails (exit 1) saying
 * how to start a lab that has them.
 */
export async function labFaultProxies(
  layout: LabLayout,
  lab: LabFile,
): Promise<ProxyControlClient> {
  const record = faultProxiesOf(lab);
  if (record === undefined || record.control === '') {
    throw new CliError(
      `network faults need fault proxies, and the lab in ${layout.dir} was started without them: ` +
        'start a new lab with "hsmlab lab up --fault-proxies" (process faults - kill, pause, clock, storage - work on any lab)',
    );
  }
  const state = await processState(layout, PROXY_HOST_NAME);
  if (state.state !== 'running') {
    throw new CliError(
      `the lab's fault proxies are not running (${state.state}): "hsmlab lab up" starts them`,
    );
  }
  return new ProxyControlClient(record.control);
}
