import { describe, expect, it } from "vitest";
import { DEFAULT_SESSION_SECRET, DEMO_RESEARCH_PSEUDONYM_KEY, loadConfig } from "./config.js";

const PRODUCTION_KEY = "the-municipality-keeps-this-research-key";

describe("configuration", () => {
  it("has working defaults for development", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe("sqlite:./data/naar-vermogen.sqlite");
    expect(config.SESSION_IDLE_MINUTES).toBe(30);
    expect(config.SESSION_MAX_HOURS).toBe(12);
  });

  it("refuses a session lifetime shorter than its idle time, or not a whole number of hours", () => {
    expect(() => loadConfig({ SESSION_MAX_HOURS: "1", SESSION_IDLE_MINUTES: "61" })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(loadConfig({ SESSION_MAX_HOURS: "1", SESSION_IDLE_MINUTES: "60" }).SESSION_MAX_HOURS).toBe(1);
    expect(() => loadConfig({ SESSION_MAX_HOURS: "1.5" })).toThrow(/SESSION_MAX_HOURS/);
    expect(() => loadConfig({ SESSION_MAX_HOURS: "0" })).toThrow(/SESSION_MAX_HOURS/);
  });

  it("refuses to start in production with the default session secret", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: "production", SESSION_SECRET: DEFAULT_SESSION_SECRET })).toThrow(/SESSION_SECRET/);
    expect(
      loadConfig({ NODE_ENV: "production", SESSION_SECRET: "a-long-and-random-production-secret", RESEARCH_PSEUDONYM_KEY: PRODUCTION_KEY })
        .NODE_ENV,
    ).toBe("production");
  });

  it("requires the municipality's own research pseudonym key in production, and a fixed one in demo mode", () => {
    const production = { NODE_ENV: "production", SESSION_SECRET: "a-long-and-random-production-secret" };
    expect(() => loadConfig(production)).toThrow(/RESEARCH_PSEUDONYM_KEY/);
    expect(() => loadConfig({ ...production, RESEARCH_PSEUDONYM_KEY: DEMO_RESEARCH_PSEUDONYM_KEY })).toThrow(/RESEARCH_PSEUDONYM_KEY/);
    expect(() => loadConfig({ ...production, RESEARCH_PSEUDONYM_KEY: "too-short" })).toThrow(/RESEARCH_PSEUDONYM_KEY/);
    expect(loadConfig({ ...production, RESEARCH_PSEUDONYM_KEY: PRODUCTION_KEY }).RESEARCH_PSEUDONYM_KEY).toBe(PRODUCTION_KEY);
    expect(loadConfig({}).RESEARCH_PSEUDONYM_KEY).toBe(DEMO_RESEARCH_PSEUDONYM_KEY);
  });

  it("serves metrics only when asked, and in production only behind a token", () => {
    expect(loadConfig({}).METRICS).toBe("off");
    const production = {
      NODE_ENV: "production",
      SESSION_SECRET: "a-long-and-random-production-secret",
      RESEARCH_PSEUDONYM_KEY: PRODUCTION_KEY,
      METRICS: "on",
    };
    expect(() => loadConfig(production)).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ ...production, METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN/);
    expect(loadConfig({ ...production, METRICS_TOKEN: "a-scrape-token-of-at-least-24-characters" }).METRICS).toBe("on");
    expect(loadConfig({ METRICS: "on" }).METRICS_TOKEN).toBeUndefined();
  });

  it("names each bad variable", () => {
    expect(() => loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x" })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });

  it("trusts no proxy unless told, and takes a hop count or a list of proxy addresses and ranges", () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(
      loadConfig({ NODE_ENV: "production", SESSION_SECRET: "a-long-and-random-production-secret", RESEARCH_PSEUDONYM_KEY: PRODUCTION_KEY })
        .TRUST_PROXY,
    ).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.5, 192.168.0.0/16,fd00::/8,loopback" }).TRUST_PROXY).toEqual([
      "10.0.0.5",
      "192.168.0.0/16",
      "fd00::/8",
      "loopback",
    ]);
  });

  it("refuses a proxy setting it cannot read, naming the variable and the bad entries", () => {
    for (const bad of ["true", "*", "-1", "1.5", "10.0.0.0/33", "fd00::/129", "10.0.0.1/8/8", "10.0.0.1,proxy.example", "10.0.0.1,"]) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY: not a hop count/);
    }
    expect(() => loadConfig({ TRUST_PROXY: "10.0.0.1,proxy.example" })).toThrow(/"proxy\.example"/);
  });

  it("takes an SMTP server and a sender for e-mail to clients, and refuses what is not one", () => {
    expect(loadConfig({}).SMTP_URL).toBeUndefined();
    expect(loadConfig({ SMTP_URL: "smtps://user:secret@mail.example.nl:465" }).SMTP_URL).toBe("smtps://user:secret@mail.example.nl:465");
    expect(() => loadConfig({ SMTP_URL: "http://mail.example.nl" })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: "mail.example.nl" })).toThrow(/SMTP_URL/);
    expect(loadConfig({ SMTP_FROM: "Gemeente Rotterdam <noreply@rotterdam.nl>" }).SMTP_FROM).toBe(
      "Gemeente Rotterdam <noreply@rotterdam.nl>",
    );
    expect(loadConfig({ SMTP_FROM: "noreply@rotterdam.nl" }).SMTP_FROM).toBe("noreply@rotterdam.nl");
    expect(() => loadConfig({ SMTP_FROM: "Gemeente Rotterdam" })).toThrow(/SMTP_FROM/);
    expect(() => loadConfig({ NV_PUBLIC_URL: "naarvermogen.rotterdam.nl" })).toThrow(/NV_PUBLIC_URL/);
    const production = {
      NODE_ENV: "production",
      SESSION_SECRET: "a-long-and-random-production-secret",
      RESEARCH_PSEUDONYM_KEY: PRODUCTION_KEY,
      SMTP_URL: "smtps://mail.example.nl",
    };
    expect(() => loadConfig(production)).toThrow(/SMTP_FROM/);
    expect(loadConfig({ ...production, SMTP_FROM: "noreply@rotterdam.nl" }).SMTP_FROM).toBe("noreply@rotterdam.nl");
  });

  it("takes a provider's four OpenID Connect settings together or not at all, and https in production", () => {
    const digid = {
      OIDC_DIGID_ISSUER: "https://broker.example/digid",
      OIDC_DIGID_CLIENT_ID: "naar-vermogen",
      OIDC_DIGID_CLIENT_SECRET: "a-secret",
      OIDC_DIGID_REDIRECT_URI: "https://nv.example/api/v1/login-methods/digid/callback",
    };
    expect(loadConfig(digid).OIDC_DIGID_BSN_CLAIM).toBe("bsn");
    expect(loadConfig(digid).OIDC_DIGID_SCOPES).toBe("openid");
    const { OIDC_DIGID_CLIENT_SECRET: _secret, ...withoutSecret } = digid;
    expect(() => loadConfig(withoutSecret)).toThrow(/OIDC_DIGID_CLIENT_SECRET/);
    expect(() => loadConfig({ OIDC_STAFF_ISSUER: "https://idp.example" })).toThrow(/OIDC_STAFF_CLIENT_ID/);
    expect(() => loadConfig({ ...digid, OIDC_DIGID_ISSUER: "broker.example" })).toThrow(/OIDC_DIGID_ISSUER/);
    expect(() => loadConfig({ ...digid, OIDC_DIGID_SCOPES: "profile" })).toThrow(/OIDC_DIGID_SCOPES/);
    const production = {
      NODE_ENV: "production",
      SESSION_SECRET: "a-long-and-random-production-secret",
      RESEARCH_PSEUDONYM_KEY: PRODUCTION_KEY,
    };
    expect(loadConfig({ ...production, ...digid }).OIDC_DIGID_ISSUER).toBe(digid.OIDC_DIGID_ISSUER);
    expect(() => loadConfig({ ...production, ...digid, OIDC_DIGID_ISSUER: "http://broker.example" })).toThrow(
      /OIDC_DIGID_ISSUER: must be an https/,
    );
  });
});
