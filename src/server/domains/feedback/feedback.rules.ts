import type { UserRole } from "@shared/enums.js";

/** A host sees figures of clients' ratings only when this many clients rated, so no single client can be recognised. */
export const HOST_FEEDBACK_MINIMUM = 5;

/** Whether the caller sees the figures: staff always, the host only from the minimum number of ratings on. */
export function mayShowFeedbackFigures(role: UserRole, count: number): boolean {
  return role !== "host" || count >= HOST_FEEDBACK_MINIMUM;
}

/** The average of the ratings, to one decimal; null when nobody rated. */
export function averageRating(ratings: readonly { rating: number; count: number }[]): number | null {
  const count = ratings.reduce((sum, r) => sum + r.count, 0);
  if (count === 0) return null;
  return Math.round((ratings.reduce((sum, r) => sum + r.rating * r.count, 0) / count) * 10) / 10;
}
