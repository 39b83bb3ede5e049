import { expectDefined } from "@server/testing/expect-defined.js";
import { addDays, todayInAmsterdam } from "@shared/dates.js";
import type { PlacementOutput } from "@shared/schemas/placements.js";
import type { MeOutput } from "@shared/schemas/users.js";
import { PDFParse } from "pdf-parse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiCaller, apiAs } from "./api.js";
import { expectNoAxeViolations, launchBrowser, logIn, newPage } from "./browser.js";
import { expectNoSidewaysScroll } from "./layout.js";
import { startServer, type TestServer } from "./server.js";

// The host as partner at 360 px: the host records the introduction meeting, downloads the agreement as PDF (it names
// the municipality's volunteer insurance) and signs it; the client signs in the portal; before its start date the
// placement reads "Begint op …" for both. A team lead sees the clients' ratings next to the endings per organisation.

let server: TestServer;
let browser: Browser;
let placementId: string;
let organisationId: string;
const startDate = addDays(todayInAmsterdam(), 14);

async function settled(page: Page, what: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page, what);
  await expectNoSidewaysScroll(page, what);
}

async function small(email: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await newPage(browser, server.baseUrl);
  await page.setViewportSize({ width: 360, height: 800 });
  await logIn(page, email);
  return { page, close: () => context.close() };
}

beforeAll(async () => {
  // The host answers referrals right after they are made: no hold for undoing.
  server = await startServer({ undoHoldMinutes: 0 });
  browser = await launchBrowser();
  const self = await apiAs(server.baseUrl, "klant@demo.local");
  const clientId = expectDefined((await self<MeOutput>("GET", "/me")).body.clientId, "the demo client");
  const consultant: ApiCaller = await apiAs(server.baseUrl, "consulent@demo.local");
  const host = await apiAs(server.baseUrl, "organisatie@demo.local");
  organisationId = expectDefined((await host<MeOutput>("GET", "/me")).body.organisationId, "the host's organisation");
  const role = await consultant<{ id: string }>("POST", "/roles", {
    organisationId,
    title: "Gastvrouw taalcafé",
    description: "Thee zetten en mensen welkom heten in het taalcafé.",
    hoursPerWeek: 2,
    guidanceLevel: "intensive",
    places: 2,
    displacementCheck: {
      paidInLastThreeYears: false,
      doneByPaidStaffElsewhere: false,
      wouldOtherwiseBePaid: false,
      partOfPaidService: false,
      recentStaffCuts: false,
    },
  });
  expect(role.status).toBe(201);
  expect((await consultant("PATCH", `/clients/${clientId}`, { capacityHoursPerWeek: 40 })).status).toBe(200);
  const proposed = await consultant<PlacementOutput>("POST", "/placements", {
    clientId,
    roleId: role.body.id,
    hoursPerWeek: 2,
    guidanceOverrideReason: "Met de organisatie afgesproken dat de begeleiding past.",
  });
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
  placementId = proposed.body.id;
  expect((await host("POST", `/placements/${placementId}/accept`)).status).toBe(200);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the host as partner", () => {
  it("records the introduction meeting before the start", async () => {
    const { page, close } = await small("organisatie@demo.local");
    await page.goto(`${server.baseUrl}/placements/${placementId}`);
    await page.getByRole("heading", { name: "Samenwerking met de organisatie" }).waitFor();
    await settled(page, "the placement before the introduction");
    await page.getByLabel("Datum van het gesprek").fill(todayInAmsterdam());
    await page.getByLabel("Wie waren er?").fill("Deelnemer, Fatima (coördinator) en consulent");
    await page.getByLabel("Contactpersoon bij de organisatie").fill("Fatima, coördinator vrijwilligers");
    await page.getByLabel("Wat vond de organisatie?").selectOption("doubtful");
    await page.getByRole("button", { name: "Kennismaking opslaan" }).click();
    // The saved verdict, not the choice still in the form while it saves.
    await page.getByText("Twijfel").and(page.locator(":not(option)")).first().waitFor();
    await page.getByText("Fatima, coördinator vrijwilligers").first().waitFor();
    await settled(page, "the placement after the introduction");
    await close();
  });

  it("downloads the agreement, reads the insurance in it, signs it, and reads that the placement begins later", async () => {
    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const started = await consultant("POST", `/placements/${placementId}/start`, {
      agreement: {
        startDate,
        endDate: addDays(startDate, 120),
        hoursPerWeek: 2,
        tasks: "Thee zetten en gasten ontvangen.",
        contactPerson: "Fatima, coördinator vrijwilligers",
        guidanceArrangement: "Elke week samen beginnen.",
      },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const { page, close } = await small("organisatie@demo.local");
    await page.goto(`${server.baseUrl}/placements/${placementId}`);
    await page
      .getByText(/^Begint op /)
      .first()
      .waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Overeenkomst als PDF downloaden" }).first().click(),
    ]);
    const file = expectDefined(await download.path(), "the downloaded PDF");
    const { readFile } = await import("node:fs/promises");
    const text = (await new PDFParse({ data: await readFile(file) }).getText()).text.replace(/\s+/g, " ");
    expect(text).toContain("Vrijwilligersverzekering");
    await page.getByRole("button", { name: "Tekenen voor de organisatie" }).click();
    await page
      .getByRole("form", { name: "Tekenen voor de organisatie" })
      .getByRole("button", { name: "Tekenen voor de organisatie" })
      .click();
    await page.getByRole("button", { name: "Tekenen voor de organisatie" }).waitFor({ state: "detached" });
    await settled(page, "the placement signed by the host");
    await close();
  });

  it("lets the client sign in the portal, where the placement begins on its start date", async () => {
    const { page, close } = await small("klant@demo.local");
    await page.goto(`${server.baseUrl}/my-placements`);
    const card = page.getByRole("article").filter({ hasText: "Gastvrouw taalcafé" });
    await card.getByText(/^Begint op /).waitFor();
    await card.getByRole("button", { name: /Ik teken de overeenkomst/ }).click();
    await card.getByText(/^U tekende op /).waitFor();
    await settled(page, "my placements after signing");
    await close();
  });

  it("shows a team lead the ratings next to the endings per organisation", async () => {
    const { page, close } = await small("teamleider@demo.local");
    await page.goto(`${server.baseUrl}/team`);
    await page.getByRole("heading", { name: "Organisaties: oordeel van deelnemers en stoppen" }).waitFor();
    await page.getByRole("columnheader", { name: "Gestopt door de organisatie" }).waitFor();
    await page.getByRole("columnheader", { name: "Cijfers" }).waitFor();
    await settled(page, "the team page with organisations");
    await close();
  });

  it("lets a team lead record guidance the municipality buys for the organisation, counted while it runs", async () => {
    const { page, close } = await small("teamleider@demo.local");
    await page.goto(`${server.baseUrl}/organisations/${organisationId}`);
    const section = page.getByRole("region", { name: "Begeleiding die de gemeente inkoopt" });
    await section.getByText("De gemeente koopt voor deze organisatie geen begeleiding in.").waitFor();
    await section.getByLabel("Uur per week").fill("4");
    await section.getByLabel("Eerste dag").fill(todayInAmsterdam());
    await section.getByLabel("Laatste dag").fill(addDays(todayInAmsterdam(), -1));
    await section.getByLabel("Wat wordt ingekocht").fill("Een vrijwilligerscoach van de welzijnsorganisatie");
    await section.getByRole("button", { name: "Vastleggen" }).click();
    await page.locator("#field-endsOn-error").waitFor();
    await settled(page, "bought guidance refused");
    await section.getByLabel("Laatste dag").fill(addDays(todayInAmsterdam(), 90));
    await section.getByRole("button", { name: "Vastleggen" }).click();
    await section.getByText(/De begeleiding is vastgelegd/).waitFor();
    await section.getByText(/De gemeente koopt nu 4 uur per week extra in/).waitFor();
    const row = section.getByRole("row", { name: /vrijwilligerscoach/ });
    expect(await row.getByRole("cell").last().textContent()).toBe("Ja");
    await settled(page, "bought guidance recorded");
    await close();
  });

  it("lets the host write what the organisation offers volunteers, in plain text, which the municipality then reads", async () => {
    const { page, close } = await small("organisatie@demo.local");
    await page.goto(`${server.baseUrl}/`);
    const section = page.getByRole("region", { name: "Wat uw organisatie biedt aan vrijwilligers" });
    await section.waitFor();
    await settled(page, "the host's start page with what it offers");
    await section.getByRole("button", { name: "Aanpassen" }).click();
    const field = section.getByRole("textbox", { name: "Cursussen, trainingen en steun" });
    await field.fill("<b>Hygiënecursus</b>");
    await section.getByRole("button", { name: "Opslaan" }).click();
    await page
      .locator("#field-trainingOffered-error")
      .getByText(/gewone tekst/)
      .waitFor();
    await settled(page, "the offer refused with markup");
    const offer = "Hygiënecursus voor iedereen in de keuken.\nTraining omgaan met agressie, twee keer per jaar.";
    await field.fill(offer);
    await section.getByRole("button", { name: "Opslaan" }).click();
    await section.getByText("Opgeslagen. De gemeente ziet de nieuwe tekst.").waitFor();
    await section.getByText(/Training omgaan met agressie, twee keer per jaar/).waitFor();
    // The guidance the municipality buys for the organisation shows beside it.
    await page.getByRole("region", { name: "Begeleiding die de gemeente inkoopt" }).waitFor();
    await settled(page, "the offer saved");
    await close();

    const lead = await small("teamleider@demo.local");
    await lead.page.goto(`${server.baseUrl}/organisations/${organisationId}`);
    await lead.page.getByText(/Training omgaan met agressie, twee keer per jaar/).waitFor();
    expect(await lead.page.getByRole("button", { name: "Aanpassen" }).count()).toBe(0);
    await settled(lead.page, "the organisation's page with its offer");
    await lead.close();
  }, 120_000);
});
