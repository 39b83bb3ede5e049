import { expectDefined } from "@server/testing/expect-defined.js";
import type { ExemptionOutput } from "@shared/schemas/exemptions.js";
import type { OrganisationOutput } from "@shared/schemas/organisations.js";
import type { RoleOutput } from "@shared/schemas/roles.js";
import type { MeOutput } from "@shared/schemas/users.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./api.js";
import { expectHeading, expectNoAxeViolations, hrefOf, launchBrowser, logIn, newPage, textOf } from "./browser.js";
import { expectNoSidewaysScroll } from "./layout.js";
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

/**
 * Checks the page as it is now with axe, and that it does not scroll sideways at 360 or 1,280 px. A page with a table
 * is checked with axe at 360 px too, where its tables show their rows as cards.
 */
async function expectAccessible(page: Page, what: string): Promise<void> {
  await expectNoAxeViolations(page, what);
  await expectNoSidewaysScroll(page, what);
  if ((await page.locator("main table").count()) === 0) return;
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: size?.height ?? 900 });
  await expectNoAxeViolations(page, `${what} at 360 px`);
  if (size) await page.setViewportSize(size);
}

/** Opens a page, waits for its h1 and checks it with axe and for sideways scroll; also checks there is exactly one h1 and a title. */
async function visit(page: Page, path: string, heading: string | RegExp, what: string): Promise<void> {
  await page.goto(path);
  await expectHeading(page, heading);
  await page.waitForLoadState("networkidle");
  expect(await page.locator("h1").count(), `one h1 on ${what}`).toBe(1);
  expect(await page.title()).toMatch(/ – Naar Vermogen$/);
  await expectAccessible(page, what);
}

/** How the first caseload row lays out its birth date: the row's display, and the label shown before the date. */
async function firstRowLayout(page: Page): Promise<{ row: string; table: string; label: string; date: string }> {
  const table = page.getByRole("table", { name: /^Cliënten: \d+ gevonden/ });
  const row = table.getByRole("row").nth(1);
  await row.waitFor();
  return row.evaluate((element) => {
    const date = element.querySelectorAll("td")[0];
    const label = date ? getComputedStyle(date, "::before").content : "";
    return {
      row: getComputedStyle(element).display,
      table: getComputedStyle(element.closest("table") ?? element).display,
      label,
      date: date?.textContent ?? "",
    };
  });
}

/**
 * The caseload at 360 px is a stack of cards, each value after its column's header, and still a table with a caption
 * and rows to a screen reader; at 1,280 px it is an ordinary table without labels.
 */
async function expectCaseloadCardsWhenNarrow(page: Page): Promise<void> {
  await page.setViewportSize({ width: 360, height: 800 });
  const narrow = await firstRowLayout(page);
  expect(narrow.row, "a caseload row at 360 px").toBe("block");
  expect(narrow.label, "the label before the birth date at 360 px").toMatch(/^"Geboortedatum: "/);
  expect(narrow.date).toMatch(/\d{4}/);
  await page.locator("#caseload-caption").waitFor({ state: "visible" });
  expect(await page.getByRole("columnheader", { name: /^Naam/ }).count(), "the name column heard at 360 px").toBe(1);
  await page.setViewportSize({ width: 1280, height: 900 });
  const wide = await firstRowLayout(page);
  expect(wide, "a caseload row at 1,280 px").toMatchObject({ row: "table-row", table: "table", label: "none" });
}

async function withRole(email: string, run: (page: Page) => Promise<void>): Promise<void> {
  const { context, page } = await newPage(browser, server.baseUrl);
  await logIn(page, email);
  await run(page);
  await context.close();
}

describe("every page passes axe (WCAG 2.1 A and AA) for each role that sees it", () => {
  it("logged out: login and 404", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await visit(page, "/login", "Inloggen", "login");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByText("Vul uw e-mailadres in.").first().waitFor();
    await expectAccessible(page, "login with errors");
    await visit(page, "/bestaat-niet", "Pagina niet gevonden", "404 logged out");
    await context.close();
  }, 60_000);

  it("consultant: caseload, client, edit, new client, change password, no access, 404", async () => {
    await withRole("consulent@demo.local", async (page) => {
      await visit(page, "/clients", "Cliënten", "caseload");
      await expectCaseloadCardsWhenNarrow(page);
      await visit(page, "/clients?cohort=true&sort=-benefitStartDate&pageSize=50", "Cliënten", "caseload filtered");
      const firstClient = page.getByRole("table").locator("tbody tr").first().getByRole("link");
      const href = await hrefOf(firstClient);
      await visit(page, href, /.+/, "client detail");
      await visit(page, `${href}/edit`, /wijzigen$/, "client edit");
      await visit(page, "/clients/new", "Nieuwe cliënt", "new client");
      await page.getByRole("button", { name: "Cliënt registreren" }).click();
      await page.getByText(/Er zijn \d+ fouten/).waitFor();
      await expectAccessible(page, "new client with errors");
      await visit(page, "/account/password", "Wachtwoord wijzigen", "change password");
      await visit(page, "/users", "Geen toegang", "no access");
      await visit(page, "/niets-hier", "Pagina niet gevonden", "404");
    });
  }, 180_000);

  it("consultant: work queue, invite, availability, every tab of a client record, intake and check-in forms", async () => {
    await withRole("consulent@demo.local", async (page) => {
      await visit(page, "/work-queue", "Werkvoorraad", "work queue");
      await visit(page, "/invitations", "Uitnodigen voor een intake", "invite");
      await page.getByRole("table", { name: /Cliënten: \d+ gevonden/ }).waitFor();
      await page.getByLabel("Alle cliënten op deze pagina selecteren").check();
      await expectAccessible(page, "invite with a selection");
      await visit(page, "/invitations?minYears=60", "Uitnodigen voor een intake", "invite, nobody matches");
      await visit(page, "/availability", "Mijn beschikbaarheid", "availability");
      await visit(page, "/match-plans", "Plaatsingsplannen", "placement plans as consultant");

      // A client with history when the queue has one (richer tabs), else the first of the caseload.
      await visit(page, "/work-queue", "Werkvoorraad", "work queue again");
      const queued = page.locator("tbody tr th a").first();
      const fromQueue = (await queued.count()) > 0 ? await queued.getAttribute("href") : null;
      if (!fromQueue) await visit(page, "/clients", "Cliënten", "caseload");
      const href = fromQueue ?? (await hrefOf(page.locator("tbody tr th a").first()));
      for (const tab of [
        "appointments",
        "letters",
        "intake",
        "plan",
        "placements",
        "suggestions",
        "check-ins",
        "ladder",
        "exemptions",
        "sanctions",
        "decisions",
      ]) {
        await visit(page, `${href}?tab=${tab}`, /.+/, `client tab ${tab}`);
      }
      await visit(page, `${href}/intake`, /^Intake met /, "intake form");
      await visit(page, `${href}/check-in`, /^Gesprek met /, "check-in form");
      await page.getByRole("button", { name: "Gesprek opslaan" }).click();
      await page.getByText(/Er (is|zijn) \d+ fout/).waitFor();
      await expectAccessible(page, "check-in form with errors");
    });
  }, 300_000);

  it("team lead: caseload over two districts, team, a consultant's queue, reassignment", async () => {
    await withRole("teamleider@demo.local", async (page) => {
      await visit(page, "/clients", "Cliënten", "caseload team lead");
      const districts = await page.locator("#field-district option").allInnerTexts();
      expect(districts).toEqual(["Alle gebieden", "Charlois", "Overschie"]);

      await visit(page, "/team", "Team", "team");
      const team = page.getByRole("table", { name: /Consulenten in uw team: \d+/ });
      expect(await team.locator("tbody tr").count()).toBeGreaterThan(0);
      await team.getByRole("link").first().click();
      await expectHeading(page, /^Werkvoorraad van /);
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "a consultant's work queue");
      await visit(page, "/work-queue", "Werkvoorraad", "work queue of the whole team");
      await visit(page, "/exemptions", "Vrijstellingen om te ondertekenen", "exemptions to co-sign");
      await visit(page, "/sanctions", "Maatregelen om te beslissen", "sanctions to decide");
      await visit(page, "/statistics", "Cijfers", "figures as team lead");
      await visit(page, "/match-plans", "Plaatsingsplannen", "placement plans as team lead");

      // The client record offers reassignment to another consultant of the district.
      await visit(page, "/clients?district=Charlois", "Cliënten", "caseload Charlois");
      const href = await hrefOf(page.locator("tbody tr th a").first());
      await visit(page, href, /.+/, "client as team lead");
      await page.getByRole("heading", { level: 2, name: "Consulent" }).waitFor();
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "client with reassignment");
    });
  }, 180_000);

  it("admin: users, user forms, ordinance, scheduled jobs, audit log, and a client outside the district table", async () => {
    await withRole("admin@demo.local", async (page) => {
      await visit(page, "/users", "Gebruikers", "users");
      await visit(page, "/users/new", "Nieuwe gebruiker", "new user");
      await page.getByRole("button", { name: "Gebruiker aanmaken" }).click();
      await page.getByText(/Er (is|zijn) \d+ fout/).waitFor();
      await expectAccessible(page, "new user with errors");
      await page.getByLabel("Rol").selectOption("host");
      await page.getByLabel("Zoek organisatie op naam").fill("Wielewaal");
      await page.getByRole("radio", { name: /Wielewaal/ }).waitFor();
      await expectAccessible(page, "new user, organisation picker");
      await page.getByLabel("Rol").selectOption("client");
      await page.getByLabel("Zoek cliënt op naam, BSN of postcode").fill("3081");
      await page.getByRole("radio").first().waitFor();
      await expectAccessible(page, "new user, client picker");

      await visit(page, "/users?", "Gebruikers", "users again");
      await visit(page, await hrefOf(page.locator("tbody a").first()), /.+/, "user edit");

      await visit(page, "/ordinance", "Verordening", "ordinance");
      await page.getByRole("table", { name: /^Versies van de verordening/ }).waitFor();
      await visit(page, "/scheduler", "Geplande taken", "scheduled jobs");
      await visit(page, "/match-plans", "Plaatsingsplannen", "placement plans as admin");
      expect(await textOf(page.getByLabel("Gebied").locator("option").first())).toBe("Hele stad");
      await visit(page, "/exemptions", "Vrijstellingen om te ondertekenen", "exemptions to co-sign, read-only");
      await visit(page, "/sanctions", "Maatregelen om te beslissen", "sanctions to decide, read-only");
      await visit(page, "/statistics", "Cijfers", "figures as admin");
      await visit(page, "/audit-log", "Auditlog", "audit log");
      await visit(page, "/audit-log?clientId=not-a-uuid", "Auditlog", "audit log with a filter error");
      // The client picker, whose chosen value is no id, says so where the error summary points.
      await page.locator("#field-clientId .utrecht-form-field-error-message").waitFor();

      // A client whose postcode lies outside the district table gets a visible warning.
      await visit(page, "/clients/new", "Nieuwe cliënt", "new client as admin");
      await page.getByLabel("BSN").fill("111222333");
      await page.getByLabel("Voornaam").fill("Test");
      await page.getByLabel("Achternaam").fill("Buitengebied");
      await page.getByLabel("Geboortedatum").fill("1980-05-17");
      await page.getByLabel("Postcode").fill("1011 AB");
      await page.getByLabel("Huisnummer", { exact: true }).fill("12");
      await page.getByLabel("Uitkering sinds").fill("2015-01-01");
      await page.getByRole("button", { name: "Cliënt registreren" }).click();
      // Registered, the record is still read only for a task.
      await expectHeading(page, "Waarom opent u dit dossier?");
      await page.getByLabel("Taak").selectOption({ label: "Gegevens verbeteren op verzoek" });
      await page.getByRole("button", { name: "Dossier openen" }).click();
      await expectHeading(page, "Test Buitengebied");
      await page.getByText("Gebied onbekend.").waitFor();
      await expectAccessible(page, "client detail with district warning");
    });
  }, 240_000);

  it("host, researcher and client: their home page", async () => {
    await withRole("organisatie@demo.local", async (page) => {
      await visit(page, "/", "Aanmeldingen", "home host: referrals");
      await page.getByRole("table", { name: "Begeleiding in uren per week" }).waitFor();
      await expectAccessible(page, "home host with guidance");
      await visit(page, "/placements", "Plaatsingen", "host placements");
      await visit(page, "/roles", "Vrijwilligersplekken", "host vacancies");
      const role = await page.locator("tbody tr th a").first().getAttribute("href");
      if (role) await visit(page, role, /.+/, "host vacancy detail");
      await visit(page, "/roles/new", "Nieuwe vrijwilligersplek", "host new vacancy");
      await page.getByRole("button", { name: "Vrijwilligersplek opslaan" }).click();
      await page.getByText(/Er zijn \d+ fouten/).waitFor();
      await expectAccessible(page, "host new vacancy with errors");
      await visit(page, "/clients", "Geen toegang", "no access host");
    });
    await withRole("onderzoeker@demo.local", async (page) => {
      await visit(page, "/", /^Welkom/, "home researcher");
      await visit(page, "/statistics", "Cijfers", "figures as researcher");
      await visit(page, "/sanctions", "Geen toegang", "researcher may not decide sanctions");
      await visit(page, "/clients", "Geen toegang", "no access researcher");
    });
    await withRole("klant@demo.local", async (page) => {
      await visit(page, "/", "Wat moet ik doen?", "home client");
      await page.getByRole("link", { name: "Mijn dossier: brieven, vrijstelling aanvragen, bewijs sturen" }).click();
      await page.getByText("BSN").waitFor();
      await expectAccessible(page, "client's own record");
      await page.getByRole("link", { name: "Vrijstellingen en mantelzorg" }).click();
      await page.getByRole("heading", { level: 4, name: "Vrijstelling aanvragen" }).waitFor();
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "client's own exemptions");
      await page.getByRole("button", { name: "Vrijstelling aanvragen" }).click();
      await page.getByText(/Er (is|zijn) \d+ fout/).waitFor();
      await expectAccessible(page, "exemption request with errors");
      // Asking for fewer hours, not none: the scope goes with the request.
      await page.getByLabel("Waarom vraagt u vrijstelling?").selectOption({ index: 1 });
      await page.getByRole("group", { name: "Wat vraagt u?" }).getByLabel("Een tijd minder uren doen").check();
      await page.getByLabel("Vertel wat er aan de hand is").fill("Mijn rug is nog niet hersteld; ik kan wel een paar uur.");
      await page.getByRole("button", { name: "Vrijstelling aanvragen" }).click();
      await page.getByText("Uw aanvraag is verstuurd.").waitFor();
      const self = await apiAs(server.baseUrl, "klant@demo.local");
      const me = await self<MeOutput>("GET", "/me");
      const requests = (await self<{ items: ExemptionOutput[] }>("GET", `/clients/${me.body.clientId}/exemptions`)).body.items;
      expect(requests[0]).toMatchObject({ status: "requested", scope: "partial" });
      await page.getByRole("link", { name: "Maatregelen" }).click();
      await page.getByRole("heading", { level: 2, name: "Maatregelen" }).waitFor();
      await page.waitForFunction(() => !document.querySelector("main")?.textContent?.includes("Bezig met laden"));
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "client's own sanctions");
      await visit(page, "/my-decisions", "Mijn besluiten", "client's own decisions");
    });
  }, 300_000);

  it("organisations and vacancies: a team lead's organisation page, consultant list and forms, the public complaint page, a team lead's review and complaint decision", async () => {
    await withRole("teamleider@demo.local", async (page) => {
      await visit(page, "/organisations?q=Wielewaal", "Organisaties", "organisations");
      await page
        .getByRole("table", { name: /Organisaties: \d+ gevonden/ })
        .getByRole("link")
        .first()
        .click();
      await expectHeading(page, /Wielewaal/);
      await page.getByRole("table", { name: "Begeleiding in uren per week" }).waitFor();
      await page.getByRole("table", { name: /Vrijwilligersplekken: \d+ gevonden/ }).waitFor();
      await page.waitForLoadState("networkidle");
      await expectAccessible(page, "organisation with guidance and vacancies");
      await visit(page, "/organisations/new", "Geen toegang", "team lead may not register organisations");
    });
    await withRole("consulent@demo.local", async (page) => {
      await visit(page, "/organisations/new", "Organisatie aanmelden", "new organisation");
      await visit(page, "/roles", "Vrijwilligersplekken", "vacancies");
      await page.getByRole("table", { name: /Vrijwilligersplekken: \d+ gevonden/ }).waitFor();
      await visit(page, "/roles?status=needsReview", "Vrijwilligersplekken", "vacancies needing review");
      await visit(page, "/roles/new", "Nieuwe vrijwilligersplek", "new vacancy");
      await page.getByLabel("Zoek organisatie op naam").fill("Wielewaal");
      await page
        .getByRole("radio", { name: /Wielewaal/ })
        .first()
        .waitFor();
      await expectAccessible(page, "new vacancy, organisation picker");
    });

    // A role with one doubtful answer waits for review.
    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const organisations = await consultant<{ items: OrganisationOutput[] }>("GET", "/organisations?q=Wielewaal");
    const created = await consultant<RoleOutput>("POST", "/roles", {
      organisationId: expectDefined(organisations.body.items[0], "the Wielewaal organisation").id,
      title: "Hulp bij de ledenadministratie",
      description: "Gegevens van leden bijhouden.",
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
    expect(created.body.status).toBe("needsReview");
    const roleId = created.body.id;

    // Anyone may complain, without logging in.
    const { context, page } = await newPage(browser, server.baseUrl);
    await visit(page, `/vacatures/${roleId}/klacht`, "Klacht over vrijwilligerswerk", "public complaint form");
    await page.getByRole("button", { name: "Klacht indienen" }).click();
    await page.getByText(/Er (is|zijn) \d+ fout/).waitFor();
    await expectAccessible(page, "public complaint form with errors");
    await page.getByLabel("Ik werk bij deze organisatie").check();
    await page.getByLabel("Uw klacht").fill("Dit werk deed tot vorig jaar een betaalde collega.");
    await page.getByRole("button", { name: "Klacht indienen" }).click();
    await page.getByText(/^Het nummer van uw klacht is [0-9a-f-]{36}/).waitFor();
    await expectAccessible(page, "public complaint received");
    await context.close();

    await withRole("teamleider@demo.local", async (lead) => {
      await visit(lead, `/roles/${roleId}`, "Hulp bij de ledenadministratie", "vacancy to review, with a complaint");
      await lead.getByRole("heading", { level: 2, name: "Klacht beslissen" }).waitFor();
      await lead.getByRole("button", { name: "Besluit opslaan", exact: true }).click();
      await lead.getByText(/Er (is|zijn) \d+ fout/).waitFor();
      await expectAccessible(lead, "vacancy review with errors");
      await lead.getByLabel("Goedkeuren: dit werk neemt geen betaald werk weg").check();
      await lead.getByLabel("Reden van uw besluit").first().fill("De betaalde medewerkers doen ander werk dan deze vrijwilliger.");
      await lead.getByRole("button", { name: "Besluit opslaan", exact: true }).click();
      await lead.getByText("Goedgekeurd", { exact: true }).waitFor();
      await expectAccessible(lead, "vacancy reviewed");
      // The open complaint is listed on the role, chosen already when it is the only one.
      expect(await lead.getByRole("radio", { name: /Dit werk deed tot vorig jaar een betaalde collega/ }).isChecked()).toBe(true);
      await lead.getByLabel("Niet terecht: er kunnen weer deelnemers komen").check();
      await lead
        .getByRole("region", { name: "Klacht beslissen" })
        .getByLabel("Reden van uw besluit")
        .fill("De betaalde kracht doet ander werk; geen verdringing.");
      await lead.getByRole("button", { name: "Besluit over klacht opslaan" }).click();
      await lead.getByText("De klacht is niet terecht verklaard. Er kunnen weer deelnemers komen.").waitFor();
      await lead.getByText("Er kunnen nu nieuwe deelnemers komen.").waitFor();
      await expectAccessible(lead, "complaint decided");
    });
  }, 240_000);
});
