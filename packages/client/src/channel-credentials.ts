import { credentials, type ChannelCredentials, type ChannelOptions } from '@grpc/grpc-js';
import { MESSAGE_LIMITS } from '@hsmlab/proto';
import type { CompiledOptions } from './compile-options';

/**
 * channelCredentials makes the grpc-js credentials for every channel of one
 * SDK instance: TLS (mutual when a client certificate is given) or, only
 * when asked for, plaintext.
 */
export function channelCredentials(options: CompiledOptions): ChannelCredentials {
  if (options.tls === undefined) return credentials.createInsecure();
  const { caPem, keyPem, certPem } = options.tls;
  return credentials.createSsl(caPem, keyPem ?? null, certPem ?? null);
}

/**
 * KEEPALIVE_TIME_MS: an idle channel pings its node this often, so a dead
 * peer (a killed container, a cut network) breaks the crypto stream in
 * seconds instead of waiting for TCP to notice.
 */
const KEEPALIVE_TIME_MS = 10_000;
const KEEPALIVE_TIMEOUT_MS = 5_000;

/** channelOptions are the grpc-js options of every channel the SDK opens. */
export function channelOptions(options: CompiledOptions): ChannelOptions {
  const result: ChannelOptions = {
    'grpc.max_receive_message_length': MESSAGE_LIMITS.clientMaxReceiveBytes,
    'grpc.max_send_message_length': MESSAGE_LIMITS.maxReceiveBytes,
    'grpc.keepalive_time_ms': KEEPALIVE_TIME_MS,
    'grpc.keepalive_timeout_ms': KEEPALIVE_TIMEOUT_MS,
    // Reconnect quickly after a node comes back; the SDK has its own backoff
    // for routing, and a channel stuck in a long reconnect wait would keep a
    // healthy node out.
    'grpc.initial_reconnect_backoff_ms': 100,
    'grpc.max_reconnect_backoff_ms': Math.min(options.backoff.maxMs, options.backoff.probeMaxMs),
    // Retries are the SDK's business (it knows what is safe to repeat).
    'grpc.enable_retries': 0,
  };
  if (options.tls?.serverName !== undefined) {
    result['grpc.ssl_target_name_override'] = options.tls.serverName;
    result['grpc.default_authority'] = options.tls.serverName;
  }
  return result;
}
