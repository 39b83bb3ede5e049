import type { Services } from "@server/app.js";
import { SESSION_COOKIE } from "@server/auth/authenticate.js";
import { contextOf } from "@server/http/context.js";
import { loginInput, meOutput, passwordChangeInput, sessionOutput } from "@shared/schemas/users.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { sessionPolicy } from "./sessions.policy.js";
import { presentMe } from "./sessions.presenter.js";
import { changePassword, logIn, logOut } from "./sessions.service.js";

/** Login, logout, `GET /me` and password change. */
export function sessionRoutes({ db, config, loginThrottle, clock }: Services): FastifyPluginAsyncZod {
  const settings = { idleMinutes: config.SESSION_IDLE_MINUTES };
  const secureCookie = config.NODE_ENV === "production";
  return async (app) => {
    app.post(
      "/sessions",
      {
        config: {
          policy: sessionPolicy.create,
          rateLimit: { max: config.LOGIN_ATTEMPTS_PER_IP_PER_MINUTE, timeWindow: "1 minute" },
        },
        schema: {
          tags: ["sessions"],
          summary: "Log in",
          description: "Returns a bearer token and sets an httpOnly session cookie. 401 on bad credentials.",
          body: loginInput,
          response: { 201: sessionOutput },
        },
      },
      async (request, reply) => {
        const { token, expiresAt, actor } = await logIn(db.kysely, clock, loginThrottle, settings, request.body, request.id);
        reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "strict", secure: secureCookie, path: "/" });
        return reply.status(201).send({ token, expiresAt, user: presentMe(actor) });
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
      async (request) => presentMe(contextOf(request).actor),
    );

    app.put(
      "/me/password",
      {
        config: { policy: sessionPolicy.changePassword, rateLimit: { max: 10, timeWindow: "1 minute" } },
        schema: {
          tags: ["sessions"],
          summary: "Change my password",
          description: "Ends the caller's other sessions.",
          body: passwordChangeInput,
          response: { 204: z.null().describe("changed") },
        },
      },
      async (request, reply) => {
        await changePassword(db.kysely, contextOf(request), request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
