import { it } from 'vitest';
import { Lab } from '/work/main/services/orchestrator/test/helpers/lab';
it('dbg', async () => {
  const lab = await Lab.start();
  try {
    await lab.startNode('hsm-a1', 'a');
    const a = await lab.applianceOn('hsm-a1');
    await a.sync('InitializeCluster', { clusterId: 'cluster-aaaaaaaaaaa' });
    console.log(JSON.stringify((await a.sync('ListDigests', {})).digests));
  } finally {
    await lab.stop();
  }
}, 60000);
