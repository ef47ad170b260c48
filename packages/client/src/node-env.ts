import type { ChannelCredentials, ChannelOptions } from '@grpc/grpc-js';
import type { Logger } from '@hsmlab/common';
import type { CompiledOptions } from './compile-options';
import type { EventHub } from './events';
import type { ClientMetrics } from './metrics';
import type { CredentialStore } from './node-session';

/** NodeEnv is what every node connection of one SDK instance shares. */
export interface NodeEnv {
  readonly options: CompiledOptions;
  readonly credentials: ChannelCredentials;
  readonly channelOptions: ChannelOptions;
  readonly store: CredentialStore;
  readonly events: EventHub;
  readonly metrics: ClientMetrics;
  readonly logger: Logger;
  /** healthChanged wakes calls waiting for a routable node. */
  healthChanged(): void;
}
