import fs from "node:fs";
import { PDFParse } from "pdf-parse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectHeading, expectNoAxeViolations, hrefOf, launchBrowser, logIn, newPage, textOf } from "./browser.js";
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

const LIFE_DOMAINS = [
  "Inkomen en schulden",
  "Dagbesteding",
  "Huisvesting",
  "Lichamelijke gezondheid",
  "Psychische gezondheid",
  "Verslaving",
  "Sociaal netwerk",
  "Taal",
];

const WHO5 = [
  "Ik voelde me opgewekt en in een goede stemming",
  "Ik voelde me rustig en ontspannen",
  "Ik voelde me actief en energiek",
  "Ik voelde me fris en uitgerust wanneer ik wakker werd",
  "Mijn dagelijks leven was gevuld met dingen die mij interesseren",
];

async function setBlock(page: Page, number: number, block: { day: string; from: string; to: string; location?: string }) {
  const group = page.getByRole("group", { name: `Blok ${number}` });
  await group.getByLabel("Dag").selectOption({ label: block.day });
  await group.getByLabel("Van").fill(block.from);
  await group.getByLabel("Tot").fill(block.to);
  if (block.location) await group.getByLabel("Locatie").fill(block.location);
}

async function addStep(page: Page, step: { type: string; title: string; hours: string }) {
  await page.getByLabel("Soort stap").selectOption({ label: step.type });
  await page.getByLabel("Naam van de stap").fill(step.title);
  await page.getByLabel("Uren per week").fill(step.hours);
  await page.getByRole("button", { name: "Stap toevoegen" }).click();
}

describe("a consultant's day: availability, invitations, letters, intake, plan, check-in and the work queue", () => {
  it("runs from setting availability to the client on the work queue", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");

    // The work queue is where the day starts.
    await expectHeading(page, "Werkvoorraad");
    await expectNoAxeViolations(page, "work queue");

    // Weekly availability: start from nothing (the demo may hold some), add two blocks, one wrong at first.
    await openMenuItem(page, "Mijn beschikbaarheid");
    await expectHeading(page, "Mijn beschikbaarheid");
    // The form appears once the saved pattern has loaded; only then is there something to count.
    await page.getByRole("button", { name: "Blok toevoegen" }).waitFor();
    const remove = page.getByRole("button", { name: /^Blok \d+ verwijderen$/ });
    while ((await remove.count()) > 0) await remove.first().click();
    await page.getByText("U heeft nog geen tijden ingesteld.").waitFor();
    await page.getByRole("button", { name: "Blok toevoegen" }).click();
    await setBlock(page, 1, { day: "Maandag", from: "09:00", to: "12:00", location: "Wijkteam Charlois" });
    await page.getByRole("button", { name: "Blok toevoegen" }).click();
    await setBlock(page, 2, { day: "Woensdag", from: "13:00", to: "12:00" });
    await page.getByRole("button", { name: "Beschikbaarheid opslaan" }).click();
    await page.getByText("Er is 1 fout").waitFor();
    const end = page.getByRole("group", { name: "Blok 2" }).getByLabel("Tot");
    expect(await end.getAttribute("aria-invalid")).toBe("true");
    expect(await end.getAttribute("aria-describedby")).toContain("error");
    await page.getByText("De eindtijd moet na de begintijd liggen.").first().waitFor();
    await expectNoAxeViolations(page, "availability with an error");
    await end.fill("16:00");
    await page.getByRole("button", { name: "Beschikbaarheid opslaan" }).click();
    await page.getByText("Uw beschikbaarheid is opgeslagen.").waitFor();
    await page.getByText("In totaal 8 intakegesprekken per week.").waitFor();
    await expectNoAxeViolations(page, "availability saved");

    // The cohort: long on benefit, never invited, my own clients.
    await openMenuItem(page, "Uitnodigen");
    await expectHeading(page, "Uitnodigen voor een intake");
    expect(await page.getByLabel("Nog niet uitgenodigd").isChecked()).toBe(true);
    expect(await page.getByLabel("Alleen mijn cliënten").isChecked()).toBe(true);
    await page.getByLabel("In de bijstand").selectOption({ label: "5 jaar of langer" });
    await expect.poll(() => page.url()).toContain("minYears=5");
    const cohort = page.getByRole("table", { name: /Cliënten: \d+ gevonden/ });
    const years = () => cohort.locator("tbody tr td:last-child").allInnerTexts();
    await expect.poll(async () => (await years()).length > 1 && (await years()).every((text) => parseInt(text, 10) >= 5)).toBe(true);
    await expectNoAxeViolations(page, "invite");

    // Select the whole page, then nothing, then two clients.
    const rows = cohort.locator("tbody tr");
    const onPage = await rows.count();
    const selectAll = page.getByLabel("Alle cliënten op deze pagina selecteren");
    await selectAll.check();
    await page.getByText(`${onPage} cliënten geselecteerd`).waitFor();
    await selectAll.uncheck();
    await page.getByText("0 cliënten geselecteerd").waitFor();
    // Synthetic names repeat, so clients are told apart by their record's address.
    const chosen = [await hrefOf(rows.nth(0).locator("th a")), await hrefOf(rows.nth(1).locator("th a"))];
    const [familyName, givenName] = (await textOf(rows.nth(0).locator("th"))).split(",").map((part) => part.trim());
    await rows.nth(0).getByRole("checkbox").check();
    await rows.nth(1).getByRole("checkbox").check();
    await page.getByText("2 cliënten geselecteerd").waitFor();
    await page.getByRole("button", { name: "Uitnodigen", exact: true }).click();
    // Registered letters go out: asked first.
    await page
      .getByRole("dialog", { name: "2 uitnodigingen versturen?" })
      .getByRole("button", { name: "Ja, 2 uitnodigingen versturen" })
      .click();

    // The result: two intakes at different times, each with its letter; focus moves to the result.
    await page.getByRole("heading", { level: 2, name: "2 cliënten zijn uitgenodigd" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("invite-result-title");
    const result = page.getByRole("table", { name: "Uitnodigingen: 2" });
    const times = await result.locator("tbody tr td:nth-child(2)").allInnerTexts();
    expect(new Set(times).size).toBe(2);
    const letterLinks = result.getByRole("link", { name: /Brief downloaden \(PDF\)/ });
    expect(await letterLinks.count()).toBe(2);
    expect(await letterLinks.first().getAttribute("href")).toMatch(/^\/api\/v1\/letters\/[0-9a-f-]{36}\/pdf$/);
    // All letters at once for the printer, and the list the post office signs for the registered letters.
    const [printAll] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Alle brieven printen (één PDF)" }).click(),
    ]);
    const batchPdf = fs.readFileSync(await printAll.path());
    expect(batchPdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const printed = await new PDFParse({ data: batchPdf }).getText();
    expect(printed.total).toBeGreaterThanOrEqual(2);
    expect(printed.text.replace(/\s+/g, " ")).toContain(`${givenName} ${familyName}`);
    const [mailList] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Lijst aangetekende post (CSV)" }).click(),
    ]);
    expect(mailList.suggestedFilename()).toMatch(/^aangetekend-lijst-\d{4}-\d{2}-\d{2}\.csv$/);
    const listLines = fs
      .readFileSync(await mailList.path(), "utf8")
      .trim()
      .split("\r\n");
    expect(listLines).toHaveLength(3);
    expect(listLines.slice(1).some((line) => line.includes(`${givenName} ${familyName}`))).toBe(true);
    // Invited clients leave the "not invited yet" list.
    const stillListed = () => cohort.locator("tbody tr th a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    await expect.poll(async () => (await stillListed()).some((href) => href !== null && chosen.includes(href))).toBe(false);
    await expectNoAxeViolations(page, "invite result");

    // Open the first invited client, at the letters.
    const fullName = `${givenName} ${familyName}`;
    await result.locator(`a[href^="${chosen[0]}?"]`).click();
    await expectHeading(page, fullName);
    expect(page.url()).toContain("tab=letters");
    const letters = page.getByRole("table", { name: "Brieven: 1" });
    await letters.waitFor();
    expect(await textOf(letters)).toContain("Verstuurd");

    // Record the registered letter's tracking number and its delivery.
    await page.getByRole("button", { name: /^Bezorging vastleggen/ }).click();
    await page.getByLabel("Track-en-tracenummer").fill("3SNVE2E1234567");
    await page.getByLabel("Bezorging", { exact: true }).selectOption({ label: "Bezorgd" });
    await expectNoAxeViolations(page, "letters with the delivery form");
    await page.getByRole("button", { name: "Bezorging opslaan" }).click();
    await page.getByText("De bezorging is vastgelegd.").waitFor();
    const letterRow = await textOf(letters.locator("tbody tr").first());
    expect(letterRow).toContain("3SNVE2E1234567");
    expect(letterRow).toContain("Bezorgd");
    await expectNoAxeViolations(page, "letters after the delivery");

    // The intake: first without answers (the server names what is missing), then complete.
    const record = page.getByRole("navigation", { name: `Dossier van ${fullName}` });
    await record.getByRole("link", { name: "Intake" }).click();
    await page.getByText("Er is nog geen intake vastgelegd.").waitFor();
    await expectNoAxeViolations(page, "intake tab without an intake");
    await page.getByRole("link", { name: "Intake vastleggen" }).click();
    await expectHeading(page, `Intake met ${fullName}`);
    await expectNoAxeViolations(page, "intake form");
    await page.getByRole("button", { name: "Intake opslaan" }).click();
    await page.getByText(/Er zijn \d+ fouten/).waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains("nv-error-summary"))).toBe(true);
    expect(await page.getByLabel("Reisafstand (km)").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByRole("group", { name: /^Huisvesting/ }).getAttribute("aria-describedby")).toContain("error");
    await expectNoAxeViolations(page, "intake form with errors");
    for (const domain of LIFE_DOMAINS) {
      await page
        .getByRole("group", { name: new RegExp(`^${domain}`) })
        .getByRole("radio", { name: "3 beperkt zelfredzaam" })
        .check();
    }
    await page.getByLabel("maandag ochtend").check();
    await page.getByLabel("woensdag middag").check();
    await page.getByLabel(/^Interesses/).fill("koken, tuinieren");
    await page.getByLabel("Belastbaarheid (uren per week)").fill("12");
    await page.getByLabel("Reisafstand (km)").fill("5");
    await page.getByLabel("Trede nu").selectOption({ label: "2 – Sociale contacten buiten de deur" });
    await page.getByLabel("Groeipotentie").selectOption({ label: "3 – Deelname aan georganiseerde activiteiten" });
    await page.getByRole("button", { name: "Intake opslaan" }).click();
    await expectHeading(page, fullName);
    await page.getByText("De intake is opgeslagen.").waitFor();
    // The intake tab's own facts, below the head of the record.
    const intakeData = page.locator("section[aria-labelledby='intake-title'] dl").first();
    await intakeData.getByText("12 uur per week").waitFor();
    await intakeData.getByText("2 – Sociale contacten buiten de deur").waitFor();
    await expectNoAxeViolations(page, "intake tab with the intake");

    // The ladder history starts with the intake.
    await record.getByRole("link", { name: "Participatieladder" }).click();
    const ladder = page.getByRole("table", { name: "Beoordelingen: 1" });
    await ladder.waitFor();
    expect(await textOf(ladder)).toContain("2 – Sociale contacten buiten de deur");
    await expectNoAxeViolations(page, "ladder");

    // The plan: two steps fit in 12 hours; a third that would make 14 is refused with the reason.
    await record.getByRole("link", { name: "Plan" }).click();
    await page.getByText("Er is nog geen plan.").waitFor();
    await addStep(page, { type: "Taalles", title: "Taalles Nederlands", hours: "4" });
    await page.getByRole("table", { name: "Stappen in versie 1: 1" }).waitFor();
    await addStep(page, { type: "Vrijwilligerswerk", title: "Gastvrouw in het buurthuis", hours: "6" });
    await page.getByRole("table", { name: "Stappen in versie 1: 2" }).waitFor();
    await expectNoAxeViolations(page, "plan builder with a draft");
    await addStep(page, { type: "Bewegen en sport", title: "Wandelgroep", hours: "4" });
    await page
      .getByText("Met deze stap vraagt het plan 14 uur per week, maar de cliënt kan 12 uur per week.", { exact: false })
      .first()
      .waitFor();
    expect(await page.getByLabel("Uren per week").getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page, "plan builder, capacity exceeded");

    // Confirm with a check-in every four weeks; the plan letter is a real PDF.
    await page.getByLabel("Elke hoeveel weken bespreekt u hoe het gaat?").fill("4");
    await page.getByRole("button", { name: "Plan bevestigen" }).click();
    await page.getByRole("dialog", { name: "Versie 1 bevestigen?" }).getByRole("button", { name: "Ja, plan bevestigen" }).click();
    await page.getByText("Versie 1 van het plan is bevestigd.", { exact: false }).waitFor();
    const planLetter = page.getByRole("link", { name: "Planbrief downloaden (PDF)" }).first();
    const response = await page.request.get(await hrefOf(planLetter));
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const [download] = await Promise.all([page.waitForEvent("download"), planLetter.click()]);
    const pdf = fs.readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await expectNoAxeViolations(page, "plan confirmed");

    // A check-in: WHO-5 with a raw score of 10 is flagged at once.
    await record.getByRole("link", { name: "Gesprekken" }).click();
    await page.getByRole("link", { name: "Gesprek vastleggen" }).click();
    await expectHeading(page, `Gesprek met ${fullName}`);
    await page.getByRole("radio", { name: "Telefoon" }).check();
    await page.getByLabel(/^Hoe gaat het/).fill("Het gaat wisselend. Slecht geslapen.");
    for (const statement of WHO5) {
      await page.getByRole("group", { name: statement }).getByRole("radio", { name: "2 minder dan de helft van de tijd" }).check();
    }
    await page.getByText("Score: 10 van 25").waitFor();
    await page.getByText("Dat is lager dan 13.", { exact: false }).waitFor();
    await page.getByRole("group", { name: "Is de cliënt klaar voor een volgende stap?" }).getByRole("radio", { name: "Nee" }).check();
    await expectNoAxeViolations(page, "check-in form");
    await page.getByRole("button", { name: "Gesprek opslaan" }).click();
    await expectHeading(page, fullName);
    await page.getByText("Het gesprek is opgeslagen.").waitFor();
    const checkIns = page.getByRole("table", { name: "Gesprekken: 1" });
    expect(await textOf(checkIns)).toMatch(/10 van 25\s*Aandacht nodig/);
    await expectNoAxeViolations(page, "check-ins");

    // The client is on the work queue for low well-being, with the suggested action.
    await openMenuItem(page, "Werkvoorraad");
    await expectHeading(page, "Werkvoorraad");
    await page.getByLabel("Rijen per pagina").selectOption("200");
    const queue = page.getByRole("table", { name: /aandacht/ });
    const row = queue.locator("tbody tr", { has: page.locator(`a[href="${chosen[0]}"]`) });
    await row.waitFor();
    expect(await textOf(row)).toContain("Lage WHO-5-score");
    await expectNoAxeViolations(page, "work queue with the client");
    await row.getByRole("link", { name: /Bel de cliënt en vraag hoe het gaat/ }).click();
    await expectHeading(page, fullName);
    expect(page.url()).toContain("tab=check-ins");

    await context.close();
  }, 180_000);
});
