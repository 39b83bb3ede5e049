import fs from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { renderLetterPdf } from "./pdf.js";
import { LETTER_PARTIALS, LETTER_TEMPLATES, type LetterTemplate, renderTemplate, rightsBlocks } from "./templates.js";

const TEMPLATE_DIR = path.join(import.meta.dirname, "templates");
type Data = { [key: string]: Data | Data[] | string | boolean };

/**
 * Data that fills every field a template names: each value a word, each `#if`/`#unless` true, each `#each` one item
 * with the fields used inside it; partials are followed. Built from the template itself, so a new letter kind
 * needs no sample of its own to be checked.
 */
function sampleDataFor(name: LetterTemplate): Data {
  const data: Data = {};
  const partials = new Map(
    LETTER_PARTIALS.map((partial) => [partial, fs.readFileSync(path.join(TEMPLATE_DIR, "partials", `${partial}.nl.hbs`), "utf8")]),
  );
  const put = (scope: Data, parts: string[], value: Data[keyof Data]) => {
    let at = scope;
    parts.slice(0, -1).forEach((part) => {
      if (typeof at[part] !== "object" || Array.isArray(at[part])) at[part] = {};
      at = at[part] as Data;
    });
    const last = parts.at(-1);
    if (last && at[last] === undefined) at[last] = value;
  };
  const pathOf = (expression: hbs.AST.Expression) =>
    expression.type === "PathExpression" ? (expression as hbs.AST.PathExpression).parts : [];
  const walk = (program: hbs.AST.Program, scope: Data) => {
    for (const statement of program.body) {
      if (statement.type === "MustacheStatement") {
        const parts = pathOf((statement as hbs.AST.MustacheStatement).path);
        if (parts.length > 0) put(scope, parts, "Voorbeeld");
      } else if (statement.type === "BlockStatement") {
        const block = statement as hbs.AST.BlockStatement;
        const blockName = pathOf(block.path)[0];
        const target = pathOf(block.params[0] as hbs.AST.Expression);
        if (blockName === "each") {
          const item: Data = {};
          put(scope, target, [item]);
          walk(block.program, item);
        } else {
          // `#if list.length` tests a list an `#each` fills.
          if (target.at(-1) !== "length") put(scope, target, true);
          walk(block.program, scope);
          if (block.inverse) walk(block.inverse, scope);
        }
      } else if (statement.type === "PartialStatement") {
        const name = ((statement as hbs.AST.PartialStatement).name as hbs.AST.PathExpression).original;
        const source = partials.get(name as (typeof LETTER_PARTIALS)[number]);
        if (source) walk(Handlebars.parse(source), scope);
      }
    }
  };
  walk(Handlebars.parse(fs.readFileSync(path.join(TEMPLATE_DIR, `${name}.nl.hbs`), "utf8")), data);
  return data;
}

describe("every letter says what the client's rights are", () => {
  const rightsText = rightsBlocks()
    .map((block) => block.text)
    .join(" ");

  it("knows every template in the folder", () => {
    const files = fs
      .readdirSync(TEMPLATE_DIR)
      .filter((file) => file.endsWith(".nl.hbs"))
      .map((file) => file.replace(".nl.hbs", ""));
    expect(files.sort()).toEqual([...LETTER_TEMPLATES].sort());
  });

  it("says what may be refused and what refusing can mean, how to object, and where free help is", () => {
    for (const expected of [
      "Uw rechten",
      "U mag nee zeggen",
      "gevolgen hebben voor uw uitkering",
      "binnen zes weken bezwaar maken",
      "Iemand die u zelf kiest",
      "Juridisch Loket",
      "ombudsman",
    ]) {
      expect(rightsText).toContain(expected);
    }
  });

  it.each(LETTER_TEMPLATES)("%s carries the paragraph, read back from its PDF", async (name) => {
    const { subject, blocks } = renderTemplate(name, sampleDataFor(name));
    const pdf = await renderLetterPdf({
      reference: "NV-2026-RIGHTS1",
      letterDate: "2026-12-03",
      recipient: ["Voorbeeld Klant", "Dorpsweg 1", "3083 KL Rotterdam"],
      subject,
      blocks,
      registered: false,
    });
    // A paragraph that runs onto the next page is read back with that page's footer in between: leave footers out.
    const text = (await new PDFParse({ data: pdf }).getText()).text
      .replace(/NV-2026-RIGHTS1 · pagina \d+ van \d+\s*-- \d+ of \d+ --/g, " ")
      .replace(/\s+/g, " ");
    expect(text).toContain("Uw rechten");
    for (const block of rightsBlocks()) expect(text).toContain(block.text.replace(/\s+/g, " "));
  });
});
