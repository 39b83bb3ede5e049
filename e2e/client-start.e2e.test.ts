import { expectDefined } from "@server/testing/expect-defined.js";
import type { ClientOverview } from "@shared/schemas/overview.js";
import type { MeOutput } from "@shared/schemas/users.js";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./api.js";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn } from "./browser.js";
import { tabTo } from "./keyboard.js";
import { expectNoSidewaysScroll } from "./layout.js";
import { openMenuItem } from "./menu.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let browser: Browser;
let clientId: string;
let overview: ClientOverview;
const contexts: BrowserContext[] = [];

/** A phone-sized window (390 × 844) in Dutch, with its own cookies. */
async function phone(): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseUrl, locale: "nl-NL", viewport: { width: 390, height: 844 } });
  contexts.push(context);
  return context.newPage();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const self = await apiAs(server.baseUrl, "klant@demo.local");
  clientId = expectDefined((await self<MeOutput>("GET", "/me")).body.clientId, "the client behind the demo account");
  overview = (await self<ClientOverview>("GET", `/clients/${clientId}/overview`)).body;
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

describe("the client's start page on a phone", () => {
  it("the demo gives the demo client an appointment, a placement and a plan worth seeing", () => {
    expect(overview.nextAppointment).not.toBeNull();
    expect(overview.nextAppointment?.abilities.requestReschedule).toBe(true);
    expect(overview.placements.length).toBeGreaterThan(0);
    expect(overview.consultant?.phone).toEqual(expect.any(String));
  });

  it("shows the next appointment; 'Ik kan niet' by keyboard sends a request the consultant sees in the work queue", async () => {
    const appointment = expectDefined(overview.nextAppointment);
    const page = await phone();
    await logIn(page, "klant@demo.local");
    await expectHeading(page, "Wat moet ik doen?");
    const block = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Uw volgende afspraak" }) });
    await expect.poll(() => block.textContent()).toContain(appointment.location);
    expect(await block.textContent()).toContain(appointment.withName);
    for (const title of ["Wat vragen wij nu van u?", "Wat wacht op uw antwoord?", "Uw consulent"])
      await page.getByRole("heading", { level: 2, name: title }).waitFor();
    expect(await page.getByRole("heading", { level: 2, name: "Uw consulent" }).locator("..").textContent()).toContain(
      expectDefined(overview.consultant).name,
    );
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page, "the start page");
    await expectNoSidewaysScroll(page, "the start page", [390, 360, 320]);
    await page.setViewportSize({ width: 390, height: 844 });

    // Keyboard only: to the button, open the form, write a reason, send.
    await tabTo(page, (el) => el.tag === "BUTTON" && el.text === "Ik kan niet");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 3, name: "Vraag een andere tijd" }).waitFor();
    await expectNoAxeViolations(page, "the reschedule form");
    await tabTo(page, (el) => el.tag === "TEXTAREA");
    await page.keyboard.type("Ik moet die dag naar de tandarts.");
    await tabTo(page, (el) => el.tag === "BUTTON" && el.text === "Vraag een andere tijd");
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Uw vraag is verstuurd" }).waitFor();
    await expect.poll(() => page.getByRole("button", { name: "Ik kan niet" }).count()).toBe(0);
    await expectNoAxeViolations(page, "the start page after asking");

    const consultantPage = await phone();
    await logIn(consultantPage, "consulent@demo.local");
    await consultantPage.goto("/work-queue?reason=rescheduleRequested");
    await expectHeading(consultantPage, "Werkvoorraad");
    const me = (await (await apiAs(server.baseUrl, "klant@demo.local"))<{ displayName: string }>("GET", "/me")).body;
    const familyName = expectDefined(me.displayName.split(" ").at(-1));
    const row = consultantPage.getByRole("row").filter({ hasText: familyName });
    await row.filter({ hasText: "Vraagt een andere afspraak" }).first().waitFor();
    await consultantPage.waitForLoadState("networkidle");
    await expectNoAxeViolations(consultantPage, "the work queue with the request");
  });

  it("'Mijn plan en plaatsing' shows the plan, the placement with its letter, and the intake in plain words", async () => {
    const page = await phone();
    await logIn(page, "klant@demo.local");
    await openMenuItem(page, "Mijn plan");
    await expectHeading(page, "Mijn plan en plaatsing");
    await page.getByRole("heading", { level: 2, name: "Uw plaatsing" }).waitFor();
    await page
      .getByRole("link", { name: /Afspraken \(PDF\)/ })
      .first()
      .waitFor();
    await page.getByText(/uur per week iets kunt doen/).waitFor();
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page, "my plan");
    await expectNoSidewaysScroll(page, "my plan", [390, 360, 320]);
  });
});
