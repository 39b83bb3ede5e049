import { expectDefined } from "@server/testing/expect-defined.js";
import { buildClient } from "@server/testing/factories.js";
import type { ClientOutput } from "@shared/schemas/clients.js";
import type { OrganisationOutput } from "@shared/schemas/organisations.js";
import type { RoleOutput } from "@shared/schemas/roles.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiCaller, apiAs } from "./api.js";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage } from "./browser.js";
import { expectNoSidewaysScroll } from "./layout.js";
import { startServer, type TestServer } from "./server.js";

// Text that users type is stored and shown as text: markup does not run, direction overrides and zero-width
// characters do not break the page, and a long unbroken word wraps instead of pushing the layout sideways.

const SCRIPT = "<script>window.__xss=1</script>";
const IMAGE = '<img src=x onerror="window.__xss=1">';
const BIDI = "\u202Eabc\u202C أحمد שרה";
const ZERO_WIDTH = "Zero\u200Bwidth\u200Djoin\uFEFFbom";
const word = (length: number) => "Lang".repeat(length / 4);

let server: TestServer;
let browser: Browser;
let consultant: ApiCaller;
let client: ClientOutput;
let longNamed: ClientOutput;
let role: RoleOutput;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  consultant = await apiAs(server.baseUrl, "consulent@demo.local");
  const register = async (givenName: string, familyName: string) => {
    const answer = await consultant<ClientOutput>("POST", "/clients", {
      ...buildClient({ givenName, familyName }),
      capacityHoursPerWeek: 12,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  };
  client = await register(IMAGE, `${SCRIPT} ${BIDI} ${ZERO_WIDTH}`);
  longNamed = await register(word(100), word(100));

  const step = await consultant("POST", `/clients/${client.id}/plan-steps`, {
    type: "languageCourse",
    title: `${SCRIPT} ${word(160)}`,
    hoursPerWeek: 2,
    startDate: new Date().toISOString().slice(0, 10),
  });
  expect(step.status, JSON.stringify(step.body)).toBe(201);
  const checkIn = await consultant("POST", `/clients/${client.id}/check-ins`, {
    heldOn: new Date().toISOString().slice(0, 10),
    channel: "phone",
    howItGoes: `${IMAGE} ${BIDI} ${ZERO_WIDTH} ${word(300)}`,
    who5: [3, 3, 3, 3, 3],
    readyForNextStep: false,
  });
  expect(checkIn.status, JSON.stringify(checkIn.body)).toBe(201);

  const organisations = await consultant<{ items: OrganisationOutput[] }>("GET", "/organisations?q=Wielewaal");
  const created = await consultant<RoleOutput>("POST", "/roles", {
    organisationId: expectDefined(organisations.body.items[0], "the Wielewaal organisation").id,
    title: `${SCRIPT} ${BIDI} ${word(148)}`,
    description: `${IMAGE} ${ZERO_WIDTH}`,
    hoursPerWeek: 4,
    guidanceLevel: "regular",
    places: 1,
    displacementCheck: {
      paidInLastThreeYears: false,
      doneByPaidStaffElsewhere: true,
      wouldOtherwiseBePaid: false,
      partOfPaidService: false,
      recentStaffCuts: false,
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  role = created.body;
  const complaint = await fetch(`${server.baseUrl}/api/v1/roles/${role.id}/displacement-complaints`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ filerKind: "employee", description: `${SCRIPT} ${IMAGE} ${BIDI} ${word(300)}` }),
  });
  expect(complaint.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Collects what would show that injected text ran: dialogs, errors thrown in the page, console errors. */
function watch(page: Page): string[] {
  const signs: string[] = [];
  page.on("dialog", (dialog) => {
    signs.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => signs.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    // A failed request (the 401 of the session check before logging in) is the network's, not a script's.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      signs.push(`console error: ${message.text()}`);
    }
  });
  return signs;
}

/**
 * The checks on a page that shows stored text, at a phone's and a desktop's width: nothing ran, each text is
 * there as typed, the page does not scroll sideways, no element holding the text overflows its box, and axe passes.
 */
async function expectShownAsText(page: Page, signs: string[], texts: string[], what: string): Promise<void> {
  await expectNoSidewaysScroll(page, what);
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForLoadState("networkidle");
    const at = `${what} at ${width} px`;
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss), at).toBeUndefined();
    expect(await page.locator("main script, main img[src='x']").count(), at).toBe(0);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered is what the user reads
    const shown = await page.evaluate(() => document.body.innerText);
    for (const text of texts) expect(shown, at).toContain(text);
    const layout = await page.evaluate(() => {
      // Elements whose own text overflows their box (and so runs over their neighbours), outside the tables' scroll
      // regions and text that is there for screen readers only.
      const overflowing = [...document.querySelectorAll<HTMLElement>("main *")]
        .filter((element) => [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim()))
        .filter((element) => !element.closest(".nv-table-scroll, table, .nv-visually-hidden"))
        .filter((element) => element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).display !== "inline")
        .map((element) => `${element.tagName.toLowerCase()}: ${element.textContent?.slice(0, 40)}`);
      return { overflowing };
    });
    expect(layout.overflowing, `${at}: text runs out of its box`).toEqual([]);
    await expectNoAxeViolations(page, at);
  }
  expect(signs, what).toEqual([]);
}

describe("stored text is shown as text", () => {
  it("on the caseload and the client's record, plan and check-ins", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    const signs = watch(page);
    await logIn(page, "consulent@demo.local");

    // Found by BSN through the caseload's search box, which keeps the BSN out of the address bar.
    await page.goto("/clients");
    await expectHeading(page, "Cliënten");
    await page.getByRole("searchbox", { name: "Zoeken" }).fill(client.bsn);
    const table = page.getByRole("table", { name: /Cliënten: 1 gevonden/ });
    await table.waitFor();
    expect(page.url()).not.toContain(client.bsn);
    await expectShownAsText(page, signs, [IMAGE, SCRIPT], "caseload found by BSN");
    await page.reload();
    await page.getByRole("table", { name: /Cliënten: 1 gevonden/ }).waitFor();

    await page.goto(`/clients/${client.id}`);
    await expectHeading(page, `${IMAGE} ${SCRIPT} ${BIDI} ${ZERO_WIDTH}`);
    await expectShownAsText(page, signs, [IMAGE, SCRIPT, BIDI, ZERO_WIDTH], "client record");

    await page.goto(`/clients/${longNamed.id}`);
    await expectHeading(page, `${word(100)} ${word(100)}`);
    await expectShownAsText(page, signs, [word(100)], "client record with a long name");

    await page.goto(`/clients/${client.id}?tab=plan`);
    await page.getByText(word(160)).first().waitFor();
    await expectShownAsText(page, signs, [SCRIPT, word(160)], "plan");

    await page.goto(`/clients/${client.id}?tab=check-ins`);
    await page.getByText(word(300)).first().waitFor();
    await expectShownAsText(page, signs, [IMAGE, BIDI, ZERO_WIDTH, word(300)], "check-ins");
    await context.close();
  }, 240_000);

  it("on a vacancy with its complaint", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    const signs = watch(page);
    await logIn(page, "teamleider@demo.local");
    await page.goto(`/roles/${role.id}`);
    await expectHeading(page, role.title);
    await page.getByText(word(300)).first().waitFor();
    await expectShownAsText(page, signs, [SCRIPT, IMAGE, BIDI, ZERO_WIDTH, word(148), word(300)], "vacancy with complaint");
    await context.close();
  }, 120_000);
});
