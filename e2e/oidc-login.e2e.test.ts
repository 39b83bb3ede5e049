import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage } from "./browser.js";
import { expectNoSidewaysScroll } from "./layout.js";
import { mainMenu } from "./menu.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let browser: Browser;
let demoClient: { name: string; bsn: string };

beforeAll(async () => {
  server = await startServer({ provider: true });
  browser = await launchBrowser();
  const row = await server.db.kysely
    .selectFrom("users")
    .innerJoin("clients", "clients.id", "users.client_id")
    .select(["users.display_name", "clients.bsn"])
    .where("users.email", "=", "klant@demo.local")
    .executeTakeFirstOrThrow();
  demoClient = { name: row.display_name, bsn: row.bsn };
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The client's start page: their own name, and the logout button of a logged-in page. */
async function expectClientStartPage(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Uitloggen" }).waitFor();
  await expectHeading(page, new RegExp(`${demoClient.name}|Wat moet ik doen`));
  expect(new URL(page.url()).pathname).toBe("/");
}

describe("logging in as the demo client", () => {
  it("works with DigiD through the local OpenID Provider, on a phone, and logout offers to leave DigiD too", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto("/login");
    await expectHeading(page, "Inloggen");
    const digid = page.getByRole("link", { name: "Inloggen met DigiD" });
    await digid.waitFor();
    await page.getByRole("link", { name: "Inloggen als medewerker" }).waitFor();
    await page.waitForLoadState("networkidle");
    await expectNoSidewaysScroll(page, "login page at 360 px");
    await expectNoAxeViolations(page, "login page with DigiD");

    await digid.click();
    await expectHeading(page, "Inloggen met DigiD (demo)");
    await expectNoSidewaysScroll(page, "the provider's login page at 360 px");
    await expectNoAxeViolations(page, "the local provider's login page");
    // The BSN goes to the provider's page only, never into the app's address.
    await page.getByLabel("Uw BSN (9 cijfers)").fill(demoClient.bsn);
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await expectClientStartPage(page);
    expect(page.url()).not.toContain(demoClient.bsn);
    await expectNoSidewaysScroll(page, "client start page at 360 px");
    await expectNoAxeViolations(page, "client start page after DigiD");
    // A client who logs in with DigiD has no password to change.
    expect(await page.getByRole("link", { name: "Wachtwoord wijzigen" }).count()).toBe(0);

    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expectHeading(page, "Inloggen");
    await page.getByText("U bent uitgelogd.").waitFor();
    await page.getByRole("link", { name: "Ook uitloggen bij DigiD" }).waitFor();
    // The session is over on the server: the app's own pages ask for a login again.
    await page.goto("/");
    await expectHeading(page, "Inloggen");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/");
    await page.goto("/login?loggedOut=digid");
    await expectNoAxeViolations(page, "login page after logout");
    await context.close();
  });

  it("works with the demo password as well", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "klant@demo.local");
    await expectClientStartPage(page);
    await context.close();
  });

  it("shows a neutral refusal page for a BSN that is no client's", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto("/login");
    await page.getByRole("link", { name: "Inloggen met DigiD" }).click();
    await expectHeading(page, "Inloggen met DigiD (demo)");
    // 111111110 passes the eleven-test; the demo population's numbers are drawn elsewhere.
    const taken = await server.db.kysely.selectFrom("clients").select("id").where("bsn", "=", "111111110").executeTakeFirst();
    expect(taken).toBeUndefined();
    await page.getByLabel("Uw BSN (9 cijfers)").fill("111111110");
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await expectHeading(page, "Inloggen is niet gelukt");
    await page.getByText("Wij vinden geen gegevens bij uw DigiD").waitFor();
    expect(page.url()).not.toContain("111111110");
    await expectNoSidewaysScroll(page, "refusal page at 360 px");
    await expectNoAxeViolations(page, "refusal page");
    await context.close();
  });
});

describe("logging in as staff through the local provider", () => {
  it("opens the consultant's own start with the roles Naar Vermogen gives", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await page.goto("/login");
    await page.getByRole("link", { name: "Inloggen als medewerker" }).click();
    await expectHeading(page, "Inloggen als medewerker (demo)");
    await page.getByRole("button", { name: /consulent@demo\.local/ }).click();
    await page.getByRole("button", { name: "Uitloggen" }).waitFor();
    await mainMenu(page).getByRole("link", { name: "Werkvoorraad" }).waitFor();
    await context.close();
  });
});
