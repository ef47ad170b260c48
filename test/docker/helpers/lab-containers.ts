import type { Readable } from 'node:stream';
import {
  GenericContainer,
  Wait,
  getContainerRuntimeClient,
  type StartedNetwork,
  type StartedTestContainer,
} from 'testcontainers';
import { LineBuffer } from './line-buffer';

/** LabContainer is a started container of the lab and its output, line by line. */
export interface LabContainer {
  readonly name: string;
  readonly container: StartedTestContainer;
  readonly output: LineBuffer;
}

/** ContainerSpec is one program of the hsmlab image, run by testcontainers. */
export interface ContainerSpec {
  readonly name: string;
  readonly image: string;
  readonly command: string[];
  readonly environment: Record<string, string>;
  /** The first network is joined at creation; the others right after start. */
  readonly networks: readonly StartedNetwork[];
  /** Names the container answers to on every network it joins. */
  readonly aliases: readonly string[];
  readonly binds: readonly { source: string; target: string; mode: 'ro' | 'rw' }[];
  readonly exposedPorts?: readonly number[];
  /** A line to wait for before start() returns; none: return once the container runs. */
  readonly readyLine?: RegExp;
}

/**
 * startLabContainer starts one program of the image on its networks. Docker
 * (API 1.41 here) joins only one network at creation, so the others are
 * joined just after start; the programs retry what that delay breaks.
 */
export async function startLabContainer(spec: ContainerSpec): Promise<LabContainer> {
  const output = new LineBuffer();
  const [first, ...rest] = spec.networks;
  if (first === undefined) throw new Error(`${spec.name}: needs a network`);
  let builder = new GenericContainer(spec.image)
    .withCommand(spec.command)
    .withEnvironment(spec.environment)
    .withNetwork(first)
    .withNetworkAliases(...spec.aliases)
    .withBindMounts(spec.binds.map((b) => ({ source: b.source, target: b.target, mode: b.mode })))
    .withLogConsumer((stream: Readable) => output.attach(stream))
    .withStartupTimeout(90_000)
    .withLabels({ 'org.hsmlab.test': 'chaos-testcontainers' });
  if (spec.exposedPorts !== undefined) builder = builder.withExposedPorts(...spec.exposedPorts);
  builder = builder.withWaitStrategy(
    spec.readyLine === undefined ? Wait.forListeningPorts() : Wait.forLogMessage(spec.readyLine),
  );
  const container = await builder.start();
  const client = await getContainerRuntimeClient();
  for (const network of rest) {
    await client.container.connectToNetwork(
      client.container.getById(container.getId()),
      client.network.getById(network.getId()),
      [...spec.aliases],
    );
  }
  return { name: spec.name, container, output };
}

/** waitForExit waits until a container stops and returns its exit code. */
export async function waitForExit(lab: LabContainer, timeoutMs: number): Promise<number> {
  const client = await getContainerRuntimeClient();
  const docker = client.container.getById(lab.container.getId());
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () =>
        reject(new Error(`${lab.name} still running after ${timeoutMs} ms:\n${lab.output.tail()}`)),
      timeoutMs,
    ).unref(),
  );
  const result = (await Promise.race([docker.wait(), timeout])) as { StatusCode: number };
  return result.StatusCode;
}

/** setPaused freezes (docker pause) or thaws a container. */
export async function setPaused(lab: LabContainer, paused: boolean): Promise<void> {
  const client = await getContainerRuntimeClient();
  const docker = client.container.getById(lab.container.getId());
  if (paused) await docker.pause();
  else await docker.unpause();
}

/**
 * hostPortOf reads the host port published for a container port from Docker
 * itself: joining more networks after start can move it, so the port
 * testcontainers noted at start may be stale.
 */
export async function hostPortOf(lab: LabContainer, containerPort: number): Promise<number> {
  const client = await getContainerRuntimeClient();
  const info = await client.container.getById(lab.container.getId()).inspect();
  const bindings = info.NetworkSettings.Ports[`${containerPort}/tcp`] ?? [];
  const binding = bindings.find((b) => b.HostIp === '0.0.0.0' || b.HostIp === '127.0.0.1');
  if (binding === undefined) throw new Error(`${lab.name}: port ${containerPort} is not published`);
  return Number(binding.HostPort);
}
