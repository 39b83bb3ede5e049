// Spectral function: the response object declares the header named in `options.name`. HTTP header names are
// case-insensitive, so `api-version` and `API-Version` both count.
export default function hasHeader(response, options) {
  const wanted = String(options.name).toLowerCase();
  const names = Object.keys(response?.headers ?? {}).map((name) => name.toLowerCase());
  if (names.includes(wanted)) return [];
  return [{ message: `The response must declare the ${options.name} header.` }];
}
