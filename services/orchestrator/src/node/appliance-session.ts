import { Metadata, type ServiceError } from '@grpc/grpc-js';
import { METADATA, type HsmClient, type hsmV1 } from '@hsmlab/proto';
import { newRequestId } from '../ids';

/**
 * ApplianceSession holds the orchestrator's appliance-user session on one
 * node. The first call logs in (hsm.v1 Login); concurrent callers share that
 * one login. invalidate() drops the token when the node answers
 * UNAUTHENTICATED (it restarted, or the session expired), so the next call
 * logs in again. The password is kept only to log in and never logged.
 */
export class ApplianceSession {
  /** The session token being obtained or held; undefined until the first call and after invalidate(). */
  private token: Promise<string> | undefined;

  constructor(
    private readonly hsm: HsmClient,
    private readonly options: {
      applianceUser: string;
      appliancePassword: string;
      rpcTimeoutMs: number;
    },
  ) {}

  /** metadata returns call metadata with the session token and a fresh request id. */
  async metadata(): Promise<Metadata> {
    this.token ??= this.login();
    const current = this.token;
    let token: string;
    try {
      token = await current;
    } catch (err) {
      if (this.token === current) this.token = undefined;
      throw err;
    }
    const md = new Metadata();
    md.set(METADATA.session, token);
    md.set(METADATA.requestId, newRequestId());
    return md;
  }

  invalidate(): void {
    this.token = undefined;
  }

  private login(): Promise<string> {
    const md = new Metadata();
    md.set(METADATA.requestId, newRequestId());
    const request = {
      username: this.options.applianceUser,
      password: this.options.appliancePassword,
    };
    return new Promise<string>((resolve, reject) => {
      this.hsm.login(
        request,
        md,
        { deadline: Date.now() + this.options.rpcTimeoutMs },
        (err: ServiceError | null, response?: hsmV1.LoginResponse__Output) => {
          if (err) reject(err);
          else if (!response) reject(new Error('empty Login response'));
          else resolve(response.sessionToken);
        },
      );
    });
  }
}
