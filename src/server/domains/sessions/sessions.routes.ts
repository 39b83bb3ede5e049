import type { Services } from "@server/app.js";
import { SESSION_COOKIE } from "@server/auth/authenticate.js";
import { contextOf } from "@server/http/context.js";
import { loginInput, meOutput, passwordChangeInput, sessionOutput } from "@shared/schemas/users.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { findAgencyOfWorker } from "../agencies/agencies.repo.js";
import { countAttempt } from "../throttles/throttles.service.js";
import { sessionPolicy } from "./sessions.policy.js";
import { presentMe } from "./sessions.presenter.js";
import { changePassword, logIn, logOut } from "./sessions.service.js";

/** Login, logout, `GET /me` and password change. */
export function sessionRoutes({ db, config, sessions, throttles, clock }: Services): FastifyPluginAsyncZod {
  const secureCookie = config.NODE_ENV === "production";
  return async (app) => {
    app.post(
      "/sessions",
      {
        config: { policy: sessionPolicy.create },
        schema: {
          tags: ["sessions"],
          summary: "Log in",
          description:
            "Returns a bearer token and sets an httpOnly session cookie. 401 on bad credentials. 429 rateLimited when the client address made too many attempts in the last minute, 429 tooManyAttempts after ten failures for the account in 15 minutes; `Retry-After` gives the seconds to wait.",
          body: loginInput,
          response: { 201: sessionOutput },
        },
      },
      async (request, reply) => {
        await countAttempt(db.kysely, clock, throttles.loginPerAddress, request.ip);
        const { token, expiresAt, actor } = await logIn(db.kysely, clock, throttles.loginPerAccount, sessions, request.body, request.id);
        reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "strict", secure: secureCookie, path: "/" });
        return reply.status(201).send({ token, expiresAt, user: presentMe(actor, await findAgencyOfWorker(db.kysely, actor)) });
      },
    );

    app.delete(
      "/sessions/current",
      {
        config: { policy: sessionPolicy.deleteCurrent },
        schema: { tags: ["sessions"], summary: "Log out", response: { 204: z.null().describe("logged out") } },
      },
      async (request, reply) => {
        await logOut(db.kysely, contextOf(request));
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/me",
      { config: { policy: sessionPolicy.me }, schema: { tags: ["sessions"], summary: "Who am I", response: { 200: meOutput } } },
      async (request) => {
        const { actor } = contextOf(request);
        return presentMe(actor, await findAgencyOfWorker(db.kysely, actor));
      },
    );

    app.put(
      "/me/password",
      {
        config: { policy: sessionPolicy.changePassword },
        schema: {
          tags: ["sessions"],
          summary: "Change my password",
          description: "Ends the caller's other sessions. 429 rateLimited after ten attempts in a minute.",
          body: passwordChangeInput,
          response: { 204: z.null().describe("changed") },
        },
      },
      async (request, reply) => {
        await changePassword(db.kysely, contextOf(request), throttles.passwordChangePerAccount, request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
