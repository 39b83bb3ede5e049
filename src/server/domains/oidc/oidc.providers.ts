import type { Config } from "@server/config.js";
import * as client from "openid-client";
import type { OidcProviderName } from "./oidc.rules.js";

/** One provider as the operator configured it. */
export interface OidcProviderSettings {
  name: OidcProviderName;
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string;
  /** DigiD only: the claim that holds the BSN. */
  bsnClaim: string;
  /** Plain http is allowed only outside production (the local provider of the tests and the demo). */
  allowHttp: boolean;
}

/** The configured providers; one absent from the configuration is not offered. */
export function oidcProviderSettings(config: Config): Partial<Record<OidcProviderName, OidcProviderSettings>> {
  const allowHttp = config.NODE_ENV !== "production";
  const settings: Partial<Record<OidcProviderName, OidcProviderSettings>> = {};
  if (config.OIDC_DIGID_ISSUER && config.OIDC_DIGID_CLIENT_ID && config.OIDC_DIGID_CLIENT_SECRET && config.OIDC_DIGID_REDIRECT_URI) {
    settings.digid = {
      name: "digid",
      issuer: new URL(config.OIDC_DIGID_ISSUER),
      clientId: config.OIDC_DIGID_CLIENT_ID,
      clientSecret: config.OIDC_DIGID_CLIENT_SECRET,
      redirectUri: config.OIDC_DIGID_REDIRECT_URI,
      scopes: config.OIDC_DIGID_SCOPES,
      bsnClaim: config.OIDC_DIGID_BSN_CLAIM,
      allowHttp,
    };
  }
  if (config.OIDC_STAFF_ISSUER && config.OIDC_STAFF_CLIENT_ID && config.OIDC_STAFF_CLIENT_SECRET && config.OIDC_STAFF_REDIRECT_URI) {
    settings.staff = {
      name: "staff",
      issuer: new URL(config.OIDC_STAFF_ISSUER),
      clientId: config.OIDC_STAFF_CLIENT_ID,
      clientSecret: config.OIDC_STAFF_CLIENT_SECRET,
      redirectUri: config.OIDC_STAFF_REDIRECT_URI,
      scopes: config.OIDC_STAFF_SCOPES,
      bsnClaim: config.OIDC_DIGID_BSN_CLAIM,
      allowHttp,
    };
  }
  return settings;
}

/**
 * A configured provider and its discovered metadata. Discovery happens at the first login through it and is kept
 * for the life of the process (it is the provider's published configuration, not state of this app); a failed
 * discovery is tried again at the next login.
 */
export class OidcProvider {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(readonly settings: OidcProviderSettings) {}

  /** The provider's configuration for this client, discovered once. */
  configuration(): Promise<client.Configuration> {
    if (!this.discovered) {
      const insecure = this.settings.allowHttp && this.settings.issuer.protocol === "http:";
      this.discovered = client
        .discovery(this.settings.issuer, this.settings.clientId, this.settings.clientSecret, undefined, {
          ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
          timeout: 10,
        })
        .catch((error: unknown) => {
          this.discovered = undefined;
          throw error;
        });
    }
    return this.discovered;
  }

  /** The issuer as the discovered metadata names it (what identities are recorded under). */
  async issuer(): Promise<string> {
    return (await this.configuration()).serverMetadata().issuer;
  }
}

/** The providers of an app instance, by name. */
export function createOidcProviders(config: Config): Partial<Record<OidcProviderName, OidcProvider>> {
  const settings = oidcProviderSettings(config);
  const providers: Partial<Record<OidcProviderName, OidcProvider>> = {};
  if (settings.digid) providers.digid = new OidcProvider(settings.digid);
  if (settings.staff) providers.staff = new OidcProvider(settings.staff);
  return providers;
}
