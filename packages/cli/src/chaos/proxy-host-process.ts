import { join } from 'node:path';
import { writeLabFile, type LabFile, type LabHsm } from '../lab-files';
import type { LabLayout } from '../lab/lab-layout';
import { processState, startProcess, type ProcessSpec } from '../lab/lab-processes';
import { faultProxiesOf, PROXY_HOST_NAME, PROXY_HOST_READY } from './fault-proxy-lab';
import { ProxyControlClient } from './proxy-control-client';

/** proxyHostSpec is how the lab runs its fault proxy host (compiled next to this file). */
export function proxyHostSpec(layout: LabLayout): ProcessSpec {
  return {
    name: PROXY_HOST_NAME,
    main: join(__dirname, 'proxy-host-main.js'),
    args: ['--lab-dir', layout.dir],
    readyMessage: PROXY_HOST_READY,
  };
}

/**
 * startProxyHost starts the fault proxy host of a lab with fault proxies
 * unless it runs already, then records its control address and every
 * proxy's address in lab.json (they stay the same on later starts). It
 * returns whether it started the process.
 */
export async function startProxyHost(layout: LabLayout, lab: LabFile): Promise<boolean> {
  const record = faultProxiesOf(lab);
  if (record === undefined) return false;
  if ((await processState(layout, PROXY_HOST_NAME)).state === 'running') return false;
  record.control = (await startProcess(layout, proxyHostSpec(layout))).address;
  for (const proxy of await new ProxyControlClient(record.control).list()) {
    record.proxies[proxy.hsmId] = proxy.address;
  }
  await writeLabFile(layout.dir, lab);
  return true;
}

/**
 * addHsmProxy puts a proxy in front of an HSM added to a running lab with
 * fault proxies and records it; it does nothing for a lab without them.
 */
export async function addHsmProxy(layout: LabLayout, lab: LabFile, hsm: LabHsm): Promise<void> {
  const record = faultProxiesOf(lab);
  if (record === undefined) return;
  const proxy = await new ProxyControlClient(record.control).add({
    hsmId: hsm.hsmId,
    az: hsm.az,
    target: hsm.address,
  });
  record.proxies[hsm.hsmId] = proxy.address;
  await writeLabFile(layout.dir, lab);
}
