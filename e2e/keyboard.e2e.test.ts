import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectHeading, expectNoAxeViolations, launchBrowser, newPage, textOf } from "./browser.js";
import { focused, tabTo } from "./keyboard.js";
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

describe("keyboard only", () => {
  it("logs in, opens a client and corrects an invalid postcode without a mouse", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    // Consultants land on their work queue; this run goes to the caseload straight after login.
    await page.goto("/login?next=%2Fclients");
    await expectHeading(page, "Inloggen");

    // The skip link comes first and moves focus to the main content.
    await page.keyboard.press("Tab");
    expect((await focused(page)).text).toBe("Naar de inhoud");
    await page.keyboard.press("Enter");
    expect((await focused(page)).id).toBe("main");

    await tabTo(page, (el) => el.id === "field-email");
    await page.keyboard.type("consulent@demo.local");
    await page.keyboard.press("Tab");
    expect((await focused(page)).id).toBe("field-password");
    await page.keyboard.type("demo");
    await page.keyboard.press("Enter");
    await expectHeading(page, "Cliënten");

    // After navigation focus sits on the new page's h1; from there Tab reaches the first client.
    await page.getByRole("table").waitFor();
    await tabTo(page, (el) => el.tag === "A" && /^[^,]+, .+/.test(el.text), 80);
    const target = (await focused(page)).text;
    await page.keyboard.press("Enter");
    const [familyName, givenName] = target.split(",").map((s) => s.trim());
    await expectHeading(page, `${givenName} ${familyName}`);
    expect((await focused(page)).tag).toBe("H1");

    await tabTo(page, (el) => el.text === "Gegevens wijzigen");
    await page.keyboard.press("Enter");
    await expectHeading(page, `${givenName} ${familyName} wijzigen`);
    expect((await focused(page)).tag).toBe("H1");

    // Type an invalid postcode and submit with the keyboard.
    await tabTo(page, (el) => el.id === "field-postcode");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("12345");
    await tabTo(page, (el) => el.tag === "BUTTON" && el.text === "Wijzigingen opslaan");
    await page.keyboard.press("Enter");

    // The error summary takes focus and links to the field.
    await page.getByText("Er is 1 fout").waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains("nv-error-summary"))).toBe(true);
    const postcode = page.locator("#field-postcode");
    expect(await postcode.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await postcode.getAttribute("aria-describedby")) ?? "";
    expect(describedBy).toContain("field-postcode-error");
    expect(await textOf(page.locator("#field-postcode-error"))).toContain("Vul een Nederlandse postcode in");
    await expectNoAxeViolations(page, "client edit with an error");

    await page.keyboard.press("Tab");
    expect((await focused(page)).text).toContain("Vul een Nederlandse postcode in");
    await page.keyboard.press("Enter");
    expect((await focused(page)).id).toBe("field-postcode");

    // Fix it and submit with Enter from the field itself.
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("3082 ab");
    await page.keyboard.press("Enter");
    await expectHeading(page, `${givenName} ${familyName}`);
    await page.getByText("De gegevens zijn opgeslagen.").waitFor();
    const postcodeValue = page.locator("dt", { hasText: /^Postcode$/ }).locator("xpath=following-sibling::dd[1]");
    expect(await textOf(postcodeValue)).toBe("3082 AB");
    expect((await focused(page)).tag).toBe("H1");

    await context.close();
  }, 120_000);
});
