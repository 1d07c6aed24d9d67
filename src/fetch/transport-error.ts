// What undici, net or zlib throw, as the HttpError every caller understands.
import { HttpError } from "./http-client.js";

/** Maps whatever undici, net or zlib threw to an HttpError. */
export function translateError(error: unknown, timedOut: boolean, url: URL): HttpError {
  const own = findHttpError(error);
  if (own && own.code !== "timeout") return own;
  if (timedOut || own) return own ?? new HttpError(`timed out fetching ${url.host}`, "timeout");
  const code = errorCode(error);
  switch (code) {
    case "UND_ERR_CONNECT_TIMEOUT":
      return new HttpError(`timed out connecting to ${url.host}`, "timeout");
    case "UND_ERR_HEADERS_TIMEOUT":
      return new HttpError(`timed out waiting for the response headers from ${url.host}`, "timeout");
    case "UND_ERR_BODY_TIMEOUT":
      return new HttpError(`timed out reading the response body from ${url.host}`, "timeout");
    case "ETIMEDOUT":
      return new HttpError(`timed out connecting to ${url.host}`, "timeout");
    case "UND_ERR_ABORTED":
    case "ABORT_ERR":
      return new HttpError(`request to ${url.host} aborted`, "network");
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return new HttpError(`network error fetching ${url.host}: ${code ? `${code} ` : ""}${message}`.trim(), "network");
    }
  }
}

function findHttpError(error: unknown): HttpError | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 8; depth++) {
    if (current instanceof HttpError) return current;
    if (current instanceof AggregateError) {
      for (const inner of current.errors) if (inner instanceof HttpError) return inner;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

function errorCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 8; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    if ((current as { name?: unknown }).name === "AbortError") return "ABORT_ERR";
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
