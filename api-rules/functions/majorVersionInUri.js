// Spectral function, given the document root: every server URL ends in `/v{major}`, and that major version is the
// one of `info.version`, so the URI and the API-Version header can never disagree.
export default function majorVersionInUri(document) {
  const major = /^(\d+)\./.exec(String(document?.info?.version ?? ""))?.[1];
  const servers = Array.isArray(document?.servers) ? document.servers : [];
  if (servers.length === 0) return [{ message: "Declare the server URL, ending in the major version (/v1).", path: ["servers"] }];
  const results = [];
  servers.forEach((server, index) => {
    const inUri = /\/v(\d+)\/?$/.exec(String(server?.url ?? ""))?.[1];
    if (inUri === undefined) {
      results.push({
        message: `Server URL ${server?.url} must end in the major version, e.g. /v${major ?? 1}.`,
        path: ["servers", index, "url"],
      });
    } else if (major !== undefined && inUri !== major) {
      results.push({ message: `Server URL has /v${inUri} but info.version is ${document.info.version}.`, path: ["servers", index, "url"] });
    }
  });
  return results;
}
