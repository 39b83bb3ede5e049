import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expectDefined } from "@server/testing/expect-defined.js";
import { buildClient } from "@server/testing/factories.js";
import { todayInAmsterdam } from "@shared/dates.js";
import { REGISTRY_COLUMNS } from "@shared/schemas/registry.js";
import { completeBsn } from "@shared/validation/bsn.js";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./api.js";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage, textOf } from "./browser.js";
import { expectNoSidewaysScroll } from "./layout.js";
import { openMenuItem } from "./menu.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nv-registry-e2e-"));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A registry file in Windows-1252, as older exports are written: a new client, and a child too young to register. */
function writeRegistryFile(name: string, header: string): string {
  const bsn = (start: number) => {
    for (let n = start; ; n++) {
      const found = completeBsn(String(n));
      if (found) return found;
    }
  };
  const line = (cells: string[]) => `${cells.join(";")}\r\n`;
  const rows = [
    [
      bsn(97100001),
      "Zoë",
      "Brouwer",
      "03-02-1981",
      "Dorpsweg",
      "7",
      "",
      "3083 AB",
      "Rotterdam",
      "alleenstaand",
      "",
      "",
      "",
      "01-01-2016",
      "",
      "",
    ],
    [
      bsn(97100101),
      "Sem",
      "Visser",
      "01-01-2015",
      "Dorpsweg",
      "9",
      "",
      "3083 AB",
      "Rotterdam",
      "alleenstaand",
      "",
      "",
      "",
      "01-01-2020",
      "",
      "",
    ],
  ];
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(header + rows.map(line).join(""), "latin1"));
  return file;
}

describe("the functional administrator imports the client registry", () => {
  it("refuses a wrong header, imports a Windows-1252 file with a row report, and shows the state pension ages, at 360 px", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "admin@demo.local");
    await openMenuItem(page, "Cliëntenregister");
    await expectHeading(page, "Cliëntenregister");
    await page.getByRole("table", { name: "AOW-leeftijd per geboortedatum" }).waitFor();
    await expectNoAxeViolations(page, "registry page");

    const goodHeader = `${REGISTRY_COLUMNS.map((c) => c.header).join(";")}\r\n`;
    await page.getByLabel("Bestand").setInputFiles(writeRegistryFile("fout.csv", goodHeader.replace("Postcode", "PC")));
    await page.getByRole("button", { name: "Inlezen" }).click();
    await page.getByText("Kolom 8 moet „Postcode” heten.").waitFor();
    await expectNoAxeViolations(page, "wrong header");

    await page.getByLabel("Bestand").setInputFiles(writeRegistryFile("goed.csv", goodHeader));
    await page.getByRole("button", { name: "Inlezen" }).click();
    const summary = page.getByRole("status").filter({ hasText: "rijen gelezen" });
    await summary.waitFor();
    expect(await textOf(summary)).toContain("2 rijen gelezen: 1 nieuw, 0 gewijzigd, 0 ongewijzigd, 1 geweigerd.");
    const report = page.getByRole("table", { name: /rijen die nieuw, gewijzigd of geweigerd zijn/ });
    expect(await textOf(report.locator("tbody tr").nth(1))).toContain("Geboortedatum: Deze persoon is jonger dan 18 jaar.");
    await expectNoAxeViolations(page, "import report");
    expect(await textOf(report.locator("tbody tr").nth(0))).toContain("Nieuw");
    await expectNoSidewaysScroll(page, "import report");
    await context.close();
  }, 120_000);

  it("lets the consultant see a client's partner and record the end of the benefit on the record", async () => {
    const consultantApi = await apiAs(server.baseUrl, "consulent@demo.local");
    const page1 = await consultantApi<{ items: { id: string; familyName: string }[] }>("GET", "/clients?district=Charlois&pageSize=200");
    const records = await Promise.all(
      page1.body.items.map(
        async (item) =>
          (await consultantApi<{ id: string; householdPartners: { familyName: string }[] }>("GET", `/clients/${item.id}`)).body,
      ),
    );
    const withPartner = records.find((r) => r.householdPartners.length > 0);
    if (!withPartner) throw new Error("no Charlois client with a partner in the demo");

    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await page.goto(`/clients/${withPartner.id}`);
    const partner = expectDefined(withPartner.householdPartners[0], "the partner");
    await page
      .getByRole("link", { name: new RegExp(partner.familyName) })
      .first()
      .waitFor();
    await page.getByRole("heading", { name: "Uitkering gestopt" }).waitFor();
    await expectNoAxeViolations(page, "client record with partner");
    await page.getByLabel("Laatste dag van de uitkering").fill(new Date().toISOString().slice(0, 10));
    await page.getByLabel("Reden").selectOption("work");
    await page.getByRole("button", { name: "Einde uitkering vastleggen" }).click();
    const ask = page.getByRole("dialog", { name: "Brief versturen?" });
    expect(await ask.textContent()).toMatch(/Deze brief gaat naar .+: de uitkering is gestopt/);
    await ask.getByRole("button", { name: "Ja, brief versturen" }).click();
    await page.getByText(/Gestopt op .* \(werk\)/).waitFor();
    // The form is gone; the section stays with the status of the end.
    expect(await page.getByRole("button", { name: "Einde uitkering vastleggen" }).count()).toBe(0);
    await expectNoAxeViolations(page, "client record after the benefit ended");
    await expectNoSidewaysScroll(page, "client record after the benefit ended");
    await context.close();
  }, 120_000);

  it("undoes the end of a benefit while its letter is inside: what it stopped runs again", async () => {
    const consultantApi = await apiAs(server.baseUrl, "consulent@demo.local");
    const created = await consultantApi<{ id: string }>("POST", "/clients", {
      ...buildClient({ givenName: "Ruben", familyName: "Terugdraai" }),
      capacityHoursPerWeek: 12,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const clientId = created.body.id;
    // A step that runs: the end stops it, so the client gets a letter.
    const step = await consultantApi("POST", `/clients/${clientId}/plan-steps`, {
      type: "languageCourse",
      title: "Taalles in de buurt",
      hoursPerWeek: 1,
      startDate: todayInAmsterdam(),
    });
    expect(step.status, JSON.stringify(step.body)).toBe(201);
    const stepStatus = async () => {
      const plans = await consultantApi<{ items: { steps: { title: string; status: string }[] }[] }>("GET", `/clients/${clientId}/plans`);
      return plans.body.items.flatMap((plan) => plan.steps).find((s) => s.title === "Taalles in de buurt")?.status;
    };
    const before = await stepStatus();

    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await page.goto(`/clients/${clientId}`);
    await page.getByRole("heading", { name: "Uitkering gestopt" }).waitFor();
    await page.getByLabel("Laatste dag van de uitkering").fill(todayInAmsterdam());
    await page.getByLabel("Reden").selectOption("work");
    await page.getByRole("button", { name: "Einde uitkering vastleggen" }).click();
    await page.getByRole("dialog", { name: "Brief versturen?" }).getByRole("button", { name: "Ja, brief versturen" }).click();
    const ended = page.getByRole("status").filter({ hasText: /Het einde van de uitkering per .* is vastgelegd/ });
    await ended.waitFor();
    expect(await stepStatus()).not.toBe(before);
    await expectNoAxeViolations(page, "the benefit's end, undoable");

    await ended.getByRole("button", { name: /^Ongedaan maken/ }).click();
    await page.getByText("Het einde van de uitkering is ongedaan gemaakt. Wat gestopt was, loopt weer. De brief is ingetrokken.").waitFor();
    await page.getByRole("button", { name: "Einde uitkering vastleggen" }).waitFor();
    await expectNoAxeViolations(page, "the benefit's end undone");
    await context.close();
    expect(await stepStatus()).toBe(before);
    const client = await consultantApi<{ benefitEndDate: string | null }>("GET", `/clients/${clientId}`);
    expect(client.body.benefitEndDate).toBeNull();
  }, 120_000);
});
