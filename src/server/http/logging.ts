import type { FastifyError, FastifyRequest } from "fastify";

/**
 * A request's URL as the log writes it: the path, and of the query string only the names of the parameters. Their
 * values can be personal data (a name searched for, or a BSN sent where it does not belong); the log needs none.
 */
export function urlForLog(url: string): string {
  const start = url.indexOf("?");
  if (start < 0) return url;
  const names = [...new Set(new URLSearchParams(url.slice(start + 1)).keys())].filter((name) => /^[A-Za-z][\w-]{0,40}$/.test(name));
  return names.length > 0 ? `${url.slice(0, start)}?${names.join("&")}` : url.slice(0, start);
}

const BSN_SHAPED = /(?<![\w-])\d{9}(?![\w-])/g;

/**
 * Masks every number of nine digits standing on its own — the shape of a BSN — in a log line, whatever wrote it:
 * the last guard behind the ones at the source (URLs without query values, errors without the database's
 * `detail`), so that a BSN never reaches a log line. Digits inside identifiers (UUIDs) are left alone.
 */
export function maskBsns(line: string): string {
  return line.replace(BSN_SHAPED, "*********");
}

/**
 * An error as the log writes it: type, message, code and stack. Deliberately not every property: PostgreSQL's
 * `detail` carries the values of the row that failed ("Key (bsn)=(…) already exists").
 */
function errorForLog(error: FastifyError) {
  return { type: error.name, message: error.message, code: error.code, statusCode: error.statusCode, stack: error.stack ?? "" };
}

/** The request log's settings: level, destination, and what of a request or an error it may write. */
export function loggerOptions(level: string, stream: NodeJS.WritableStream = process.stdout) {
  return {
    level,
    redact: ["req.headers.authorization", "req.headers.cookie"],
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: urlForLog(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
      err: errorForLog,
    },
    stream: { write: (line: string) => stream.write(maskBsns(line)) },
  };
}
