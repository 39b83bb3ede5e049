import fs from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import municipality from "./municipality.json" with { type: "json" };

/** A block of letter body text: a heading, a bullet or a paragraph. */
export type LetterBlock = { kind: "heading" | "bullet" | "paragraph"; text: string };

export interface RenderedTemplate {
  subject: string;
  blocks: LetterBlock[];
}

export const LETTER_TEMPLATES = [
  "invitation",
  "plan-confirmation",
  "placement-agreement",
  "placement-agreement-host",
  "placement-attribution",
  "placement-ended-displacement",
  "benefit-ended",
  "contribution-agreement",
  "accountability-request",
  "accountability-reminder",
  "sanction-hearing",
  "sanction-decision",
  "decision",
  "objection-decision",
  "objection-postponement",
  "objection-hearing",
] as const;
export type LetterTemplate = (typeof LETTER_TEMPLATES)[number];

const TEMPLATE_DIR = path.join(import.meta.dirname, "templates");
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/**
 * The shared parts of letters, e.g. `{{> remedy}}` (the legal remedy notice under a decision, Awb 3:45) and
 * `{{> appeal}}` (the appeal notice under a decision on objection), from `templates/partials/`.
 */
export const LETTER_PARTIALS = ["remedy", "appeal"] as const;
let partialsRegistered = false;

function registerPartials(): void {
  if (partialsRegistered) return;
  for (const name of LETTER_PARTIALS)
    Handlebars.registerPartial(name, fs.readFileSync(path.join(TEMPLATE_DIR, "partials", `${name}.nl.hbs`), "utf8"));
  partialsRegistered = true;
}

function compile(name: LetterTemplate): Handlebars.TemplateDelegate {
  let template = compiled.get(name);
  if (!template) {
    registerPartials();
    const source = fs.readFileSync(path.join(TEMPLATE_DIR, `${name}.nl.hbs`), "utf8");
    // Strict: a missing field is an error, never an empty gap in a legal letter. No HTML escaping: this is a PDF.
    template = Handlebars.compile(source, { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return template;
}

let rights: LetterBlock[] | undefined;

/**
 * The paragraph on the client's rights that closes every letter (what they may refuse, how to object, where free
 * help is), from `templates/partials/rights.nl.hbs` with the municipality's details. Added here, not per template,
 * so no letter can leave it out.
 */
export function rightsBlocks(): LetterBlock[] {
  if (!rights) {
    const source = fs.readFileSync(path.join(TEMPLATE_DIR, "partials", "rights.nl.hbs"), "utf8");
    rights = parseBlocks(Handlebars.compile(source, { noEscape: true, strict: true })(municipality));
  }
  return rights;
}

/**
 * Renders a letter template (`subject:` line, `---`, then a body where `# ` starts a heading, `- ` a bullet,
 * and blank lines separate paragraphs) into a subject and blocks, closed by the paragraph on the client's rights.
 */
export function renderTemplate(name: LetterTemplate, data: Record<string, unknown>): RenderedTemplate {
  const text = compile(name)(data);
  const [head, ...rest] = text.split(/^---$/m);
  const subject = /^subject:\s*(.+)$/m.exec(head ?? "")?.[1]?.trim();
  if (!subject || rest.length === 0) throw new Error(`Letter template ${name} lacks a subject line and ---`);
  return { subject, blocks: [...parseBlocks(rest.join("---")), ...rightsBlocks()] };
}

function parseBlocks(body: string): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", text: paragraph.join("\n") });
    paragraph = [];
  };
  for (const line of body.split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "") flush();
    else if (trimmed.startsWith("# ")) {
      flush();
      blocks.push({ kind: "heading", text: trimmed.slice(2) });
    } else if (trimmed.startsWith("- ")) {
      flush();
      blocks.push({ kind: "bullet", text: trimmed.slice(2) });
    } else paragraph.push(trimmed);
  }
  flush();
  return blocks;
}
