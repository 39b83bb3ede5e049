import { isIP } from "node:net";
import { z } from "zod";

/** Secrets the app ships with; production refuses to start with any of them. */
export const DEFAULT_SESSION_SECRET = "naar-vermogen-development-secret-change-me";
export const DEFAULT_DEMO_PASSWORD = "demo";
/**
 * The research export's pseudonym key in demo mode and the tests: fixed, so pseudonyms are the same across runs.
 * Production refuses it: the municipality keeps a key of its own, and whoever has the key can re-identify.
 */
export const DEMO_RESEARCH_PSEUDONYM_KEY = "naar-vermogen-demo-research-pseudonym-key";

/** The named address ranges Fastify's trustProxy (proxy-addr) knows, beside addresses and CIDR ranges. */
const NAMED_RANGES = ["loopback", "linklocal", "uniquelocal"];

/** True for an IPv4 or IPv6 address, optionally with a CIDR prefix length that fits it. */
function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * Which proxies may tell the client's address in X-Forwarded-For: none (unset or 0: the address is the
 * connection's own), a hop count (that many proxies in front, whoever they are), or the proxies' addresses and
 * CIDR ranges. Trusting every sender would let anyone choose the address the login and complaint limits count by.
 */
const trustProxySchema = z
  .string()
  .default("")
  .transform((value, ctx): false | number | string[] => {
    const text = value.trim();
    if (text === "" || text === "0") return false;
    if (/^[1-9]\d?$/.test(text)) return Number(text);
    const entries = text.split(",").map((entry) => entry.trim());
    const bad = entries.filter((entry) => !isAddressOrRange(entry));
    if (bad.length === 0) return entries;
    ctx.addIssue({
      code: "custom",
      message: `not a hop count or a comma-separated list of addresses and CIDR ranges: ${bad.map((b) => JSON.stringify(b)).join(", ")}`,
    });
    return z.NEVER;
  });

/** An absolute http(s) URL; production insists on https (checked below). */
const urlSetting = z.url({ protocol: /^https?$/, message: "must be an absolute http:// or https:// URL" }).optional();

/** Scopes to ask a provider for: space-separated names, `openid` among them. */
function scopesSetting(defaultScopes: string) {
  return z
    .string()
    .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, "space-separated scope names")
    .refine((scopes) => scopes.split(" ").includes("openid"), "must include openid")
    .default(defaultScopes);
}

/** The variables of one provider: set all four of issuer, client id, secret and redirect URI, or none. */
const OIDC_REQUIRED = ["ISSUER", "CLIENT_ID", "CLIENT_SECRET", "REDIRECT_URI"] as const;

const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default("localhost"),
    DATABASE_URL: z
      .string()
      .regex(/^(sqlite:|postgres(ql)?:\/\/)/, "must start with sqlite: or postgres://")
      .default("sqlite:./data/naar-vermogen.sqlite"),
    SESSION_SECRET: z.string().min(16).default(DEFAULT_SESSION_SECRET),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    SESSION_MAX_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 7)
      .default(12),
    /** A request (headers and body) must arrive whole within this time, so slow senders cannot hold connections. */
    REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
    LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    TRUST_PROXY: trustProxySchema,
    NV_DEMO_PASSWORD: z.string().min(1).default(DEFAULT_DEMO_PASSWORD),
    NV_DEMO_SEED: z.coerce.number().int().default(20261128),
    NV_DEMO_CLIENTS: z.coerce.number().int().min(0).default(18000),
    NV_SCHEDULER: z.enum(["on", "off"]).default("on").describe("run the daily job in this process"),
    NV_SCHEDULER_INTERVAL_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.nl:465" })
      .optional()
      .describe("the SMTP server that sends e-mail to clients; without it e-mail is only logged"),
    SMTP_FROM: z
      .string()
      .trim()
      .refine((value) => z.email().safeParse(/<([^<>]+)>$/.exec(value)?.[1] ?? value).success, {
        message: 'must be an e-mail address, or a name with one: "Gemeente Rotterdam <noreply@rotterdam.nl>"',
      })
      .default("Naar Vermogen <noreply@localhost>")
      .describe("the sender of e-mail to clients"),
    NV_PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
      .default("http://localhost:3000")
      .describe("where clients log in, as messages to them name it"),
    NV_UNDO_HOLD_MINUTES: z.coerce
      .number()
      .int()
      .min(0)
      .max(60)
      .default(5)
      .describe("how long the notice of a letter that can still be undone is held back from the client"),
    NV_NOTIFY_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60).describe("how often pending messages are sent"),
    METRICS: z.enum(["on", "off"]).default("off").describe("serve Prometheus metrics at /metrics"),
    METRICS_TOKEN: z.string().min(24).optional().describe("bearer token a scrape of /metrics must send"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // OpenID Connect: clients through the municipality's DigiD broker, staff through its own identity provider.
    // Each provider's issuer (its discovery document is read at the first login), this app's client id, secret and
    // redirect URI as registered there, and the scopes to ask for.
    OIDC_DIGID_ISSUER: urlSetting,
    OIDC_DIGID_CLIENT_ID: z.string().min(1).optional(),
    OIDC_DIGID_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_DIGID_REDIRECT_URI: urlSetting,
    OIDC_DIGID_SCOPES: scopesSetting("openid"),
    OIDC_DIGID_BSN_CLAIM: z
      .string()
      .regex(/^[A-Za-z0-9_.:/-]{1,100}$/, "a claim name")
      .default("bsn")
      .describe("the claim of the ID token or UserInfo answer that holds the BSN"),
    OIDC_STAFF_ISSUER: urlSetting,
    OIDC_STAFF_CLIENT_ID: z.string().min(1).optional(),
    OIDC_STAFF_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_STAFF_REDIRECT_URI: urlSetting,
    OIDC_STAFF_SCOPES: scopesSetting("openid email"),
    RESEARCH_PSEUDONYM_KEY: z
      .string()
      .min(32, "use at least 32 characters")
      .default(DEMO_RESEARCH_PSEUDONYM_KEY)
      .describe("the secret of the research export's pseudonyms (HMAC-SHA-256); keep it, or pseudonyms change"),
    NV_DEMO_OIDC: z.enum(["on", "off"]).default("on").describe("demo mode: run the local OpenID Provider"),
    NV_DEMO_OIDC_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  })
  .superRefine((config, ctx) => {
    if (config.SESSION_IDLE_MINUTES > config.SESSION_MAX_HOURS * 60) {
      ctx.addIssue({ code: "custom", path: ["SESSION_IDLE_MINUTES"], message: "must not be longer than SESSION_MAX_HOURS" });
    }
    for (const prefix of ["OIDC_DIGID", "OIDC_STAFF"] as const) {
      const set = OIDC_REQUIRED.filter((name) => config[`${prefix}_${name}`] !== undefined);
      if (set.length === 0 || set.length === OIDC_REQUIRED.length) continue;
      for (const name of OIDC_REQUIRED.filter((n) => !set.includes(n))) {
        ctx.addIssue({ code: "custom", path: [`${prefix}_${name}`], message: `set it with ${prefix}_${set[0]}, or set none of them` });
      }
    }
    if (config.NODE_ENV !== "production") return;
    for (const name of ["OIDC_DIGID_ISSUER", "OIDC_DIGID_REDIRECT_URI", "OIDC_STAFF_ISSUER", "OIDC_STAFF_REDIRECT_URI"] as const) {
      if (config[name]?.startsWith("http:"))
        ctx.addIssue({ code: "custom", path: [name], message: "must be an https:// URL in production" });
    }
    if (config.SESSION_SECRET === DEFAULT_SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "set a secret of your own in production" });
    }
    if (config.RESEARCH_PSEUDONYM_KEY === DEMO_RESEARCH_PSEUDONYM_KEY) {
      ctx.addIssue({ code: "custom", path: ["RESEARCH_PSEUDONYM_KEY"], message: "set the municipality's own secret key in production" });
    }
    if (config.SMTP_URL !== undefined && config.SMTP_FROM.endsWith("@localhost>")) {
      ctx.addIssue({ code: "custom", path: ["SMTP_FROM"], message: "set the municipality's own sender address in production" });
    }
    if (config.METRICS === "on" && config.METRICS_TOKEN === undefined) {
      ctx.addIssue({ code: "custom", path: ["METRICS_TOKEN"], message: "set a token for /metrics in production" });
    }
  });

export type Config = z.infer<typeof configSchema>;

/** Reads the configuration once from the environment; throws a readable error naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
}

/** True when the app should create the demo population and demo accounts on an empty database. */
export function isDemoMode(config: Config): boolean {
  return config.NODE_ENV !== "production";
}
