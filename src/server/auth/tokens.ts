import { createHash, randomBytes } from "node:crypto";

/** A new random secret for a session or API token (256 bits, base64url). */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The stored form of a secret: its SHA-256, so a database leak yields no usable token. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
