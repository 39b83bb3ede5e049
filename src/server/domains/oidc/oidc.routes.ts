import type { Services } from "@server/app.js";
import { SESSION_COOKIE } from "@server/auth/authenticate.js";
import { loginMethodsOutput } from "@shared/schemas/login-methods.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { oidcPolicy } from "./oidc.policy.js";
import { createOidcProviders } from "./oidc.providers.js";
import { OIDC_PROVIDERS, type OidcProviderName, PENDING_LOGIN_MINUTES } from "./oidc.rules.js";
import { beginLogin, completeLogin, LoginRefused, providerLogoutUrl } from "./oidc.service.js";

/** The cookie that ties a login begun at a provider to this browser (its secret; the database keeps the hash). */
export const PENDING_LOGIN_COOKIE = "nv_oidc";
const PENDING_LOGIN_PATH = "/api/v1/login-methods";

const redirect = z.null().describe("to the next page (`Location`)");
const PROVIDER_TEXT: Record<OidcProviderName, string> = {
  digid: "DigiD through the municipality's broker (clients)",
  staff: "the municipality's identity provider (staff)",
};

/**
 * OpenID Connect login, for clients with DigiD through the broker and for staff through the municipality's identity
 * provider: the browser goes to `…/start`, the provider sends it back to `…/callback`, which opens the same session
 * a password login opens and sends it on to the app (or to the refusal page, `/login/refused?reason=`).
 */
export function oidcRoutes({ db, config, sessions, clock }: Services): FastifyPluginAsyncZod {
  const providers = createOidcProviders(config);
  const secureCookie = config.NODE_ENV === "production";
  return async (app) => {
    app.get(
      "/login-methods",
      {
        config: { policy: oidcPolicy.methods },
        schema: { tags: ["sessions"], summary: "Ways to log in", response: { 200: loginMethodsOutput } },
      },
      async () => ({ password: true as const, digid: providers.digid !== undefined, staff: providers.staff !== undefined }),
    );

    for (const name of OIDC_PROVIDERS) {
      app.get(
        `/login-methods/${name}/start`,
        {
          config: { policy: oidcPolicy.start },
          schema: {
            tags: ["sessions"],
            summary: `Log in with ${PROVIDER_TEXT[name]}`,
            description:
              "For a browser: sends it to the provider's login page (303) with state, nonce and PKCE, and sets a short-lived cookie that ties the login to this browser. When the provider is not configured or does not answer, sends it to `/login/refused?reason=unavailable`.",
            querystring: z.object({ next: z.string().max(2000).optional().describe("the app's page to open after login") }),
            response: { 303: redirect },
          },
        },
        async (request, reply) => {
          const provider = providers[name];
          if (!provider) return reply.redirect("/login/refused?reason=unavailable", 303);
          try {
            const { secret, authorizationUrl } = await beginLogin(db.kysely, clock, provider, request.query.next);
            reply.setCookie(PENDING_LOGIN_COOKIE, secret, {
              httpOnly: true,
              // Lax: the provider sends the browser back with a top-level navigation from its own site.
              sameSite: "lax",
              secure: secureCookie,
              path: PENDING_LOGIN_PATH,
              maxAge: PENDING_LOGIN_MINUTES * 60,
            });
            return reply.redirect(authorizationUrl, 303);
          } catch (error) {
            request.log.error({ err: error, provider: name }, "the provider does not answer");
            return reply.redirect("/login/refused?reason=unavailable", 303);
          }
        },
      );

      app.get(
        `/login-methods/${name}/callback`,
        {
          config: { policy: oidcPolicy.callback },
          schema: {
            tags: ["sessions"],
            summary: `Back from ${PROVIDER_TEXT[name]}`,
            description:
              "The redirect URI registered at the provider. Checks the answer (state, PKCE, the ID token's signature, issuer, audience, expiry and nonce; once only), links the identity to an account, sets the same session cookie a password login sets and sends the browser on (303) to the page it came for, or to `/login/refused?reason=` (`noAccount`, `noStaffAccount`, `cancelled`, `failed`, `unavailable`).",
            querystring: z.looseObject({
              code: z.string().optional(),
              state: z.string().optional(),
              iss: z.string().optional(),
              error: z.string().optional(),
            }),
            response: { 303: redirect },
          },
        },
        async (request, reply) => {
          reply.clearCookie(PENDING_LOGIN_COOKIE, { path: PENDING_LOGIN_PATH });
          const provider = providers[name];
          if (!provider) return reply.redirect("/login/refused?reason=unavailable", 303);
          const search = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
          try {
            const { token, returnTo } = await completeLogin(db.kysely, clock, sessions, provider, {
              secret: request.cookies[PENDING_LOGIN_COOKIE],
              search,
              requestId: request.id,
            });
            reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "strict", secure: secureCookie, path: "/" });
            return reply.redirect(returnTo, 303);
          } catch (error) {
            if (!(error instanceof LoginRefused)) {
              request.log.error({ err: error, provider: name }, "login through the provider failed");
              return reply.redirect("/login/refused?reason=unavailable", 303);
            }
            request.log.warn({ provider: name, reason: error.reason, why: error.why }, "login through the provider refused");
            return reply.redirect(`/login/refused?reason=${error.reason}`, 303);
          }
        },
      );

      app.get(
        `/login-methods/${name}/logout`,
        {
          config: { policy: oidcPolicy.logout },
          schema: {
            tags: ["sessions"],
            summary: `Log out at ${PROVIDER_TEXT[name]} too`,
            description:
              "For a browser, after `DELETE /sessions/current`: sends it to the provider's end_session endpoint (303), which sends it back to `/login?loggedOut=1`; straight there when the provider has none.",
            response: { 303: redirect },
          },
        },
        async (request, reply) => {
          const provider = providers[name];
          let target: string | undefined;
          try {
            target = provider ? await providerLogoutUrl(provider) : undefined;
          } catch (error) {
            request.log.error({ err: error, provider: name }, "the provider does not answer");
          }
          return reply.redirect(target ?? "/login?loggedOut=1", 303);
        },
      );
    }
  };
}
