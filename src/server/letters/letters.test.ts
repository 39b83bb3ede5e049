import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { fitsStandardFonts, formatDutchDate, renderLetterPdf } from "./pdf.js";
import { renderTemplate } from "./templates.js";

const invitationData = {
  givenName: "Ayşe",
  familyName: "Yılmaz",
  appointmentDate: "dinsdag 8 december 2026",
  appointmentTime: "10:30",
  location: "Wijkteam Charlois, Boergoensevliet 20, 3082 TA Rotterdam",
  consultantName: "Sanne de Vries",
  phone: "14 010",
  isSecondInvitation: false,
};

async function textOf(pdf: Buffer): Promise<string> {
  return (await new PDFParse({ data: pdf }).getText()).text;
}

describe("letter templates", () => {
  it("renders the subject, headings, bullets and paragraphs", () => {
    const { subject, blocks } = renderTemplate("invitation", invitationData);
    expect(subject).toBe("Uitnodiging voor een gesprek op dinsdag 8 december 2026");
    expect(blocks[0]).toEqual({ kind: "paragraph", text: "Beste Ayşe Yılmaz," });
    expect(blocks).toContainEqual({ kind: "heading", text: "Kunt u niet komen?" });
    expect(blocks).toContainEqual({ kind: "bullet", text: "Tijd: 10:30 uur" });
    expect(blocks.some((b) => b.text.includes("vorige afspraak"))).toBe(false);
  });

  it("says so in a second invitation", () => {
    const { blocks } = renderTemplate("invitation", { ...invitationData, isSecondInvitation: true });
    expect(blocks.some((b) => b.text.includes("U kwam niet naar de vorige afspraak"))).toBe(true);
  });

  it("refuses to render with a field missing", () => {
    const { consultantName: _missing, ...incomplete } = invitationData;
    expect(() => renderTemplate("invitation", incomplete)).toThrow(/consultantName/);
  });
});

describe("the intake invitation says what it means", () => {
  const pdfOf = async (data: typeof invitationData) => {
    const { subject, blocks } = renderTemplate("invitation", data);
    const pdf = await renderLetterPdf({
      reference: "NV-2026-ABC123",
      letterDate: "2026-11-28",
      recipient: ["Ayşe Yılmaz", "Wolphaertsbocht 12 A", "3083 KL Rotterdam"],
      subject,
      blocks,
      registered: true,
    });
    // The PDF wraps lines: compare the words, not the line breaks.
    return (await textOf(pdf)).replace(/\s+/g, " ");
  };

  it("states the duty to come, a second invitation first, a lower benefit only after hearing, a companion and how to rearrange", async () => {
    const text = await pdfOf(invitationData);
    for (const expected of [
      "U bent verplicht om te komen.",
      "Komt u niet, en heeft u geen goede reden? Dan krijgt u eerst een tweede brief met een nieuwe afspraak.",
      "Dan kunnen wij uw uitkering een tijd lager maken.",
      "Eerst vragen wij u wat er aan de hand was. Pas daarna beslissen wij.",
      "U mag iemand meenemen die u vertrouwt.",
      "Bel ons vóór de afspraak: 14 010.",
      "Of stuur een bericht via uw eigen pagina op de website van de gemeente (inloggen met DigiD).",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("in a second invitation, warns of a lower benefit without promising yet another invitation", async () => {
    const text = await pdfOf({ ...invitationData, isSecondInvitation: true });
    expect(text).toContain("U kwam niet naar de vorige afspraak.");
    expect(text).toContain("Komt u weer niet, en heeft u geen goede reden? Dan kunnen wij uw uitkering een tijd lager maken.");
    expect(text).toContain("Eerst vragen wij u wat er aan de hand was.");
    expect(text).not.toContain("eerst een tweede brief");
    expect(text).toContain("U bent verplicht om te komen.");
  });
});

describe("letter PDF", () => {
  const layout = () => {
    const { subject, blocks } = renderTemplate("invitation", invitationData);
    return {
      reference: "NV-2026-ABC123",
      letterDate: "2026-11-28",
      recipient: ["Ayşe Yılmaz", "Wolphaertsbocht 12 A", "3083 KL Rotterdam"],
      subject,
      blocks,
      registered: true,
    };
  };

  it("contains the name (with Turkish letters), the address, the date and the reference", async () => {
    const text = await textOf(await renderLetterPdf(layout()));
    for (const expected of [
      "Ayşe Yılmaz",
      "Wolphaertsbocht 12 A",
      "3083 KL Rotterdam",
      "28 november 2026",
      "NV-2026-ABC123",
      "AANGETEKEND",
      "Boergoensevliet 20",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("numbers every page in its footer (the client's rights take the invitation onto a second page)", async () => {
    const text = await textOf(await renderLetterPdf(layout()));
    expect(text).toContain("pagina 1 van 2");
    expect(text).toContain("pagina 2 van 2");
  });

  it("is byte-identical for the same letter, so its SHA-256 is stable", async () => {
    const [a, b] = [await renderLetterPdf(layout()), await renderLetterPdf(layout())];
    expect(a.equals(b)).toBe(true);
  });

  it("uses the standard fonts when they can show the text, and an embedded font when they cannot", async () => {
    expect(fitsStandardFonts("Zoë de Vries, € 5,– • café")).toBe(true);
    expect(fitsStandardFonts("Ayşe Yılmaz")).toBe(false);
    const plain = {
      ...layout(),
      recipient: ["Zoë de Vries", "Dorpsweg 1", "3083 KL Rotterdam"],
      subject: "Uitnodiging",
      blocks: [{ kind: "paragraph" as const, text: "Beste Zoë de Vries," }],
    };
    const text = await textOf(await renderLetterPdf(plain));
    expect(text).toContain("Zoë de Vries");
  });

  it("writes dates in Dutch", () => {
    expect(formatDutchDate("2026-03-01")).toBe("1 maart 2026");
  });
});

describe("the notice that a placement stops because its work replaced paid work", () => {
  const data = {
    givenName: "Ayşe",
    familyName: "Yılmaz",
    organisationName: "Buurthuis De Wielewaal",
    roleTitle: "Hulp in de keuken",
    started: true,
    endedOn: "2 december 2026",
    phone: "14 010",
    consultantName: "Sanne de Vries",
  };
  const text = (blocks: { text: string }[]) => blocks.map((b) => b.text).join("\n");

  it("says the work stops, why, that it is not the client's fault, has no consequences for the benefit, and who calls", () => {
    const { subject, blocks } = renderTemplate("placement-ended-displacement", data);
    expect(subject).toBe("Uw vrijwilligerswerk bij Buurthuis De Wielewaal stopt");
    for (const expected of [
      "Dit werk stopt op 2 december 2026.",
      "Het werk bleek betaald werk te vervangen.",
      "Het is niet uw schuld.",
      "Het heeft geen gevolgen voor uw uitkering.",
      "Uw consulent, Sanne de Vries, neemt contact met u op. Samen zoekt u een andere activiteit die bij u past.",
    ]) {
      expect(text(blocks)).toContain(expected);
    }
  });

  it("for a referral not yet started, says it does not go ahead", () => {
    const { subject, blocks } = renderTemplate("placement-ended-displacement", { ...data, started: false });
    expect(subject).toBe("Uw vrijwilligerswerk bij Buurthuis De Wielewaal gaat niet door");
    expect(text(blocks)).toContain("Dat gaat niet door.");
    expect(text(blocks)).not.toContain("U hoeft niet meer");
  });
});

describe("a letter shows the name it is given as text", () => {
  const script = "<script>window.__xss=1</script>";
  const image = '<img src=x onerror="window.__xss=1">';
  const long = "Lang".repeat(75);

  it("renders markup, right-to-left text, zero-width characters and a 300-character word, and reads them back", async () => {
    const familyName = `${script} \u202Eabc\u202C أحمد שרה Zero\u200Bwidth\uFEFF ${long}`;
    const { subject, blocks } = renderTemplate("invitation", { ...invitationData, givenName: image, familyName });
    expect(blocks[0]).toEqual({ kind: "paragraph", text: `Beste ${image} ${familyName},` });
    const pdf = await renderLetterPdf({
      reference: "NV-2026-ABC123",
      letterDate: "2026-11-28",
      recipient: [`${image} ${familyName}`, "Wolphaertsbocht 12 A", "3083 KL Rotterdam"],
      subject,
      blocks,
      registered: true,
    });
    const text = await textOf(pdf);
    // Lines wrap anywhere in the long word; compare without white space.
    const joined = text.replace(/\s+/g, "");
    expect(joined).toContain(script.replace(/\s+/g, ""));
    expect(joined).toContain(image.replace(/\s+/g, ""));
    expect(joined).toContain(long);
    // Letters of the right-to-left scripts are there, whatever order the PDF's text layer gives them.
    for (const letter of ["ש", "ר", "ה", "ح", "م", "د"]) expect(text).toContain(letter);
    // A zero-width space is a place to break a line, which the text layer gives back as white space.
    expect(joined.replace(/[\u200B-\u200D\uFEFF]/g, "")).toContain("Zerowidth");
  });
});
