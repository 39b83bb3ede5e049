import { describe, expect, it } from "vitest";
import { DEFAULT_SESSION_SECRET, loadConfig } from "./config.js";

describe("configuration", () => {
  it("has working defaults for development", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe("sqlite:./data/naar-vermogen.sqlite");
    expect(config.SESSION_IDLE_MINUTES).toBe(30);
  });

  it("refuses to start in production with the default session secret", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: "production", SESSION_SECRET: DEFAULT_SESSION_SECRET })).toThrow(/SESSION_SECRET/);
    expect(loadConfig({ NODE_ENV: "production", SESSION_SECRET: "a-long-and-random-production-secret" }).NODE_ENV).toBe("production");
  });

  it("serves metrics only when asked, and in production only behind a token", () => {
    expect(loadConfig({}).METRICS).toBe("off");
    const production = { NODE_ENV: "production", SESSION_SECRET: "a-long-and-random-production-secret", METRICS: "on" };
    expect(() => loadConfig(production)).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ ...production, METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN/);
    expect(loadConfig({ ...production, METRICS_TOKEN: "a-scrape-token-of-at-least-24-characters" }).METRICS).toBe("on");
    expect(loadConfig({ METRICS: "on" }).METRICS_TOKEN).toBeUndefined();
  });

  it("names each bad variable", () => {
    expect(() => loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x" })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });
});
