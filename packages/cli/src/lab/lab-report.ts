import { isAbsolute, relative } from 'node:path';
import type { LabFile } from '../lab-files';
import type { Output } from '../output';
import type { LabLayout } from './lab-layout';

/**
 * cliInvocation is how the user ran this CLI, to print commands they can
 * paste: `hsmlab` when installed, `node packages/cli/dist/main.js` from the
 * repository (as `npm run lab` runs it), plus `--lab-dir` when not the default.
 */
export function cliInvocation(layout: LabLayout): string {
  const script = process.argv[1] ?? '';
  const fromRepo = script.endsWith('main.js') && !relative(process.cwd(), script).startsWith('..');
  const command = fromRepo ? `node ${relative(process.cwd(), script)}` : 'hsmlab';
  const labDir = displayPath(layout.dir);
  return labDir === '.lab' ? command : `${command} --lab-dir ${labDir}`;
}

/** displayPath is a path relative to the working directory when inside it, else absolute. */
export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' ? '.' : isAbsolute(shown) || shown.startsWith('..') ? path : shown;
}

/** sdkSnippet is ten lines of TypeScript that use the lab through the SDK. */
export function sdkSnippet(layout: LabLayout, lab: LabFile, username: string): string {
  const dir = displayPath(layout.dir);
  const tls =
    lab.tls === null
      ? 'insecure: true,'
      : `tls: { caPem: readFileSync('${dir}/${lab.tls.caPath}') },`;
  return [
    "import { readFileSync } from 'node:fs';",
    "import { HsmCluster } from '@hsmlab/client';",
    '',
    `const cluster = await HsmCluster.connect({ orchestrator: '${lab.orchestrator.address}', ${tls}`,
    `  credentials: { username: '${username}', password: process.env.HSMLAB_PASSWORD! } });`,
    "const { privateKey } = await cluster.keys.generateKeyPair({ keyType: 'ec', curve: 'P-256',",
    "  privateAttributes: { label: 'demo', sign: true } });",
    "const signature = await cluster.crypto.sign(privateKey, 'ecdsa-sha256', 'hello');",
    "console.log(signature.toString('base64'));",
    'await cluster.close();',
  ].join('\n');
}

/** printLabReady prints what a user needs after `lab up`: endpoints, credentials, what to try. */
export function printLabReady(
  output: Output,
  layout: LabLayout,
  lab: LabFile,
  username: string,
): void {
  const cli = cliInvocation(layout);
  output.result(
    {
      labDir: layout.dir,
      clusterId: lab.clusterId,
      orchestrator: lab.orchestrator.address,
      hsms: lab.hsms,
      tls: lab.tls,
      credentialsFile: layout.credentialsFile,
    },
    () => {
      output.line();
      output.line(`hsmlab lab is up: cluster ${lab.clusterId}, ${lab.hsms.length} HSMs`);
      output.line();
      output.record({
        orchestrator: lab.orchestrator.address,
        ...Object.fromEntries(lab.hsms.map((h) => [`${h.hsmId} (AZ ${h.az})`, h.address])),
        'TLS CA': lab.tls === null ? 'none (plaintext lab)' : `${layout.dir}/${lab.tls.caPath}`,
        credentials: `${layout.credentialsFile} (crypto user ${username}, and the officer)`,
        logs: layout.logsDir,
      });
      output.line();
      output.line('Try the CLI (it reads the lab directory, so no flags are needed):');
      output.line(`  ${cli} status`);
      output.line(
        `  ${cli} key generate-asymmetric-pair ec --curve secp256r1 --private-label demo --public-label demo-pub`,
      );
      output.line(`  ${cli} crypto sign ecdsa --key-filter label=demo --data aGVsbG8=`);
      output.line();
      output.line(`Or the SDK (password from ${layout.credentialsFile}):`);
      output.line();
      output.line(sdkSnippet(layout, lab, username).replace(/^/gm, '  '));
      output.line();
      output.line(`Stop it with "${cli} lab down"; "${cli} lab up" brings it back as it was.`);
    },
  );
}
