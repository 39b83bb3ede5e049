import { accessReasonForPath } from "./access-reasons.js";
/** One invalid field as the server reports it in `invalidParams`. */
export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

/** The problem+json body every API error carries. */
export interface Problem {
  status: number;
  title: string;
  detail: string;
  code: string;
  requestId?: string;
  invalidParams?: InvalidParam[];
}

/** An API call that did not succeed: an HTTP error with its problem body, or no answer at all (status 0). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = "ApiError";
  }

  get status(): number {
    return this.problem.status;
  }
}

type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** A multipart body (file uploads); the browser sets its content type with the boundary. */
  form?: FormData;
}

const BASE = "/api/v1";

// The CSRF token lives in memory only (from GET /me or the login answer), never in storage.
let csrfToken: string | undefined;

/** Remembers the CSRF token to send with cookie-authenticated writes. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/**
 * Builds `/api/v1/path?query`, leaving out empty filters; a path into a client's record carries the task an
 * administrator named for it.
 */
export function apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  const withReason: Record<string, QueryValue> = { ...query, accessReason: accessReasonForPath(path) };
  for (const [key, value] of Object.entries(withReason)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ""}`;
}

async function problemOf(response: Response): Promise<Problem> {
  const fallback: Problem = { status: response.status, title: response.statusText, detail: response.statusText, code: "httpError" };
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...fallback, ...body, status: response.status };
  } catch {
    return fallback;
  }
}

/** Calls the API with the session cookie; resolves with the JSON body (undefined for 204) or throws ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined && !options.form) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch {
    throw new ApiError({ status: 0, title: "Network error", detail: "No answer from the server", code: "networkError" });
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** True when an error is an ApiError with the given status. */
export function hasStatus(error: unknown, status: number): error is ApiError {
  return error instanceof ApiError && error.status === status;
}

/**
 * Uploads a form with the session cookie and the CSRF token, telling the share of the body sent so far (0 to 1), for
 * a progress bar; resolves with the JSON answer or throws ApiError like `api`. `fetch` cannot report upload progress.
 */
export function uploadWithProgress<T>(path: string, form: FormData, onProgress: (share: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", apiUrl(path));
    request.withCredentials = true;
    request.setRequestHeader("Accept", "application/json");
    if (csrfToken) request.setRequestHeader("X-CSRF-Token", csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () =>
      reject(new ApiError({ status: 0, title: "Network error", detail: "No answer from the server", code: "networkError" }));
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as T);
      else {
        const fallback: Problem = { status: request.status, title: request.statusText, detail: request.statusText, code: "httpError" };
        reject(new ApiError({ ...fallback, ...(body as Partial<Problem> | undefined), status: request.status }));
      }
    };
    request.send(form);
  });
}
