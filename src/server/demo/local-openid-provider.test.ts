import { describe, expect, it } from "vitest";
import { startLocalProvider } from "./local-openid-provider.js";

describe("the local OpenID Provider", () => {
  it("refuses to start in production", async () => {
    await expect(startLocalProvider({ environment: "production", appUrl: "https://nv.example" })).rejects.toThrow(/production refuses/);
  });

  it("starts outside production and publishes its discovery document, with the settings that point the app at it", async () => {
    const provider = await startLocalProvider({ environment: "development", appUrl: "http://localhost:3000" });
    try {
      const discovery = await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json();
      expect(discovery.issuer).toBe(provider.issuer);
      expect(discovery.end_session_endpoint).toBeDefined();
      expect(provider.env.OIDC_DIGID_REDIRECT_URI).toBe("http://localhost:3000/api/v1/login-methods/digid/callback");
    } finally {
      await provider.close();
    }
  });
});
