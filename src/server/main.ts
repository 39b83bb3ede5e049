import { createApp } from "./app.js";
import { systemClock } from "./clock.js";
import { DEFAULT_DEMO_PASSWORD, isDemoMode, loadConfig } from "./config.js";
import { connectDatabase } from "./db/connection.js";
import { migrateToLatest } from "./db/migrate.js";
import { type LocalProvider, startLocalProvider } from "./demo/local-openid-provider.js";
import { demoLoginChoices } from "./demo/login-choices.js";
import { DEMO_ACCOUNTS, isDatabaseEmpty, seedDemoPopulation } from "./demo/seed.js";
import { startNotificationDelivery } from "./domains/notifications/notifications.delivery.js";
import { createTransports } from "./domains/notifications/notifications.transports.js";
import { INSTANCE, startScheduler } from "./domains/scheduler/scheduler.service.js";

let config = loadConfig();
if (config.NODE_ENV === "production" && config.NV_DEMO_PASSWORD !== DEFAULT_DEMO_PASSWORD) {
  // Harmless, but say so: production never creates demo accounts.
  console.warn("NV_DEMO_PASSWORD is ignored in production: no demo accounts are created.");
}

const db = connectDatabase(config.DATABASE_URL);
await migrateToLatest(db);

if (isDemoMode(config) && (await isDatabaseEmpty(db.kysely))) {
  console.log(`Empty database: creating the synthetic demo population (seed ${config.NV_DEMO_SEED}) …`);
  const started = performance.now();
  const counts = await seedDemoPopulation(db.kysely, {
    seed: config.NV_DEMO_SEED,
    clients: config.NV_DEMO_CLIENTS,
    demoPassword: config.NV_DEMO_PASSWORD,
    clock: systemClock,
  });
  console.log(
    `Done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${counts.clients} clients, ${counts.users} accounts, ${counts.organisations} organisations with ${counts.roles} roles, ${counts.placements} placements, ${counts.letters} letters of history.`,
  );
}

// Demo mode: a local OpenID Provider on its own port plays the DigiD broker and the staff identity provider, unless
// the operator configured a real DigiD broker. Production never starts it (startLocalProvider refuses as well).
const appUrl = `http://${["0.0.0.0", "::", "127.0.0.1"].includes(config.HOST) ? "localhost" : config.HOST}:${config.PORT}`;
let localProvider: LocalProvider | undefined;
if (isDemoMode(config) && config.NV_DEMO_OIDC === "on" && config.OIDC_DIGID_ISSUER === undefined) {
  localProvider = await startLocalProvider({
    environment: config.NODE_ENV,
    appUrl,
    host: new URL(appUrl).hostname,
    listenHost: config.HOST,
    port: config.NV_DEMO_OIDC_PORT,
    bsnClaim: config.OIDC_DIGID_BSN_CLAIM,
    choices: await demoLoginChoices(db.kysely),
  });
  config = loadConfig({ ...process.env, ...localProvider.env });
}

const app = await createApp({ config, db, clock: systemClock });
let stopScheduler: () => Promise<unknown> = () => Promise.resolve();
let stopDelivery: () => Promise<unknown> = () => Promise.resolve();
const shutdown = async () => {
  await stopScheduler();
  await stopDelivery();
  await localProvider?.close();
  await app.close();
  await db.destroy();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

await app.listen({ port: config.PORT, host: config.HOST });
// Periodic work (accountability, reminders, expiring exemptions) runs here once the server answers, once a day
// between all instances.
if (config.NV_SCHEDULER === "on") {
  stopScheduler = startScheduler(db.kysely, {
    clock: systemClock,
    intervalMinutes: config.NV_SCHEDULER_INTERVAL_MINUTES,
    log: (message, error) => (error ? app.log.error({ err: error }, message) : app.log.info(message)),
  });
}
// Messages to clients wait in the outbox until this sends them, also when cron runs the daily job: every instance
// tries, under a lease, and each message is taken by one instance only.
if (config.NODE_ENV === "production" && !config.SMTP_URL) app.log.warn("SMTP_URL is not set: e-mail to clients is logged, not sent.");
stopDelivery = startNotificationDelivery(db.kysely, {
  clock: systemClock,
  transports: createTransports(config, (fields, message) => app.log.info(fields, message)),
  portalUrl: config.NV_PUBLIC_URL,
  intervalSeconds: config.NV_NOTIFY_INTERVAL_SECONDS,
  instance: INSTANCE,
  log: (message, error) => (error ? app.log.error({ err: error }, message) : app.log.info(message)),
});
const url = appUrl;
console.log(`\nNaar Vermogen runs at ${url}  (API docs: ${url}/api/docs)`);
if (isDemoMode(config)) {
  console.log(`Demo accounts, password "${config.NV_DEMO_PASSWORD}":`);
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(26)} ${account.description}`);
  if (localProvider) {
    console.log(`Local OpenID Provider (demo DigiD and staff login): ${localProvider.issuer}`);
    console.log('  On the login page, "Inloggen met DigiD" and "Inloggen als medewerker" go there.');
  }
}
