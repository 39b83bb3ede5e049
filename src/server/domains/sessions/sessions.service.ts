import type { Actor, RequestContext } from "@server/auth/actor.js";
import { hashForUnknownAccount, hashPassword, verifyPassword } from "@server/auth/passwords.js";
import { hashSecret, newSecret } from "@server/auth/tokens.js";
import { type Clock, nowIso } from "@server/clock.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { AppError, unauthenticated } from "@server/http/errors.js";
import type { Kysely } from "kysely";
import { insertAuditEvent } from "../audit/audit.repo.js";
import { recordAudit } from "../audit/audit.service.js";
import type { ThrottleLimit } from "../throttles/throttles.rules.js";
import { countAttempt, forgetAttempts } from "../throttles/throttles.service.js";
import { findUserByEmail, findUserById, type UserWithDistricts, updateUser } from "../users/users.repo.js";
import * as repo from "./sessions.repo.js";
import { isSessionOver, isSessionTouchDue, type SessionSettings, sessionEndsAt } from "./sessions.rules.js";

const BAD_CREDENTIALS = () => unauthenticated("The email address or password is not correct.");

/** Turns a user row into the actor of a request whose scope is evaluated on `scopeDate` (and at `scopeTime`, when given). */
export function actorFromUser(user: UserWithDistricts, scopeDate: string, session?: Actor["session"], scopeTime?: string): Actor {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    districts: user.districts,
    organisationId: user.organisation_id,
    clientId: user.client_id,
    scopeDate,
    ...(scopeTime ? { scopeTime } : {}),
    ...(session ? { session } : {}),
  };
}

/**
 * Checks credentials and opens a session. Every failure looks and takes the same. The attempt is counted against the
 * account name before the password is checked (so parallel guesses cannot pass the limit together) and forgotten
 * with the account's earlier failures once the login succeeds.
 */
export async function logIn(
  db: Kysely<Database>,
  clock: Clock,
  accountLimit: ThrottleLimit,
  settings: SessionSettings,
  input: { email: string; password: string },
  requestId: string,
) {
  const email = input.email.trim().toLowerCase();
  await countAttempt(db, clock, accountLimit, email);
  const user = await findUserByEmail(db, email);
  const matches = await verifyPassword(input.password, user?.password_hash ?? (await hashForUnknownAccount()));
  if (!user || !matches || user.active !== 1) {
    await insertAuditEvent(db, clock, { id: user?.id ?? null, email: null, role: null }, requestId, {
      action: "session.loginFailed",
      category: "auth",
    });
    throw BAD_CREDENTIALS();
  }
  await forgetAttempts(db, accountLimit, email);
  return openSession(db, clock, settings, user, requestId, "password");
}

/** How a session was opened: the password form, or an OpenID Connect provider. */
export type LoginMethod = "password" | "digid" | "staff";

/**
 * Opens a session for an account whose login succeeded (by password or through an OpenID Connect provider): a new
 * bearer token (stored only as its hash), a CSRF token, and the idle and absolute lifetime of the settings.
 */
export async function openSession(
  db: Kysely<Database>,
  clock: Clock,
  settings: SessionSettings,
  user: UserWithDistricts,
  requestId: string,
  loginMethod: LoginMethod,
) {
  const token = newSecret();
  const csrfToken = newSecret();
  const now = nowIso(clock);
  const expiresAt = sessionEndsAt({ createdAt: now, lastSeenAt: now }, settings);
  const id = hashSecret(token);
  await repo.insertSession(db, { id, userId: user.id, csrfToken, now, expiresAt, loginMethod });
  const actor = actorFromUser(user, clock.today(), { id, csrfToken, viaCookie: false, loginMethod });
  const details = loginMethod === "password" ? {} : { details: { loginMethod } };
  await recordAudit(db, { actor, requestId, clock }, { action: "session.create", category: "auth", ...details });
  return { token, expiresAt, actor };
}

/**
 * Resolves a bearer secret (session token or API token) to an actor. A session that is over is removed and
 * refused; one in use has its idle expiry moved to count from this request (within its absolute lifetime), or from one
 * at most `SESSION_TOUCH_TOLERANCE_MS` before it.
 */
export async function resolveActor(
  db: Kysely<Database>,
  clock: Clock,
  settings: SessionSettings,
  secret: string,
  viaCookie: boolean,
): Promise<Actor | null> {
  const hash = hashSecret(secret);
  const session = await repo.findSession(db, hash);
  const now = clock.now();
  if (session) {
    if (isSessionOver(session, now, settings)) {
      await repo.deleteSession(db, hash);
      return null;
    }
    const user = await findUserById(db, session.user_id);
    if (user?.active !== 1) return null;
    if (isSessionTouchDue(session.last_seen_at, now)) {
      const lastSeenAt = now.toISOString();
      await repo.touchSession(db, hash, lastSeenAt, sessionEndsAt({ createdAt: session.created_at, lastSeenAt }, settings));
    }
    return actorFromUser(
      user,
      clock.today(),
      { id: hash, csrfToken: session.csrf_token, viaCookie, loginMethod: session.login_method as LoginMethod },
      now.toISOString(),
    );
  }
  if (viaCookie) return null;
  const apiToken = await repo.findActiveApiToken(db, hash);
  if (!apiToken) return null;
  const user = await findUserById(db, apiToken.user_id);
  return user && user.active === 1 ? actorFromUser(user, clock.today(), undefined, nowIso(clock)) : null;
}

/** Ends the caller's session. */
export async function logOut(db: Kysely<Database>, ctx: RequestContext): Promise<void> {
  if (ctx.actor.session) await repo.deleteSession(db, ctx.actor.session.id);
  await recordAudit(db, ctx, { action: "session.delete", category: "auth" });
}

/** Changes the caller's password after checking the current one; ends their other sessions. */
export async function changePassword(
  db: Kysely<Database>,
  ctx: RequestContext,
  limit: ThrottleLimit,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  await countAttempt(db, ctx.clock, limit, ctx.actor.id);
  const user = await findUserById(db, ctx.actor.id);
  if (!user || !(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw new AppError(400, "invalidInput", "Invalid input", "currentPassword: not correct", [
      { name: "currentPassword", code: "wrongPassword", reason: "The current password is not correct" },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (trx) => {
    await updateUser(trx, user.id, { password_hash: passwordHash }, nowIso(ctx.clock));
    await repo.deleteSessionsOfUser(trx, user.id, ctx.actor.session?.id);
    await recordAudit(trx, ctx, { action: "user.passwordChange", category: "auth", subjectType: "user", subjectId: user.id });
  });
}
