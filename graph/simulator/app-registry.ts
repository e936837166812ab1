import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * The app registrations of the simulated tenant: who may get tokens (client secret or
 * certificate), which Graph application permissions an administrator granted (the `roles`
 * claim the simulated Graph checks), and which delegated scopes users consented to for the
 * on-behalf-of exchange.
 */
export interface SimulatedApp {
  appId: string;
  secrets?: string[];
  /** Public keys of certificates, with their hex thumbprint (SHA-1 or SHA-256). */
  certificates?: { thumbprint: string; publicKeyPem: string }[];
  /** Graph application permissions granted with admin consent. */
  graphRoles: string[];
  /**
   * The role granted to the app on the SharePoint site with `POST /sites/{id}/permissions`,
   * which is what Sites.Selected allows (Microsoft's "Overview of Selected permissions"): `write`
   * reads and writes files; sharing them (createLink, invite, removing a permission) manages
   * permissions and needs `owner` or `fullcontrol`. `write` when not given.
   */
  sitesSelectedRole?: 'read' | 'write' | 'owner' | 'fullcontrol';
  /** Delegated Graph scopes consented for OBO (e.g. `User.Read`). */
  consentedScopes?: string[];
  /**
   * Managed identities trusted as federated credentials: a token this tenant issued to one of
   * them for `api://AzureADTokenExchange` is accepted as the app's client assertion.
   */
  federatedIdentities?: string[];
}

export class AppRegistry {
  private readonly apps = new Map<string, SimulatedApp>();

  constructor(apps: SimulatedApp[] = []) {
    for (const app of apps) this.register(app);
  }

  register(app: SimulatedApp): void {
    this.apps.set(app.appId.toLowerCase(), app);
  }

  get(appId: string): SimulatedApp | undefined {
    return this.apps.get(appId.toLowerCase());
  }

  /** The certificate a client assertion names in its `x5t` or `x5t#S256` header. */
  certificateFor(app: SimulatedApp, header: Record<string, unknown>): KeyObject | undefined {
    const named = [header['x5t'], header['x5t#S256']]
      .filter((v): v is string => typeof v === 'string')
      .map((v) => Buffer.from(v, 'base64url').toString('hex').toLowerCase());
    const cert = app.certificates?.find((c) => named.includes(c.thumbprint.toLowerCase()));
    return cert ? createPublicKey(cert.publicKeyPem) : undefined;
  }
}

/** A stand-in thumbprint for a test key (Entra computes it over the certificate's DER bytes). */
export function thumbprintOf(publicKeyPem: string, algorithm: 'sha1' | 'sha256' = 'sha1'): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash(algorithm).update(der).digest('hex').toUpperCase();
}
