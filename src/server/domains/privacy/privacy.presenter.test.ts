import { describe, expect, it } from "vitest";
import { EXPORT_SOURCES } from "./data-export.sources.js";
import { presentAccessLogEntry, presentExportRow } from "./privacy.presenter.js";
import type { AccessLogRow } from "./privacy.repo.js";

const row = (overrides: Partial<AccessLogRow>): AccessLogRow => ({
  id: "6f1c2b1e-8d0a-4c7e-9b7a-1d2e3f4a5b6c",
  occurred_at: "2026-12-02T10:00:00.000Z",
  action: "client.read",
  category: "read:sensitive",
  actor_role: "consultant",
  actor_name: "Sanne de Vries",
  organisation_name: null,
  ...overrides,
});

describe("an access log line", () => {
  it("names municipal staff: consultant, team lead and administrator", () => {
    for (const role of ["consultant", "teamLead", "admin"]) {
      expect(presentAccessLogEntry(row({ actor_role: role }))).toMatchObject({
        actorKind: role,
        actorName: "Sanne de Vries",
        organisationName: null,
      });
    }
  });

  it("names a host organisation, never its member", () => {
    const line = presentAccessLogEntry(
      row({ actor_role: "host", action: "client.readProfile", organisation_name: "Buurthuis De Wielewaal" }),
    );
    expect(line).toMatchObject({ actorKind: "host", actorName: null, organisationName: "Buurthuis De Wielewaal" });
  });

  it("names an agency worker's agency, never the worker", () => {
    const line = presentAccessLogEntry(row({ actor_role: "agencyWorker", organisation_name: "Werkpad Charlois" }));
    expect(line).toMatchObject({ actorKind: "agencyWorker", actorName: null, organisationName: "Werkpad Charlois" });
  });

  it("names nobody for the client themselves, the system or another role", () => {
    expect(presentAccessLogEntry(row({ actor_role: "client", category: "write" }))).toMatchObject({
      actorKind: "self",
      actorName: null,
      kind: "change",
    });
    expect(presentAccessLogEntry(row({ actor_role: "system", actor_name: null }))).toMatchObject({ actorKind: "system", actorName: null });
    expect(presentAccessLogEntry(row({ actor_role: null, actor_name: null }))).toMatchObject({ actorKind: "system", actorName: null });
    expect(presentAccessLogEntry(row({ actor_role: "researcher" }))).toMatchObject({
      actorKind: "other",
      actorName: null,
      organisationName: null,
    });
  });

  it("says read or changed from the audit category", () => {
    expect(presentAccessLogEntry(row({ category: "read:profile" })).kind).toBe("read");
    expect(presentAccessLogEntry(row({ category: "write" })).kind).toBe("change");
  });
});

describe("an export row", () => {
  const letters = EXPORT_SOURCES.find((source) => source.key === "letters");

  it("gives every column in camelCase except those the source leaves out", () => {
    if (!letters) throw new Error("the letters source");
    const out = presentExportRow(letters, { id: "x", letter_date: "2026-12-02", pdf: Buffer.from("%PDF"), tracking_number: null });
    expect(out).toEqual({ id: "x", letterDate: "2026-12-02", trackingNumber: null });
  });

  it("never passes raw bytes on", () => {
    if (!letters) throw new Error("the letters source");
    expect(presentExportRow(letters, { extra_file: Buffer.from("abc") })).toEqual({ extraFile: "(3 bytes)" });
  });
});
