import { expectDefined } from "@server/testing/expect-defined.js";
import { buildClient } from "@server/testing/factories.js";
import { addDays, amsterdamDateTime, isoWeekday, todayInAmsterdam } from "@shared/dates.js";
import type { Browser, Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiAs } from "./api.js";
import { expectHeading, expectNoAxeViolations, logIn, newPage } from "./browser.js";
import { Effort } from "./effort.js";
import { expectNoSidewaysScroll } from "./layout.js";
import { openMenuItem } from "./menu.js";
import type { TestServer } from "./server.js";
import { withServerAndBrowser } from "./server-and-browser.js";

let server: TestServer;
let browser: Browser;

withServerAndBrowser((running) => ({ server, browser } = running));

/** Clicks made in the journey and how far each page had to be scrolled to see it whole, for the issue's note. */
const journey = new Effort();
const click = (target: Locator) => journey.click(target);

/** Axe on the page, and no sideways scroll at 360 px nor at 1,280 px; notes the page's height at 1,280 px. */
async function checkPage(page: Page, what: string) {
  await expectNoAxeViolations(page, what);
  await expectNoSidewaysScroll(page, what);
  await page.setViewportSize({ width: 1280, height: 900 });
  await journey.readPage(page, what);
}

describe("a consultant's day: Mijn dag, a record's head, finding a client, picking a role", () => {
  it("runs from the work queue to a referral", async () => {
    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const me = (await consultant<{ id: string; displayName: string }>("GET", "/me")).body;
    const registered = buildClient({ givenName: "Rosalia", familyName: "Martina", houseNumber: 17, houseNumberAddition: "B" });
    const created = await consultant<{ id: string }>("POST", "/clients", {
      ...registered,
      street: "Wolphaertsbocht",
      city: "Rotterdam",
      capacityHoursPerWeek: 20,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const clientId = created.body.id;
    // Today at nine, and another day this week when there is one left after today.
    const today = todayInAmsterdam();
    const laterThisWeek = isoWeekday(today) < 7 ? addDays(today, 1) : null;
    const insert = async (day: string, time: string) => {
      const startsAt = amsterdamDateTime(day, time);
      await server.db.kysely
        .insertInto("appointments")
        .values({
          id: crypto.randomUUID(),
          client_id: clientId,
          consultant_id: me.id,
          kind: "followUp",
          starts_at: startsAt,
          ends_at: new Date(Date.parse(startsAt) + 45 * 60_000).toISOString(),
          location: "Wijkteam Charlois, Boergoensevliet 20",
          status: "planned",
          created_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
        })
        .execute();
    };
    await insert(today, "09:00");
    if (laterThisWeek) await insert(laterThisWeek, "14:30");

    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await expectHeading(page, "Werkvoorraad");

    // Mijn dag: today's appointment with the client's name, the place and Dutch date and 24-hour time.
    // Mijn dag stands in the group Cliënten: opening the group is a click too.
    journey.clicks += await openMenuItem(page, "Mijn dag");
    await expectHeading(page, "Mijn dag");
    const dayHeading = new Intl.DateTimeFormat("nl-NL", {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${today}T12:00:00Z`));
    await page.getByRole("heading", { level: 3, name: dayHeading }).waitFor();
    await page.getByText("09:00–09:45").waitFor();
    await page.getByText("Vervolggesprek · Wijkteam Charlois, Boergoensevliet 20").first().waitFor();
    if (laterThisWeek) await page.getByText("14:30–15:15").waitFor();
    await checkPage(page, "Mijn dag");

    // The record's head: the consultant by name, the postal address, the ladder and what runs.
    await click(page.getByRole("link", { name: "Rosalia Martina" }).first());
    await expectHeading(page, "Rosalia Martina");
    const head = page.getByRole("region", { name: "Stand van zaken" });
    await head.getByText(`${me.displayName} (u)`).waitFor();
    await head.getByText("Wolphaertsbocht 17 B").waitFor();
    await head.getByText("3084 AB Rotterdam").waitFor();
    await head.getByText("Nog geen trede vastgelegd").waitFor();
    expect(await page.getByText("Consulent").count()).toBeGreaterThan(0);
    await checkPage(page, "client record with its head");

    // Finding her in the caseload, which opens on "my clients", in three ways of writing her name.
    journey.clicks += await openMenuItem(page, "Cliënten");
    await expectHeading(page, "Cliënten");
    expect(await page.getByLabel("Alleen mijn cliënten").isChecked()).toBe(true);
    const search = page.getByRole("searchbox", { name: "Zoeken" });
    const table = page.getByRole("table", { name: /Cliënten: \d+ gevonden/ });
    for (const q of ["Martina, Rosalia", "Martina Rosalia", "Rosalia Martina"]) {
      await search.fill(q);
      await page.getByRole("table", { name: "Cliënten: 1 gevonden" }).waitFor();
      await table.getByRole("link", { name: "Martina, Rosalia" }).waitFor();
      expect(page.url()).not.toContain("Martina");
    }
    await checkPage(page, "caseload found by name");
    // And by BSN, in the same box, written as people do: it goes in a POST body, never in the address.
    const bsn = registered.bsn;
    const written = `${bsn.slice(0, 3)}.${bsn.slice(3, 6)}.${bsn.slice(6)}`;
    await search.fill(written);
    await page.getByRole("table", { name: "Cliënten: 1 gevonden" }).waitFor();
    await table.getByRole("link", { name: "Martina, Rosalia" }).waitFor();
    expect(page.url()).not.toContain(bsn);
    expect(page.url()).not.toContain(encodeURIComponent(written));

    // The role picker on a placement: more than ten, paged, by title or organisation and distance.
    await click(table.getByRole("link", { name: "Martina, Rosalia" }));
    await expectHeading(page, "Rosalia Martina");
    await click(page.getByRole("link", { name: "Plaatsingen" }));
    const radios = page.getByRole("group", { name: "Vrijwilligersplek" }).getByRole("radio");
    await expect.poll(() => radios.count()).toBeGreaterThan(10);
    await page.getByRole("link", { name: "Bekijk de suggesties voor deze cliënt" }).waitFor();
    const pager = page.getByRole("navigation", { name: "Paginering" });
    const firstOnPageOne = await radios.first().getAttribute("value");
    await click(pager.getByRole("button", { name: "Volgende pagina" }));
    await expect.poll(() => radios.first().getAttribute("value")).not.toBe(firstOnPageOne);
    const chosenLabel = expectDefined(await page.locator("label[for='field-roleId']").textContent(), "the first role's label");
    const organisation = (chosenLabel.split(" – ")[1] ?? "").trim();
    await page.getByLabel("Afstand tot de cliënt").selectOption({ label: "Binnen 20 km" });
    await page.getByLabel("Zoek op vrijwilligersplek of organisatie").fill(organisation);
    await expect.poll(async () => (await page.locator("label[for='field-roleId']").textContent()) ?? "").toContain(organisation);
    await checkPage(page, "role picker");
    await click(radios.first());
    await click(page.getByRole("button", { name: "Voorstellen" }));
    await click(page.getByRole("dialog", { name: "Voorstel versturen?" }).getByRole("button", { name: "Ja, voorstel versturen" }));
    const done = page.getByText(/^De cliënt is voorgesteld voor/);
    const override = page.getByLabel("Reden om toch voor te stellen");
    await done.or(override).waitFor();
    if (await override.isVisible()) {
      await override.fill("De organisatie heeft een extra begeleider voor deze cliënt.");
      await click(page.getByRole("button", { name: "Voorstellen" }));
      await click(page.getByRole("dialog", { name: "Voorstel versturen?" }).getByRole("button", { name: "Ja, voorstel versturen" }));
      await done.waitFor();
    }

    console.log(
      `Consultant's day: ${journey.clicks} clicks from the work queue to a referral; page heights at 1,280 × 900 px: ${journey.pages
        .map((p) => `${p.page} ${p.height} px (${Math.max(0, Math.ceil(p.height / p.viewport) - 1)} screen(s) of scrolling)`)
        .join("; ")}`,
    );
    await context.close();
  });
});
