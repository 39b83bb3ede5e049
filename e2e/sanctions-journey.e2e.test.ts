import { expectDefined } from "@server/testing/expect-defined.js";
import { todayInAmsterdam } from "@shared/dates.js";
import type { SanctionOutput } from "@shared/schemas/sanctions.js";
import type { MeOutput } from "@shared/schemas/users.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiCaller, apiAs } from "./api.js";
import { expectHeading, expectNoAxeViolations, hrefOf, launchBrowser, logIn, newPage } from "./browser.js";
import { openMenuItem } from "./menu.js";
import { contributionAskedBy } from "./sanction-facts.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let browser: Browser;
let client: { id: string; name: string; first: string; second: string; firstLetter: string; sanctionId?: string };

/**
 * A Charlois client of the demo consultant, never invited before, who is invited by registered letter, misses the
 * intake, is invited a second time (the first missed intake is answered with a second invitation, never a sanction)
 * and misses that one too. Both letters are delivered; the appointments lie in the future, so they are marked missed
 * straight in the database.
 */
async function clientWithMissedIntakes(consultant: ApiCaller): Promise<typeof client> {
  const caseload = await consultant<{ items: { id: string; givenName: string; familyName: string }[] }>(
    "GET",
    "/clients?assignedToMe=true&invited=false&pageSize=100",
  );
  for (const item of caseload.body.items) {
    const exemptions = await consultant<{ items: { scope: string }[] }>("GET", `/clients/${item.id}/exemptions`);
    if (exemptions.body.items.length > 0) continue;
    const missedIntake = async () => {
      const invited = await consultant<{ items: { letterId: string; appointment: { id: string } }[] }>("POST", "/invitations", {
        clientIds: [item.id],
      });
      const invitation = expectDefined(invited.body.items?.[0], `an invitation (${invited.status} ${JSON.stringify(invited.body)})`);
      await deliver(consultant, invitation.letterId);
      await server.db.kysely.updateTable("appointments").set({ status: "missed" }).where("id", "=", invitation.appointment.id).execute();
      return invitation;
    };
    const first = await missedIntake();
    const second = await missedIntake();
    return {
      id: item.id,
      name: `${item.givenName} ${item.familyName}`,
      first: first.appointment.id,
      second: second.appointment.id,
      firstLetter: first.letterId,
    };
  }
  throw new Error("no Charlois client of the demo consultant who was never invited");
}

/** Records a registered letter as delivered. */
async function deliver(consultant: ApiCaller, letterId: string): Promise<void> {
  const delivered = await consultant("POST", `/letters/${letterId}/deliveries`, { status: "delivered", trackingNumber: "3SNVDEMO00042" });
  if (delivered.status !== 201) throw new Error(`could not record the delivery: ${delivered.status} ${JSON.stringify(delivered.body)}`);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  client = await clientWithMissedIntakes(await apiAs(server.baseUrl, "consulent@demo.local"));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const errorSummary = (page: Page) => page.getByText(/Er (is|zijn) \d+ fout/);
const sanctionsTable = (page: Page) => page.getByRole("table", { name: /^Maatregelen van / });
const missedRow = (page: Page) => sanctionsTable(page).getByRole("row", { name: /Komt niet naar afspraken/ });

async function settled(page: Page, what: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page, what);
}

/** Opens the client's sanctions tab and waits for the list and, for caseworkers, the proposal form's choices. */
async function openSanctionsTab(page: Page, proposalForm = true): Promise<void> {
  await page.goto(`/clients/${client.id}?tab=sanctions`);
  await page.getByRole("heading", { level: 2, name: "Maatregelen" }).waitFor();
  await page.waitForFunction(() => !document.querySelector("main")?.textContent?.includes("Bezig met laden"));
  if (proposalForm) await page.locator('section[aria-labelledby="sanction-proposal-title"][aria-busy="false"]').waitFor();
  await page.waitForLoadState("networkidle");
}

describe("a sanction with due process, from the proposal to the reconsideration", () => {
  it("a consultant proposes: the rule on culpability protects the client first; then invites and hears the client", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await openSanctionsTab(page);
    await page.getByText("Er zijn geen maatregelen voorgesteld.").waitFor();
    await page.getByText("Een maatregel gaat nooit vanzelf.", { exact: true }).waitFor();
    await settled(page, "sanctions tab, nothing proposed");

    // Everything is required except the letter, the children and the note; the server names what is missing.
    await page.getByRole("button", { name: "Maatregel voorstellen" }).click();
    await errorSummary(page).waitFor();
    expect(await page.getByLabel("Reden", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page, "proposal with errors");

    await page.getByLabel("Reden", { exact: true }).selectOption({ label: "Komt niet naar afspraken" });
    const appointment = page.getByLabel("Gemiste afspraak");
    await appointment.locator("option").nth(2).waitFor({ state: "attached" });
    expect(await appointment.locator("option").count()).toBe(3);
    await appointment.selectOption({ value: client.first });
    await page.getByLabel("Wat gebeurde er?").fill("Kwam niet naar de intake en belde niet af, terwijl de brief is bezorgd.");
    await page
      .getByRole("group", { name: "Hoeveel valt de cliënt te verwijten?" })
      .getByLabel(/^Niet verwijtbaar/)
      .check();
    await page
      .getByLabel("Omstandigheden van de cliënt")
      .fill("Geen bijzondere omstandigheden bekend; nagevraagd bij de cliënt per telefoon.");
    await page
      .getByRole("group", { name: /^Zijn er dringende redenen/ })
      .getByLabel("Nee")
      .check();
    await page.getByRole("button", { name: "Maatregel voorstellen" }).click();
    await page.getByText("Geen maatregel: de cliënt valt niets te verwijten.").waitFor();
    await page.getByText(/Deze regel beschermt de cliënt/).waitFor();
    expect(await sanctionsTable(page).count()).toBe(0);
    await settled(page, "proposal refused: not culpable");

    await page
      .getByRole("group", { name: "Hoeveel valt de cliënt te verwijten?" })
      .getByLabel(/^Verwijtbaar/)
      .check();
    // The first missed intake is never a ground: the refusal says so plainly, and stores nothing.
    await page.getByRole("button", { name: "Maatregel voorstellen" }).click();
    await page.getByText(/^De eerste gemiste afspraak is geen grond voor een maatregel/).waitFor();
    expect(await sanctionsTable(page).count()).toBe(0);
    await settled(page, "proposal refused: first missed intake");

    await appointment.selectOption({ value: client.second });
    await page.getByRole("button", { name: "Maatregel voorstellen" }).click();
    await page.getByText("Het voorstel is vastgelegd. Nodig de cliënt nu uit voor een gesprek.").waitFor();
    await missedRow(page).getByText("Nog niet uitgenodigd").waitFor();
    await missedRow(page)
      .getByText(/^\d+% voor \d+ maand/)
      .waitFor();
    // A consultant never decides: the decision is a team lead's, and never the proposer's.
    expect(
      await missedRow(page)
        .getByRole("button", { name: /^Beslissen/ })
        .count(),
    ).toBe(0);
    await settled(page, "sanction proposed");

    // Invited by mistake: confirmed, then undone while the letter is still inside; the proposal is as before.
    const invite = async () => {
      await missedRow(page)
        .getByRole("button", { name: /^Uitnodigen voor gesprek/ })
        .click();
      await page.getByRole("dialog", { name: "Brief versturen?" }).getByRole("button", { name: "Ja, brief versturen" }).click();
      await page.getByText(/^De uitnodiging voor het gesprek is verstuurd als aangetekende brief/).waitFor();
    };
    await invite();
    const undo = page.getByRole("button", { name: /^Ongedaan maken/ });
    await undo.waitFor();
    await settled(page, "hearing invitation, with undo");
    await undo.click();
    await page.getByText(/^De uitnodiging voor het gesprek is ongedaan gemaakt/).waitFor();
    await missedRow(page)
      .getByRole("button", { name: /^Uitnodigen voor gesprek/ })
      .waitFor();
    expect(
      await missedRow(page)
        .getByText(/^Uitgenodigd, reageren vóór /)
        .count(),
    ).toBe(0);
    await settled(page, "hearing invitation undone");

    await invite();
    await missedRow(page)
      .getByText(/^Uitgenodigd, reageren vóór /)
      .waitFor();
    await missedRow(page).getByText("Brief: Verstuurd").waitFor();
    await settled(page, "hearing invitation sent");

    // The registered letter's delivery is recorded where all letters are.
    await page.getByRole("link", { name: "Naar Brieven" }).click();
    await page.getByRole("heading", { level: 2, name: "Brieven" }).waitFor();
    // The undone invitation's letter is listed as withdrawn; the delivery is recorded on the one sent.
    await page.getByRole("table").getByText("Ingetrokken", { exact: true }).waitFor();
    const hearingLetter = page
      .getByRole("row", { name: /Wij willen uw kant van het verhaal horen/ })
      .filter({ hasNot: page.getByText("Ingetrokken", { exact: true }) });
    await hearingLetter.getByRole("button", { name: /^Bezorging vastleggen/ }).click();
    await page.getByLabel("Bezorging", { exact: true }).selectOption({ label: "Bezorgd" });
    await page.getByRole("button", { name: "Bezorging opslaan" }).click();
    await page.getByText("De bezorging is vastgelegd.").waitFor();
    await settled(page, "hearing letter delivered");

    await openSanctionsTab(page);
    await missedRow(page).getByText("Brief: Bezorgd").waitFor();
    await missedRow(page)
      .getByRole("button", { name: /^Gesprek vastleggen/ })
      .click();
    await page.getByRole("heading", { level: 4, name: /^Gesprek vastleggen: / }).waitFor();
    await page.getByRole("button", { name: "Gesprek vastleggen", exact: true }).click();
    await errorSummary(page).waitFor();
    await expectNoAxeViolations(page, "hearing with errors");
    await page.getByRole("group", { name: "Hoe reageerde de cliënt?" }).getByLabel("Telefonisch").check();
    await page.getByLabel("Wat zei de cliënt?").fill("De cliënt zegt dat hij de brief te laat opende. Hij wil alsnog een intake.");
    await page.getByRole("button", { name: "Gesprek vastleggen", exact: true }).click();
    await page.getByText("Het gesprek is vastgelegd. Een teamleider kan nu beslissen.").waitFor();
    await missedRow(page)
      .getByText(/^Gehoord op .+ \(Telefonisch\)$/)
      .waitFor();
    await settled(page, "hearing recorded");

    // A correction of the record is a new version: the first one stays.
    await missedRow(page)
      .getByRole("button", { name: /^Correctie vastleggen/ })
      .click();
    await page.getByRole("heading", { level: 4, name: /^Correctie vastleggen: / }).waitFor();
    const record = page.getByLabel("Wat zei de cliënt?");
    expect(await record.inputValue()).toBe("De cliënt zegt dat hij de brief te laat opende. Hij wil alsnog een intake.");
    await record.fill("De cliënt zegt dat hij de brief door ziekte te laat opende. Hij wil alsnog een intake.");
    await expectNoAxeViolations(page, "hearing correction");
    await page.getByRole("button", { name: "Correctie vastleggen", exact: true }).click();
    await page.getByText("De correctie is vastgelegd als nieuwe versie. De eerdere versies blijven bewaard.").waitFor();
    await settled(page, "hearing corrected");

    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const sanctions = await consultant<{ items: SanctionOutput[] }>("GET", `/clients/${client.id}/sanctions`);
    expect(sanctions.body.items).toHaveLength(1);
    client.sanctionId = expectDefined(sanctions.body.items[0], "the proposed sanction").id;
    const decided = await consultant("POST", `/sanctions/${client.sanctionId}/decision`, {
      outcome: "imposed",
      reasons: "Zelf beslissen.",
    });
    expect(decided.status).toBe(403);
    await context.close();
  }, 180_000);

  it("a team lead opens the proposals, decides with reasons and downloads the decision letter; not on their own proposal", async () => {
    // The team lead's own proposal for the same client: someone else decides that one.
    const lead = await apiAs(server.baseUrl, "teamleider@demo.local");
    const own = await lead<SanctionOutput>("POST", `/clients/${client.id}/sanctions`, {
      ground: "refusedContribution",
      letterId: client.firstLetter,
      factsDate: todayInAmsterdam(),
      facts: "Wilde niet meedoen aan wat de brief vroeg.",
      culpability: "reduced",
      circumstances: "Geen bijzondere omstandigheden.",
      urgentReasons: false,
    });
    expect(own.status).toBe(201);
    const ownDecision = await lead<{ code: string }>("POST", `/sanctions/${own.body.id}/decision`, {
      outcome: "imposed",
      reasons: "Eigen voorstel.",
    });
    expect(ownDecision.status).toBe(403);
    expect(ownDecision.body.code).toBe("sameDecisionMaker");

    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "teamleider@demo.local");
    await openMenuItem(page, "Maatregelen");
    await expectHeading(page, "Maatregelen om te beslissen");
    const proposals = page.getByRole("table", { name: /^Wachten op een besluit: \d+/ });
    await proposals.waitFor();
    await settled(page, "sanctions to decide");

    await proposals.getByRole("link", { name: client.name }).first().click();
    await page.getByRole("heading", { level: 2, name: "Maatregelen" }).waitFor();
    await openSanctionsTab(page);
    const ownRow = sanctionsTable(page).getByRole("row", { name: /Weigert de tegenprestatie/ });
    await ownRow.getByText("U deed dit voorstel. Een andere teamleider beslist.").waitFor();
    expect(await ownRow.getByRole("button", { name: /^Beslissen/ }).count()).toBe(0);
    await settled(page, "client sanctions as team lead");

    await missedRow(page)
      .getByRole("button", { name: /^Beslissen/ })
      .click();
    await page.getByRole("heading", { level: 4, name: /^Beslissen: / }).waitFor();
    await page.getByText(/^De verordening \(versie \d+\) geeft: /).waitFor();
    // The decider reads every version of the hearing record, oldest first, and which one corrects which.
    const versions = page.getByRole("list", { name: /^Verslagen van het gesprek \(2 versies/ }).getByRole("listitem");
    await versions.first().waitFor();
    expect(await versions.count()).toBe(2);
    await versions.nth(0).getByText("De cliënt zegt dat hij de brief te laat opende. Hij wil alsnog een intake.").waitFor();
    await versions
      .nth(1)
      .getByText(/door ziekte/)
      .waitFor();
    await versions
      .nth(1)
      .getByText(/Dit is een correctie van versie 1\./)
      .waitFor();
    await versions
      .nth(1)
      .getByText(/Vastgelegd door .+ op /)
      .waitFor();
    await page.getByRole("button", { name: "Besluit opslaan" }).click();
    await errorSummary(page).waitFor();
    expect(await page.getByRole("dialog", { name: "Brief versturen?" }).count()).toBe(0);
    await expectNoAxeViolations(page, "decision with errors");

    // A lower sanction asks for the lower terms.
    const outcome = page.getByRole("group", { name: "Uw besluit" });
    await outcome.getByLabel("Opgelegd, maar lager").check();
    await page.getByLabel("Percentage").waitFor();
    await page.getByLabel("Aantal maanden").waitFor();
    await expectNoAxeViolations(page, "decision, lower sanction");

    await outcome.getByLabel("Opgelegd zoals de verordening zegt").check();
    expect(await page.getByLabel("Percentage").count()).toBe(0);
    await page
      .getByLabel("Redenen van uw besluit")
      .fill("De brief is bezorgd en de cliënt belde niet af. Zijn reactie verklaart het niet; geen dringende redenen.");
    await page.getByRole("button", { name: "Besluit opslaan" }).click();
    await page.getByRole("dialog", { name: "Brief versturen?" }).getByRole("button", { name: "Ja, brief versturen" }).click();
    await page.getByText("Het besluit is opgeslagen. De besluitbrief staat klaar bij de maatregel.").waitFor();
    await missedRow(page).getByText("Opgelegd zoals de verordening zegt").waitFor();
    await missedRow(page)
      .getByText(/^Heroverwegen vóór /)
      .waitFor();
    const letter = missedRow(page).getByRole("link", { name: /^Besluitbrief downloaden/ });
    await letter.waitFor();
    await settled(page, "sanction decided");

    const pdf = await page.request.get(await hrefOf(letter));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const download = page.waitForEvent("download");
    await letter.click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
    await context.close();
  }, 180_000);

  it("the team lead reconsiders the imposed sanction: it stays", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "teamleider@demo.local");
    await openSanctionsTab(page);
    await missedRow(page)
      .getByRole("button", { name: /^Heroverwegen/ })
      .click();
    await page.getByRole("group", { name: "Uitkomst" }).getByLabel("De maatregel blijft").check();
    await page.getByLabel("Waarom?").fill("De omstandigheden zijn niet veranderd.");
    await page.getByRole("button", { name: "Heroverweging opslaan" }).click();
    await page.getByRole("dialog", { name: "Brief versturen?" }).getByRole("button", { name: "Ja, brief versturen" }).click();
    await page.getByText("De heroverweging is opgeslagen.").waitFor();
    await missedRow(page)
      .getByText(/^Heroverwogen op .+: de maatregel blijft$/)
      .waitFor();
    // An objection goes against the decision, in the client's decisions, not here.
    expect(
      await missedRow(page)
        .getByRole("button", { name: /bezwaar/i })
        .count(),
    ).toBe(0);
    await settled(page, "sanction reconsidered");
    await context.close();
  }, 120_000);

  it("the client responds through the website and finds the decision letter", async () => {
    const self = await apiAs(server.baseUrl, "klant@demo.local");
    const clientId = expectDefined((await self<MeOutput>("GET", "/me")).body.clientId, "the client behind the account");
    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const proposed = await consultant<SanctionOutput>("POST", `/clients/${clientId}/sanctions`, {
      ground: "refusedContribution",
      ...(await contributionAskedBy(consultant, clientId)),
      factsDate: todayInAmsterdam(),
      facts: "Wilde niet beginnen bij de voedselbank.",
      culpability: "full",
      circumstances: "Geen bijzondere omstandigheden bekend.",
      urgentReasons: false,
    });
    expect(proposed.status).toBe(201);

    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "klant@demo.local");
    await page.goto(`/clients/${clientId}?tab=sanctions`);
    await page.getByRole("heading", { level: 2, name: "Maatregelen" }).waitFor();
    await page.getByText(/^Een maatregel gaat nooit vanzelf. Bent u ziek/).waitFor();
    const row = sanctionsTable(page).getByRole("row", { name: /Weigert de tegenprestatie/ });
    await row.waitFor();
    expect(await page.getByRole("button", { name: "Maatregel voorstellen" }).count()).toBe(0);
    await settled(page, "client's own sanctions");

    // Only their own words: the date is today and the channel is the website.
    await row.getByRole("button", { name: /^Reageren/ }).click();
    expect(await page.getByLabel("Datum van het gesprek").count()).toBe(0);
    await page.getByLabel("Uw reactie", { exact: true }).fill("Ik kon niet beginnen, want ik moest die dag voor mijn moeder zorgen.");
    await page.getByRole("button", { name: "Reactie versturen" }).click();
    await page.getByText("Uw reactie is verstuurd. De teamleider leest die voordat die beslist.").waitFor();
    await row.getByText(/^Gehoord op .+ \(Via de website\)$/).waitFor();
    await settled(page, "client responded");

    const lead = await apiAs(server.baseUrl, "teamleider@demo.local");
    const decided = await lead<SanctionOutput>("POST", `/sanctions/${proposed.body.id}/decision`, {
      outcome: "imposed",
      reasons: "De zorg voor de moeder was die dag niet nodig.",
    });
    expect(decided.status).toBe(200);
    expect(decided.body.decisionLetterId).toBeTruthy();

    await page.reload();
    await row.getByRole("link", { name: /^Besluitbrief downloaden/ }).waitFor();
    await settled(page, "client sees the decision letter");
    await context.close();
  }, 120_000);

  it("a researcher sees the figures per district and month, small counts hidden", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "onderzoeker@demo.local");
    await openMenuItem(page, "Cijfers");
    await expectHeading(page, "Cijfers");
    // This month's proposals and refusal of this journey are fewer than five: the researcher sees them hidden.
    const table = page.getByRole("table", { name: "Maatregelen" });
    await table.waitFor();
    await table.getByText("verborgen").first().waitFor();
    await page.getByText(/^Aantallen kleiner dan 5 tonen we niet, zodat niemand te herkennen is\./).waitFor();
    await settled(page, "sanction figures as researcher");
    await context.close();
  }, 120_000);
});
