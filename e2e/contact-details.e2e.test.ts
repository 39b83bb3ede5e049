import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage } from "./browser.js";
import { expectNoSidewaysScroll } from "./layout.js";
import { openMenuItem } from "./menu.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function settled(page: Page, what: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page, what);
  await expectNoSidewaysScroll(page, what);
}

describe("Mijn contactgegevens", () => {
  it("lets the client change phone, e-mail, language and messages on a phone, with clear errors", async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: "nl-NL", viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await logIn(page, "klant@demo.local");
    await page.getByRole("link", { name: "Mijn contactgegevens" }).click();
    await expectHeading(page, "Mijn contactgegevens");
    const phone = page.getByLabel("Telefoonnummer");
    await phone.waitFor();
    await settled(page, "the contact page");

    // A wrong number and a wrong address are named beside their fields.
    await phone.fill("12345");
    await page.getByLabel("E-mailadres").fill("klant@");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByText("Dit is geen goed Nederlands telefoonnummer.").first().waitFor();
    await page.getByText("Dit is geen goed e-mailadres.").first().waitFor();
    await settled(page, "the contact page with errors");

    // Text messages need a mobile number.
    await phone.fill("010 123 45 67");
    await page.getByLabel("E-mailadres").fill("klant@example.nl");
    await page.getByRole("radio", { name: "Per sms" }).check();
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByText("U wilt berichten per sms. Vul dan ook een mobiel nummer in dat begint met 06.").first().waitFor();

    await phone.fill("+31 6 1234 5678");
    await page.getByRole("radio", { name: "Engels (English)" }).check();
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByRole("status").getByText("Uw gegevens zijn opgeslagen.").waitFor();
    expect(await phone.inputValue()).toBe("0612345678");
    await settled(page, "the contact page saved");

    const stored = await server.db.kysely
      .selectFrom("clients")
      .innerJoin("users", "users.client_id", "clients.id")
      .select(["clients.phone", "clients.email", "clients.preferred_language", "clients.notification_channel"])
      .where("users.email", "=", "klant@demo.local")
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ phone: "0612345678", email: "klant@example.nl", preferred_language: "en", notification_channel: "sms" });
    await context.close();
  }, 90_000);
});

describe("Berichten aan cliënten", () => {
  it("shows the administrator a failed message and sends it again", async () => {
    const k = server.db.kysely;
    const account = await k.selectFrom("users").select("client_id").where("email", "=", "klant@demo.local").executeTakeFirstOrThrow();
    const letter = await k.selectFrom("letters").select("id").where("client_id", "=", String(account.client_id)).executeTakeFirst();
    const now = new Date().toISOString();
    const id = randomUUID();
    await k
      .insertInto("notifications")
      .values({
        id,
        client_id: String(account.client_id),
        kind: "letterReady",
        subject_type: "letter",
        subject_id: letter?.id ?? randomUUID(),
        channel: "email",
        recipient: "klant@example.nl",
        language: "nl",
        facts: "{}",
        status: "failed",
        attempts: 8,
        next_attempt_at: now,
        last_error: "550 Mailbox <address> unavailable",
        created_at: now,
        sent_at: null,
        failed_at: now,
      })
      .execute();
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "admin@demo.local");
    await openMenuItem(page, "Berichten aan cliënten");
    await expectHeading(page, "Berichten aan cliënten");
    const row = page.getByRole("row").filter({ hasText: "550 Mailbox <address> unavailable" });
    await row.getByText("k***@example.nl").waitFor();
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page, "the failed messages");
    await row.getByRole("button", { name: "Opnieuw versturen" }).click();
    await page.getByRole("status").getByText("Het bericht wordt opnieuw verstuurd.").waitFor();
    expect(await k.selectFrom("notifications").select(["status", "attempts"]).where("id", "=", id).executeTakeFirstOrThrow()).toEqual({
      status: "pending",
      attempts: 0,
    });
    await context.close();
  }, 60_000);
});
