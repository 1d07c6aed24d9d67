// A minimal HttpClient for tests, on global fetch, that only talks to 127.0.0.1: providers under
// test reach their fixture servers and nothing else (the real client, with SSRF protection, lives
// in src/fetch/http.ts). Every request is also recorded.
import { HttpError, type HttpClient, type HttpRequest, type HttpResponse } from "../../src/fetch/http-client.js";

export interface LoopbackHttp extends HttpClient {
  /** Requests made through this client, in order (URL, method, headers as sent). */
  readonly sent: HttpRequest[];
}

export function loopbackHttp(): LoopbackHttp {
  const sent: HttpRequest[] = [];
  return {
    sent,
    async request(req: HttpRequest): Promise<HttpResponse> {
      sent.push(req);
      let url: URL;
      try {
        url = new URL(req.url);
      } catch {
        throw new HttpError(`bad URL`, "bad_url");
      }
      if (url.protocol !== "http:" || url.hostname !== "127.0.0.1") {
        throw new HttpError(`loopback client: ${url.protocol}//${url.hostname} is not 127.0.0.1`, "forbidden_address");
      }
      const signals = [req.signal, req.timeoutMs ? AbortSignal.timeout(req.timeoutMs) : undefined].filter((s): s is AbortSignal => !!s);
      const signal = signals.length ? AbortSignal.any(signals) : undefined;
      let res: Response;
      try {
        res = await fetch(url, { method: req.method ?? "GET", headers: req.headers, body: req.body, signal, redirect: "manual" });
      } catch (error) {
        if (req.signal?.aborted) throw req.signal.reason;
        if (signal?.aborted) throw new HttpError("timed out", "timeout");
        throw new HttpError(`network error: ${error instanceof Error ? error.message : String(error)}`, "network");
      }
      const body = new Uint8Array(await res.arrayBuffer());
      if (req.maxBytes !== undefined && body.byteLength > req.maxBytes) throw new HttpError("response too large", "too_large");
      const headers: Record<string, string> = {};
      res.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));
      const text = () => new TextDecoder().decode(body);
      return { url: res.url || req.url, status: res.status, headers, body, fromCache: false, text, json: () => JSON.parse(text()) };
    },
  };
}
