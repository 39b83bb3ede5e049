import { expectDefined } from "@server/testing/expect-defined.js";
import { addDays, todayInAmsterdam } from "@shared/dates.js";
import type { ActivityProposalOutput } from "@shared/schemas/activity-proposals.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./api.js";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage } from "./browser.js";
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

const errorSummary = (page: Page) => page.getByText(/Er (is|zijn) \d+ fout/);

async function settled(page: Page, what: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page, what);
}

describe("the demo client proposes an activity and the consultant accepts it", () => {
  it("goes from the client's start page on a phone to a decision with a letter that counts as the contribution", async () => {
    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const clientApi = await apiAs(server.baseUrl, "klant@demo.local");
    const clientId = expectDefined((await clientApi<{ clientId: string | null }>("GET", "/me")).body.clientId);
    // Room in capacity, as an intake would have recorded it.
    expect((await consultant("PATCH", `/clients/${clientId}`, { capacityHoursPerWeek: 40 })).status).toBe(200);

    // The client, on a phone.
    const phone = await browser.newContext({ baseURL: server.baseUrl, locale: "nl-NL", viewport: { width: 390, height: 844 } });
    const page = await phone.newPage();
    await logIn(page, "klant@demo.local");
    await page.getByRole("link", { name: "Zelf iets voorstellen" }).click();
    await expectHeading(page, "Zelf iets voorstellen");
    await page.getByText("U heeft nog niets voorgesteld.").waitFor();
    await settled(page, "propose page, empty");
    await expectNoSidewaysScroll(page, "propose page, empty", [390, 360, 1280]);

    // Sent empty, the server names what is missing, beside each field and above the form.
    await page.getByRole("button", { name: "Voorstel versturen" }).click();
    await errorSummary(page).waitFor();
    expect(await page.getByLabel("Waar doet u het?").getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page, "propose form with errors");

    await page.getByRole("group", { name: "Wat doet u?" }).getByLabel("Ik volg een cursus").check();
    await page.getByLabel("Vertel wat u doet").fill("Ik leer Nederlands, twee ochtenden per week.");
    await page.getByLabel("Waar doet u het?").fill("Buurthuis De Boog");
    await page.getByLabel("Hoeveel uur per week ongeveer?").fill("3,5");
    await page.getByLabel(/^Sinds wanneer doet u het\?/).fill(addDays(todayInAmsterdam(), -30));
    await page.getByLabel("Wie kan het bevestigen? (niet verplicht)").fill("Docent Fatima, 010 123 45 67");
    await page.getByRole("button", { name: "Voorstel versturen" }).click();
    await page.getByText("Uw voorstel is verstuurd.", { exact: false }).waitFor();
    const mine = page.getByRole("article").filter({ hasText: "Buurthuis De Boog" });
    await mine.getByText("Uw consulent kijkt ernaar").waitFor();
    await settled(page, "proposal sent");
    await expectNoSidewaysScroll(page, "proposal sent", [390, 360, 1280]);
    await page.setViewportSize({ width: 390, height: 844 });

    // The consultant finds it on the work queue and decides it on the client's record.
    const { context, page: desk } = await newPage(browser, server.baseUrl);
    await logIn(desk, "consulent@demo.local");
    await desk.goto("/work-queue?reason=activityProposed");
    // The row's action link (the same link also stands in its folded-away details).
    const act = desk.locator(`a[href="/clients/${clientId}?tab=placements"]:visible`).first();
    expect(await act.textContent()).toMatch(/^Besluit over het voorstel/);
    await settled(desk, "work queue with a proposal");
    await act.click();
    const review = desk.getByRole("region", { name: "Voorstellen van de cliënt" });
    const proposal = review.getByRole("article").filter({ hasText: "Buurthuis De Boog" });
    await proposal.getByText("Ik leer Nederlands, twee ochtenden per week.").waitFor();
    await proposal.getByText("De cliënt zelf").waitFor();
    await settled(desk, "client's proposal to review");

    await proposal.getByRole("button", { name: /^Besluiten/ }).click();
    await proposal.getByRole("group", { name: "Uw besluit" }).getByLabel("Goedkeuren: het telt als tegenprestatie").check();
    expect(await proposal.getByLabel("Uren per week die meetellen").inputValue()).toBe("3.5");
    // The form checks itself before it asks: no question while the reason is missing.
    await proposal.getByRole("button", { name: "Besluit vastleggen" }).click();
    await errorSummary(desk).waitFor();
    expect(await desk.getByRole("dialog", { name: "Besluit versturen?" }).count()).toBe(0);
    expect(await proposal.getByLabel("Reden").getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(desk, "decision form with errors");
    await proposal.getByLabel("Reden").fill("Nederlands leren helpt u om mee te doen in de buurt.");
    await proposal.getByRole("button", { name: "Besluit vastleggen" }).click();
    await desk.getByRole("dialog", { name: "Besluit versturen?" }).getByRole("button", { name: "Ja, besluit versturen" }).click();
    await review.getByText("Het besluit is vastgelegd.", { exact: false }).waitFor();
    await proposal.getByText("Telt mee: 3,5 uur per week").waitFor();
    await settled(desk, "proposal accepted, with undo");

    // Undone while its letter is still inside: the proposal waits for a decision again, and is decided anew.
    await review.getByRole("button", { name: /^Ongedaan maken/ }).click();
    await review.getByText("Het besluit is ongedaan gemaakt.", { exact: false }).waitFor();
    await proposal.getByRole("button", { name: /^Besluiten/ }).waitFor();
    expect(await proposal.getByText("Telt mee: 3,5 uur per week").count()).toBe(0);
    const reopened = await consultant<{ items: ActivityProposalOutput[] }>("GET", `/clients/${clientId}/activity-proposals`);
    expect(reopened.body.items.find((p) => p.place === "Buurthuis De Boog")).toMatchObject({ status: "pending", contributionId: null });
    await settled(desk, "proposal decision undone");
    await proposal.getByRole("button", { name: /^Besluiten/ }).click();
    await proposal.getByRole("group", { name: "Uw besluit" }).getByLabel("Goedkeuren: het telt als tegenprestatie").check();
    await proposal.getByLabel("Reden").fill("Nederlands leren helpt u om mee te doen in de buurt.");
    await proposal.getByRole("button", { name: "Besluit vastleggen" }).click();
    await desk.getByRole("dialog", { name: "Besluit versturen?" }).getByRole("button", { name: "Ja, besluit versturen" }).click();
    await proposal.getByText("Telt mee: 3,5 uur per week").waitFor();
    await settled(desk, "proposal accepted");
    await context.close();

    // The client sees the outcome, the reasons and the letter, and the way to the decision to object.
    await page.reload();
    await mine.getByText("Telt mee: 3,5 uur per week").waitFor();
    await mine.getByText("Nederlands leren helpt u om mee te doen in de buurt.").waitFor();
    await mine.getByRole("link", { name: /^Brief lezen \(PDF\)/ }).waitFor();
    await settled(page, "proposal accepted, as the client sees it");
    await mine.getByRole("link", { name: /^Bekijk het besluit/ }).click();
    await expectHeading(page, "Mijn besluiten");
    await page.getByRole("heading", { name: /Uw voorstel telt mee/ }).waitFor();
    await phone.close();

    const listed = await clientApi<{ items: ActivityProposalOutput[] }>("GET", `/clients/${clientId}/activity-proposals`);
    const accepted = expectDefined(listed.body.items.find((p) => p.place === "Buurthuis De Boog"));
    expect(accepted).toMatchObject({ status: "accepted", acceptedHoursPerWeek: 3.5, kind: "course" });
    const contributions = await clientApi<{ items: { id: string }[]; contributingThrough: string[] }>(
      "GET",
      `/clients/${clientId}/contributions`,
    );
    expect(contributions.body.items.map((c) => c.id)).toContain(accepted.contributionId);
    expect(contributions.body.contributingThrough).toContain("course");
  }, 180_000);
});
