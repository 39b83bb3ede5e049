import { refusalCodesIn, refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import { assertBsnFree } from "./clients.rules.js";

const clientId = "8a6e0804-2bd3-4b7a-b7c4-6e4b2a1f0c11";

describe("clients refusals", () => {
  /** Each refusal the rules file can give, with a case that gives it and a neighbouring case that passes. */
  const table: Record<string, { refused: () => void; allowed: () => void }> = {
    duplicateBsn: {
      refused: () => assertBsnFree({ clientId, inScope: true }),
      allowed: () => assertBsnFree(undefined),
    },
    bsnNeedsReview: {
      refused: () => assertBsnFree({ clientId, inScope: false }),
      allowed: () => assertBsnFree(undefined),
    },
  };

  it("has a case for every refusal code in clients.rules.ts", () => {
    expect(Object.keys(table).sort()).toEqual(refusalCodesIn(new URL("./clients.rules.ts", import.meta.url)));
  });

  it.each(Object.entries(table))("refuses with %s and lets the neighbouring case pass", (code, { refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });

  it("tells nothing of a holder outside the caller's scope: the refusal is the same for any of them", () => {
    const refusal = (id: string) => {
      try {
        assertBsnFree({ clientId: id, inScope: false });
      } catch (error) {
        return JSON.stringify(error);
      }
    };
    expect(refusal(clientId)).toBe(refusal("0f3c2a6e-9a51-4f7e-8f5b-2f1d3c4b5a69"));
    expect(refusal(clientId)).not.toContain(clientId);
  });
});
