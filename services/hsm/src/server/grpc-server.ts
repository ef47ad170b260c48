import { Server, ServerCredentials } from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';
import { loadApplianceProto, loadHsmProto, MESSAGE_LIMITS } from '@hsmlab/proto';
import type { NodeConfig } from '../config';
import type { NodeServices } from '../service/node-services';
import { hsmHandlers } from './hsm-handlers';
import { applianceHandlers } from './appliance-handlers';
import { tolerantService } from './malformed-request';

/** HEALTH_SERVICES are the names the node's health service answers for. */
export const HEALTH_SERVICES = ['', 'hsmlab.hsm.v1.Hsm', 'hsmlab.appliance.v1.Appliance'];

/** NodeServer is the node's gRPC server: data plane, sync plane and health. */
export interface NodeServer {
  server: Server;
  health: HealthImplementation;
  address: string;
}

function credentials(config: NodeConfig): ServerCredentials {
  if (!config.tls) return ServerCredentials.createInsecure();
  return ServerCredentials.createSsl(
    config.tls.caPem ? Buffer.from(config.tls.caPem) : null,
    [{ private_key: Buffer.from(config.tls.keyPem), cert_chain: Buffer.from(config.tls.certPem) }],
    config.tls.requireClientCert,
  );
}

/** startGrpcServer binds the node's services and returns the bound address. */
export async function startGrpcServer(
  config: NodeConfig,
  services: NodeServices,
): Promise<NodeServer> {
  const server = new Server({
    'grpc.max_receive_message_length': MESSAGE_LIMITS.maxReceiveBytes,
    'grpc.max_send_message_length': MESSAGE_LIMITS.maxSendBytes,
    // Clients ping idle channels to notice a dead node fast; allow it.
    'grpc.keepalive_permit_without_calls': 1,
    'grpc.http2.min_ping_interval_without_data_ms': 1000,
    'grpc.keepalive_time_ms': 10_000,
    'grpc.keepalive_timeout_ms': 5_000,
  });
  server.addService(
    tolerantService(loadHsmProto().hsmlab.hsm.v1.Hsm.service),
    hsmHandlers(services),
  );
  server.addService(
    tolerantService(loadApplianceProto().hsmlab.appliance.v1.Appliance.service),
    applianceHandlers(services),
  );
  const health = new HealthImplementation(
    Object.fromEntries(HEALTH_SERVICES.map((s) => [s, 'NOT_SERVING'])),
  );
  health.addToServer(server);

  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(config.listen, credentials(config), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  const host = config.listen.slice(0, config.listen.lastIndexOf(':'));
  for (const s of HEALTH_SERVICES) health.setStatus(s, 'SERVING');
  return { server, health, address: `${host}:${port}` };
}
