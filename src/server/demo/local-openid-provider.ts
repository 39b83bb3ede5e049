import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "@server/config.js";
import { isValidBsn } from "@shared/validation/bsn.js";
import Provider, { type Configuration, interactionPolicy, type KoaContextWithOIDC } from "oidc-provider";

/**
 * A real OpenID Provider (`oidc-provider`) on a port of its own, for the tests and the demo only: it plays the DigiD
 * broker (the person types or picks a BSN) and the municipality's staff identity provider (the person types or picks
 * an e-mail address), with a simple page in plain Dutch instead of a real login. It refuses to start in production.
 */
export interface LocalProviderOptions {
  environment: Config["NODE_ENV"];
  /** The app's address as the browser reaches it, e.g. `http://localhost:3000` (the redirect URIs are below it). */
  appUrl: string;
  /** The host name the browser reaches this provider at, and the interface it listens on. */
  host?: string;
  listenHost?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The claim that holds the BSN (the app's OIDC_DIGID_BSN_CLAIM). */
  bsnClaim?: string;
  /** Demo choices on the login page, so nobody has to know a BSN or an address. */
  choices?: { digid?: { label: string; bsn: string }[]; staff?: { label: string; email: string }[] };
}

export interface LocalProvider {
  issuer: string;
  /** The app's OIDC_* settings that point at this provider. */
  env: Record<string, string>;
  close(): Promise<void>;
}

const DIGID_CLIENT = "naar-vermogen-digid";
const STAFF_CLIENT = "naar-vermogen-medewerkers";

type Account = { kind: "digid"; bsn: string } | { kind: "staff"; email: string };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;padding:1rem;color:#1a1a1a;background:#fff;line-height:1.5}
main{max-width:32rem;margin:0 auto}
h1{font-size:1.6rem}
label{display:block;font-weight:700;margin-top:1rem}
input{font-size:1.1rem;padding:.5rem;width:100%;box-sizing:border-box;border:2px solid #1a1a1a}
button{font-size:1.05rem;padding:.6rem 1rem;margin-top:.75rem;border:2px solid #003d80;background:#003d80;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#003d80}
button:focus,input:focus{outline:3px solid #ffbf47;outline-offset:2px}
.note{background:#fff4ce;border-left:6px solid #8a6d00;padding:.5rem 1rem}
.error{color:#a00000;font-weight:700}
ul{list-style:none;padding:0}
</style></head>
<body><main>${body}</main></body></html>`;
}

/** Starts the local provider; refuses in production, where the municipality's broker and identity provider log people in. */
export async function startLocalProvider(options: LocalProviderOptions): Promise<LocalProvider> {
  if (options.environment === "production")
    throw new Error("The local OpenID Provider is for tests and the demo; production refuses to start it.");
  const bsnClaim = options.bsnClaim ?? "bsn";
  const accounts = new Map<string, Account>();
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.listenHost ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${options.host ?? "127.0.0.1"}:${port}`;
  const appUrl = options.appUrl.replace(/\/$/, "");
  const secrets = { digid: randomBytes(24).toString("base64url"), staff: randomBytes(24).toString("base64url") };
  const redirect = (name: "digid" | "staff") => `${appUrl}/api/v1/login-methods/${name}/callback`;
  const loggedOut = `${appUrl}/login?loggedOut=1`;

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "local-demo", alg: "RS256", use: "sig" };

  // Every authorization asks for a login, as DigiD does: the session of an earlier person is never reused.
  const policy = interactionPolicy.base();
  policy
    .get("login")
    ?.checks.add(
      new interactionPolicy.Check("always_log_in", "every login asks who you are", (ctx) =>
        ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
      ),
    );

  const configuration: Configuration = {
    clients: [
      {
        client_id: DIGID_CLIENT,
        client_secret: secrets.digid,
        redirect_uris: [redirect("digid")],
        post_logout_redirect_uris: [loggedOut],
        token_endpoint_auth_method: "client_secret_post",
      },
      {
        client_id: STAFF_CLIENT,
        client_secret: secrets.staff,
        redirect_uris: [redirect("staff")],
        post_logout_redirect_uris: [loggedOut],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    // The BSN comes with the openid scope, as brokers release it; the staff address with the email scope.
    claims: { openid: ["sub", bsnClaim], email: ["email", "email_verified"] },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = page(
            "Uitloggen",
            `<h1>Uitloggen</h1><p>Wilt u ook uitloggen bij de demo-inlogdienst?</p>${form}
<button type="submit" form="op.logoutForm" value="yes" name="logout">Ja, uitloggen</button>
<button type="submit" form="op.logoutForm" class="secondary">Nee</button>`,
          );
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = page("Uitgelogd", `<h1>U bent uitgelogd</h1><p><a href="${escapeHtml(loggedOut)}">Terug naar Naar Vermogen</a></p>`);
        },
      },
    },
    interactions: { policy, url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: async (ctx) => {
      ctx.type = "html";
      ctx.body = page("Er ging iets mis", `<h1>Er ging iets mis</h1><p>Het inloggen lukt nu niet. Ga terug en probeer het opnieuw.</p>`);
    },
    findAccount: async (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () =>
          account.kind === "digid" ? { sub, [bsnClaim]: account.bsn } : { sub, email: account.email, email_verified: true },
      };
    },
    // No consent screen: the app is the municipality's own, and the broker releases what was agreed.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(params?.scope ?? "openid"));
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const providerHandler = provider.callback();

  const choicesFor = (kind: "digid" | "staff"): string => {
    const buttons =
      kind === "digid"
        ? (options.choices?.digid ?? []).map(
            (c) =>
              `<li><button type="submit" name="bsn" value="${escapeHtml(c.bsn)}" class="secondary">${escapeHtml(c.label)}</button></li>`,
          )
        : (options.choices?.staff ?? []).map(
            (c) =>
              `<li><button type="submit" name="email" value="${escapeHtml(c.email)}" class="secondary">${escapeHtml(c.label)}</button></li>`,
          );
    return buttons.length === 0 ? "" : `<h2>Of kies een demo-persoon</h2><ul>${buttons.join("")}</ul>`;
  };

  const loginPage = (uid: string, kind: "digid" | "staff", error?: string): string => {
    const action = `/interaction/${escapeHtml(uid)}`;
    const field =
      kind === "digid"
        ? `<label for="bsn">Uw BSN (9 cijfers)</label><input id="bsn" name="bsn" inputmode="numeric" autocomplete="off" ${error ? 'aria-describedby="fout" aria-invalid="true"' : ""}>`
        : `<label for="email">Uw e-mailadres</label><input id="email" name="email" type="email" autocomplete="username" ${error ? 'aria-describedby="fout" aria-invalid="true"' : ""}>`;
    const title = kind === "digid" ? "Inloggen met DigiD (demo)" : "Inloggen als medewerker (demo)";
    const intro =
      kind === "digid"
        ? "Dit is een oefen-versie van DigiD. U logt hier in zonder wachtwoord. Vul een BSN in of kies een demo-persoon."
        : "Dit is een oefen-versie van de inlog voor medewerkers. Vul uw e-mailadres in of kies een demo-medewerker.";
    return page(
      title,
      `<h1>${title}</h1><p class="note">${intro}</p>
${error ? `<p id="fout" class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="${action}">${field}<button type="submit">Inloggen</button></form>
<form method="post" action="${action}">${choicesFor(kind)}</form>
<form method="post" action="${action}"><button type="submit" name="cancel" value="1" class="secondary">Stoppen en terug</button></form>`,
    );
  };

  const readForm = async (req: http.IncomingMessage): Promise<URLSearchParams> => {
    let body = "";
    for await (const chunk of req) {
      body += String(chunk);
      if (body.length > 10_000) break;
    }
    return new URLSearchParams(body);
  };

  const interaction = async (req: http.IncomingMessage, res: http.ServerResponse, uid: string): Promise<void> => {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error("interaction mismatch");
    const kind = details.params.client_id === STAFF_CLIENT ? "staff" : "digid";
    if (req.method === "GET") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(uid, kind));
      return;
    }
    const form = await readForm(req);
    if (form.get("cancel")) {
      await provider.interactionFinished(req, res, { error: "access_denied", error_description: "stopped by the person" });
      return;
    }
    let accountId: string;
    if (kind === "digid") {
      const bsn = (form.get("bsn") ?? "").replace(/\D/g, "");
      if (!isValidBsn(bsn)) {
        res
          .writeHead(400, { "content-type": "text/html; charset=utf-8" })
          .end(loginPage(uid, kind, "Dit is geen geldig BSN. Een BSN heeft 9 cijfers."));
        return;
      }
      accountId = `digid-${createHash("sha256").update(bsn).digest("hex").slice(0, 32)}`;
      accounts.set(accountId, { kind, bsn });
    } else {
      const email = (form.get("email") ?? "").trim().toLowerCase();
      if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
        res
          .writeHead(400, { "content-type": "text/html; charset=utf-8" })
          .end(loginPage(uid, kind, "Vul een e-mailadres in, zoals naam@gemeente.nl."));
        return;
      }
      accountId = `staff-${createHash("sha256").update(email).digest("hex").slice(0, 32)}`;
      accounts.set(accountId, { kind, email });
    }
    await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
  };

  handler = (req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec((req.url ?? "").split("?")[0] ?? "");
    if (!match?.[1]) {
      providerHandler(req, res);
      return;
    }
    interaction(req, res, match[1]).catch(() => {
      if (!res.headersSent) res.writeHead(400, { "content-type": "text/html; charset=utf-8" });
      res.end(page("Er ging iets mis", "<h1>Er ging iets mis</h1><p>Deze inlogpagina is verlopen. Ga terug en probeer het opnieuw.</p>"));
    });
  };

  return {
    issuer,
    env: {
      OIDC_DIGID_ISSUER: issuer,
      OIDC_DIGID_CLIENT_ID: DIGID_CLIENT,
      OIDC_DIGID_CLIENT_SECRET: secrets.digid,
      OIDC_DIGID_REDIRECT_URI: redirect("digid"),
      OIDC_DIGID_BSN_CLAIM: bsnClaim,
      OIDC_STAFF_ISSUER: issuer,
      OIDC_STAFF_CLIENT_ID: STAFF_CLIENT,
      OIDC_STAFF_CLIENT_SECRET: secrets.staff,
      OIDC_STAFF_REDIRECT_URI: redirect("staff"),
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
