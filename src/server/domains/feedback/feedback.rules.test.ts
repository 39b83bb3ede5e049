import { describe, expect, it } from "vitest";
import { averageRating, HOST_FEEDBACK_MINIMUM, mayShowFeedbackFigures } from "./feedback.rules.js";

describe("feedback figures", () => {
  it("shows the host figures only from five ratings on", () => {
    expect(HOST_FEEDBACK_MINIMUM).toBe(5);
    expect(mayShowFeedbackFigures("host", 4)).toBe(false);
    expect(mayShowFeedbackFigures("host", 5)).toBe(true);
  });

  it("shows staff the figures whatever the number", () => {
    expect(mayShowFeedbackFigures("consultant", 1)).toBe(true);
    expect(mayShowFeedbackFigures("admin", 0)).toBe(true);
  });

  it("averages the ratings to one decimal, and gives none without ratings", () => {
    expect(
      averageRating([
        { rating: 5, count: 2 },
        { rating: 2, count: 1 },
      ]),
    ).toBe(4);
    expect(
      averageRating([
        { rating: 4, count: 2 },
        { rating: 3, count: 1 },
      ]),
    ).toBe(3.7);
    expect(averageRating([])).toBeNull();
  });
});
