import { verifyPassword } from "@server/auth/passwords.js";
import { describe, expect, it } from "vitest";
import {
  bsnFromClaims,
  clientAccountEmail,
  clientAccountMayLogIn,
  isPendingLoginOver,
  NO_PASSWORD,
  pendingLoginEndsAt,
  safeReturnPath,
  staffAccountMayLogIn,
  verifiedEmailFromClaims,
} from "./oidc.rules.js";

describe("a login begun at a provider", () => {
  it("is over ten minutes after it began, not before", () => {
    const begun = new Date("2026-12-03T10:00:00.000Z");
    const login = { expires_at: pendingLoginEndsAt(begun) };
    expect(isPendingLoginOver(login, new Date("2026-12-03T10:09:59.999Z"))).toBe(false);
    expect(isPendingLoginOver(login, new Date("2026-12-03T10:10:00.000Z"))).toBe(true);
  });
});

describe("the page after login", () => {
  it("is a path of this app", () => {
    expect(safeReturnPath("/mijn/plan?tab=2")).toBe("/mijn/plan?tab=2");
    expect(safeReturnPath(undefined)).toBe("/");
  });

  it("is the start page for anything that could lead elsewhere", () => {
    for (const next of ["https://evil.example", "//evil.example", "/\\evil.example", "evil", "/api/v1/me", "/a b", `/${"a".repeat(300)}`]) {
      expect(safeReturnPath(next), next).toBe("/");
    }
  });
});

describe("the BSN claim", () => {
  it("is read under the configured name, plain or in the sector form", () => {
    expect(bsnFromClaims({ bsn: "123456782" }, "bsn")).toBe("123456782");
    expect(bsnFromClaims({ "urn:nl:bsn": "s00000000:123456782" }, "urn:nl:bsn")).toBe("123456782");
  });

  it("is no BSN when absent, under another name, not a string, or failing the eleven-test", () => {
    expect(bsnFromClaims({}, "bsn")).toBeNull();
    expect(bsnFromClaims({ sub: "123456782" }, "bsn")).toBeNull();
    expect(bsnFromClaims({ bsn: 123456782 }, "bsn")).toBeNull();
    expect(bsnFromClaims({ bsn: "123456781" }, "bsn")).toBeNull();
    expect(bsnFromClaims({ bsn: "s00000001:123456782" }, "bsn")).toBeNull();
  });
});

describe("the staff e-mail claim", () => {
  it("is taken in lower case when verified or not marked", () => {
    expect(verifiedEmailFromClaims({ email: "A.de.Vries@Gemeente.NL", email_verified: true })).toBe("a.de.vries@gemeente.nl");
    expect(verifiedEmailFromClaims({ email: "a@gemeente.nl" })).toBe("a@gemeente.nl");
  });

  it("is refused when the provider says it is unverified, or it is no address", () => {
    expect(verifiedEmailFromClaims({ email: "a@gemeente.nl", email_verified: false })).toBeNull();
    expect(verifiedEmailFromClaims({ email: "a@gemeente.nl", email_verified: "false" })).toBeNull();
    expect(verifiedEmailFromClaims({ email: "geen adres" })).toBeNull();
    expect(verifiedEmailFromClaims({})).toBeNull();
  });
});

describe("who may log in through a provider", () => {
  const client = { active: 1, role: "client", client_id: "c1" };
  it("lets a client in only to their own active client account", () => {
    expect(clientAccountMayLogIn(client, "c1")).toBe(true);
    expect(clientAccountMayLogIn({ ...client, active: 0 }, "c1")).toBe(false);
    expect(clientAccountMayLogIn(client, "c2")).toBe(false);
    expect(clientAccountMayLogIn({ ...client, role: "consultant" }, "c1")).toBe(false);
  });

  it("lets a staff identity in only to an active account that is not a client's", () => {
    expect(staffAccountMayLogIn({ active: 1, role: "consultant" })).toBe(true);
    expect(staffAccountMayLogIn({ active: 0, role: "consultant" })).toBe(false);
    expect(staffAccountMayLogIn({ active: 1, role: "client" })).toBe(false);
  });

  it("gives a client's account an address that is unique to them and never delivered, and no password", async () => {
    expect(clientAccountEmail("c1")).not.toBe(clientAccountEmail("c2"));
    expect(clientAccountEmail("c1").endsWith(".invalid")).toBe(true);
    expect(await verifyPassword(NO_PASSWORD, NO_PASSWORD)).toBe(false);
    expect(await verifyPassword("", NO_PASSWORD)).toBe(false);
  });
});
