// Helpers for the website's tests: a browser-like client with a cookie jar over
// app.request, a check service whose sources wait for the test to let them answer, one whose checks fail,
// and a real listening server on 127.0.0.1 for server-sent events.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { JSDOM } from "jsdom";
import type { Verity } from "../../src/service/verity.js";
import { CheckService } from "../../src/service/check-service.js";
import { LibraryProvider } from "../../src/sources/library/provider.js";
import type { SourceProvider } from "../../src/sources/provider.js";
import type { VerityServer } from "../../src/server/app.js";
import { Gate } from "./gate.js";

type Requester = Pick<VerityServer, "request">;

/** A visitor: keeps cookies between requests, posts forms from the site's pages. */
export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly app: Requester) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0 && !headers.has("cookie")) headers.set("cookie", this.cookieHeader());
    const res = await this.app.request(path, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { headers });
  }

  /** The page's HTML, asserting its status. */
  async page(path: string, status = 200): Promise<{ html: string; doc: Document; res: Response }> {
    const res = await this.get(path);
    const html = await res.text();
    assert.equal(res.status, status, `GET ${path}: ${res.status}\n${html.slice(0, 500)}`);
    return { html, doc: new JSDOM(html).window.document, res };
  }

  /**
   * Posts a form as a browser does, saying where it comes from: Origin is this site
   * (app.request's http://localhost) unless told otherwise; null sends no Origin.
   */
  post(
    path: string,
    fields: Record<string, string>,
    options: { origin?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const origin = options.origin === undefined ? "http://localhost" : options.origin;
    return this.request(path, {
      method: "POST",
      body: new URLSearchParams(fields).toString(),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(origin !== null ? { origin } : {}),
        ...(options.headers ?? {}),
      },
    });
  }
}

/**
 * A check service whose library answers only once the test opens the gate, so a check
 * can be watched (and joined) while it runs. `searches` counts the searches that began.
 */
export function gatedService(verity: Verity): { service: CheckService; open: () => void; started: Promise<void>; searches: () => number } {
  const gate = new Gate();
  gate.hold();
  const held = gate.provider(new LibraryProvider(verity.library));
  let searches = 0;
  const provider: SourceProvider = {
    id: held.id,
    search(request, signal) {
      searches++;
      return held.search(request, signal);
    },
  };
  return {
    service: new CheckService(verity.store, verity.analyst, [provider]),
    open: () => gate.release(),
    started: gate.arrived(),
    searches: () => searches,
  };
}

/** A check service whose every check fails with `reason` (the lookup of existing reports still works). */
export function failingService(verity: Verity, reason = "the library is unreachable"): CheckService {
  return {
    lookup: verity.service.lookup.bind(verity.service),
    submit: async (_submission: unknown, options?: { id?: string }) => ({
      id: options?.id ?? randomUUID(),
      done: (async () => {
        throw new Error(reason);
      })(),
    }),
  } as unknown as CheckService;
}

/** Serves the app on 127.0.0.1 on a free port. */
export async function listen(app: Pick<VerityServer, "fetch">): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

export interface SseEvent {
  event: string;
  data: Record<string, unknown>;
  id: string | null;
}

/** Reads a server-sent event stream to its end (the server closes it after done or failed). */
export async function readEvents(url: string, headers: Record<string, string> = {}): Promise<SseEvent[]> {
  const res = await fetch(url, { headers: { accept: "text/event-stream", ...headers } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /text\/event-stream/);
  const text = await res.text();
  return parseSse(text);
}

export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split(/\n\n/)) {
    let event = "message";
    let id: string | null = null;
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event: ")) event = line.slice(7);
      else if (line.startsWith("data: ")) data.push(line.slice(6));
      else if (line.startsWith("id: ")) id = line.slice(4);
    }
    if (data.length > 0) events.push({ event, data: JSON.parse(data.join("\n")), id });
  }
  return events;
}

/** Follows redirects like a browser (GET after 303), returning the final response and its path. */
export async function follow(browser: Browser, res: Response, max = 10): Promise<{ res: Response; path: string }> {
  let current = res;
  let path = "";
  for (let i = 0; i < max && current.status >= 300 && current.status < 400; i++) {
    path = current.headers.get("location")!;
    current = await browser.get(path);
  }
  return { res: current, path };
}
