import { describe, expect, it } from "vitest";
import { DEFAULT_SESSION_SECRET, loadConfig } from "./config.js";

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
    expect(loadConfig({ NODE_ENV: "production", SESSION_SECRET: "a-long-and-random-production-secret" }).NODE_ENV).toBe("production");
  });

  it("names each bad variable", () => {
    expect(() => loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x" })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });
});
