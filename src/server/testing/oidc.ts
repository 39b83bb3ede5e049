import { type LocalProvider, startLocalProvider } from "@server/demo/local-openid-provider.js";

/** The app's address the test provider sends browsers back to; `inject` takes the path and query from it. */
export const TEST_APP_URL = "http://app.test";

/** Starts the real local OpenID Provider on a free port for a test file (stop it with `close()`). */
export function startTestProvider(appUrl = TEST_APP_URL, bsnClaim?: string): Promise<LocalProvider> {
  return startLocalProvider({ environment: "test", appUrl, ...(bsnClaim ? { bsnClaim } : {}) });
}

/** Who logs in on the provider's page: a BSN (DigiD), an e-mail address (staff), or nobody (the person stops). */
export type ProviderLogin = { bsn: string } | { email: string } | { cancel: true };

/**
 * Plays the browser at the provider: opens the authorization URL the app sent it to, fills in the login page and
 * follows the provider's redirects (keeping its cookies) until it sends the browser back to the app. Answers that URL.
 */
export async function logInAtProvider(authorizationUrl: string, who: ProviderLogin, appUrl = TEST_APP_URL): Promise<URL> {
  const jar = new Map<string, string>();
  const request = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const header of response.headers.getSetCookie()) {
      const pair = header.split(";")[0] ?? "";
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      if (value === "" || /expires=Thu, 01 Jan 1970/i.test(header)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  const follow = async (start: Response, from: string): Promise<URL> => {
    let response = start;
    let base = from;
    for (let hop = 0; hop < 10; hop++) {
      const location = response.headers.get("location");
      if (!location) throw new Error(`the provider answered ${response.status} without a redirect: ${await response.text()}`);
      const next = new URL(location, base);
      if (next.href.startsWith(appUrl)) return next;
      base = next.href;
      response = await request(next.href);
      if (response.status === 200) return new URL(next.href);
    }
    throw new Error("too many redirects at the provider");
  };
  const loginPage = await follow(await request(authorizationUrl), authorizationUrl);
  if (loginPage.href.startsWith(appUrl)) return loginPage;
  const form = new URLSearchParams("cancel" in who ? { cancel: "1" } : "bsn" in who ? { bsn: who.bsn } : { email: who.email });
  const submitted = await request(loginPage.href, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
  if (submitted.status === 400) throw new Error(`the provider refused the login form: ${await submitted.text()}`);
  return follow(submitted, loginPage.href);
}
