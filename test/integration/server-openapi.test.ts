// The OpenAPI document against the API's real answers, as a validating client reads them:
// ajv 8 (JSON Schema 2020-12, OpenAPI 3.1's dialect) checks every answer of every documented
// route and status against its documented schema, and every documented status is answered.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import SQLite from "better-sqlite3";
import formats from "ajv-formats";
import { signBody } from "../../src/server/api/campaign.js";
import { createServer, type VerityServer } from "../../src/server/app.js";
import { CheckService } from "../../src/service/check-service.js";
import { LibraryProvider } from "../../src/sources/library/provider.js";
import { LIBRARY } from "../fixtures/library-docs.js";
import { Gate } from "../helpers/gate.js";
import { tempVerity } from "../helpers/verity.js";
import { failingService } from "../helpers/website.js";

type TempVerity = Awaited<ReturnType<typeof tempVerity>>;
interface Answer {
  content?: Record<string, { schema: unknown }>;
  headers?: Record<string, unknown>;
}
interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, Answer> }>>;
}

const DOCUMENT_ID = "urn:verity:openapi";
const ICE = "Can local police refuse ICE detainer requests?";
const WEBHOOK_SECRET = "whsec-openapi-test";

/** A JSON pointer's part inside a URI fragment. */
const part = (name: string) => encodeURIComponent(name.replace(/~/g, "~0").replace(/\//g, "~1"));

/** Validates answers against the document and remembers which documented ones it saw. */
class Conformance {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: true });
  readonly seen = new Set<string>();

  constructor(readonly doc: OpenApi) {
    // The document's own fields are not schema keywords; `discriminator` is OpenAPI's annotation
    // (oneOf alone must already tell the shapes apart, which is what this test asserts).
    this.ajv.addVocabulary(["openapi", "info", "servers", "security", "paths", "components", "discriminator"]);
    formats.default(this.ajv);
    this.ajv.addSchema({ ...doc, $id: DOCUMENT_ID });
  }

  /** Checks the answer of `method template` against the document; returns its JSON body (null when it has none). */
  async check(method: string, template: string, res: Response): Promise<unknown> {
    const verb = method.toLowerCase();
    const answer = this.doc.paths[template]?.[verb]?.responses[String(res.status)];
    assert.ok(answer, `${method} ${template} documents ${res.status}`);
    this.seen.add(`${verb} ${template} ${res.status}`);
    for (const header of Object.keys(answer.headers ?? {}))
      assert.ok(res.headers.has(header), `${method} ${template} ${res.status}: ${header}`);
    if (!answer.content) {
      assert.equal(await res.text(), "", `${method} ${template} ${res.status} has no body`);
      return null;
    }
    const type = (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
    assert.ok(answer.content[type], `${method} ${template} ${res.status} documents ${type}`);
    if (type !== "application/json") return res.text();
    const body: unknown = await res.json();
    const pointer = ["paths", template, verb, "responses", String(res.status), "content", type, "schema"].map(part).join("/");
    const validate = this.ajv.getSchema(`${DOCUMENT_ID}#/${pointer}`) ?? assert.fail(`no schema at ${pointer}`);
    assert.ok(
      validate(body),
      `${method} ${template} ${res.status}: ${this.ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 300)}`,
    );
    return body;
  }

  /** The documented (operation, status) pairs no answer has shown. */
  unseen(): string[] {
    return Object.entries(this.doc.paths).flatMap(([template, operations]) =>
      Object.entries(operations).flatMap(([verb, operation]) =>
        Object.keys(operation.responses)
          .map((status) => `${verb} ${template} ${status}`)
          .filter((key) => !this.seen.has(key)),
      ),
    );
  }
}

describe("the OpenAPI document describes the API's real answers", () => {
  let v: TempVerity;
  let quiet: TempVerity;
  let app: VerityServer;
  let limited: VerityServer;
  let api: Conformance;
  const gate = new Gate();

  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany(LIBRARY);
    gate.hold();
    const service = new CheckService(v.store, v.analyst, [gate.provider(new LibraryProvider(v.library))]);
    app = createServer(
      { ...v, service },
      {
        webhookSecret: WEBHOOK_SECRET,
        campaign: {
          title: "Fund the checks",
          description: null,
          goalKind: "amount",
          goal: 100,
          currency: "EUR",
          deadline: null,
          donationUrl: null,
        },
      },
    );
    // A second site: no campaign, one submission per client, and checks that fail.
    quiet = await tempVerity();
    limited = createServer(
      { ...quiet, service: failingService(quiet) },
      { rateLimits: { submissions: { burst: 1, perMinute: 1 }, votes: { burst: 1, perMinute: 1 } } },
    );
    api = new Conformance(JSON.parse(await (await app.request("/api/openapi.json")).text()));
  });
  after(async () => {
    gate.release();
    await app.close();
    await limited.close();
    await v.cleanup();
    await quiet.cleanup();
  });

  const post = (target: VerityServer, body: unknown, type = "application/json") =>
    target.request("/api/checks", {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { "content-type": type },
    });

  it("a check: queued, running with its events, published; a re-check over the report", async () => {
    const accepted = (await api.check("POST", "/api/checks", await post(app, { input: ICE }))) as { id: string };
    await gate.arrived();
    const running = (await api.check("GET", "/api/checks/{id}", await app.request(`/api/checks/${accepted.id}`))) as { status: string };
    assert.equal(running.status, "running");
    const stream = await app.request(`/api/checks/${accepted.id}/events`);
    assert.equal(stream.status, 200);
    gate.release();
    assert.match(String(await api.check("GET", "/api/checks/{id}/events", stream)), /event: done/);
    await app.queue.whenIdle();

    const report = (await api.check("GET", "/api/checks/{id}", await app.request(`/api/checks/${accepted.id}`))) as { status: string };
    assert.equal(report.status, "done");
    await api.check("GET", "/api/checks/{id}/events", await app.request(`/api/checks/${accepted.id}/events`));
    assert.equal(((await api.check("POST", "/api/checks", await post(app, { input: ICE }))) as { id: string }).id, accepted.id);

    gate.hold();
    await api.check("POST", "/api/checks", await post(app, { input: ICE, fresh: true }));
    await gate.arrived();
    const refreshing = (await api.check("GET", "/api/checks/{id}", await app.request(`/api/checks/${accepted.id}`))) as {
      status: string;
      refresh?: { status: string };
    };
    assert.equal(refreshing.status, "done");
    assert.equal(refreshing.refresh?.status, "running");
    gate.release();
    await app.queue.whenIdle();
  });

  it("lists, searches, refuses and does not find", async () => {
    await api.check("GET", "/api/checks", await app.request("/api/checks"));
    await api.check("GET", "/api/checks", await app.request("/api/checks?q=detainer&category=justice"));
    await api.check("GET", "/api/checks", await app.request("/api/checks?page=0"));
    await api.check("POST", "/api/checks", await post(app, { input: ICE, fresh: "yes" }));
    await api.check("POST", "/api/checks", await post(app, { input: "y".repeat(70_000) }));
    await api.check("POST", "/api/checks", await post(app, "--x\r\n", "multipart/form-data; boundary=x"));
    const missing = "00000000-0000-0000-0000-000000000000";
    await api.check("GET", "/api/checks/{id}", await app.request(`/api/checks/${missing}`));
    await api.check("GET", "/api/checks/{id}/events", await app.request(`/api/checks/${missing}/events`));
    await api.check("GET", "/api/openapi.json", await app.request("/api/openapi.json"));
  });

  it("a failed check, and a client over its limit", async () => {
    const { id } = (await api.check("POST", "/api/checks", await post(limited, { input: ICE }))) as { id: string };
    await limited.queue.whenIdle();
    const failed = (await api.check("GET", "/api/checks/{id}", await limited.request(`/api/checks/${id}`))) as { status: string };
    assert.equal(failed.status, "failed");
    await api.check("POST", "/api/checks", await post(limited, { input: "Coffee causes cancer." }));
  });

  it("the campaign and its signed webhook", async () => {
    const hook = (target: VerityServer, event: Record<string, unknown>, secret = WEBHOOK_SECRET) => {
      const body = JSON.stringify(event);
      return target.request("/api/campaign/webhook", {
        method: "POST",
        body,
        headers: { "content-type": "application/json", "x-verity-signature": signBody(secret, body) },
      });
    };
    const webhook = "/api/campaign/webhook";
    await api.check("GET", "/api/campaign", await app.request("/api/campaign"));
    await api.check("GET", "/api/campaign", await limited.request("/api/campaign"));
    const donation = { id: "evt_1", type: "donation", amount: 25, currency: "EUR" };
    await api.check("POST", webhook, await hook(app, donation));
    await api.check("POST", webhook, await hook(app, donation));
    await api.check("POST", webhook, await hook(app, { id: "evt_2", type: "refund.created", amount: 5 }));
    await api.check("POST", webhook, await hook(app, { id: "evt_3", type: "donation", amount: "lots" }));
    await api.check("POST", webhook, await hook(app, { id: "evt_4", type: "donation", amount: 5 }, "wrong-secret"));
    await api.check("POST", webhook, await hook(limited, donation));
  });

  it("a submission refused because the server's disk is full (the real full disk: disk-full.test.ts)", async () => {
    const diskFull = new SQLite.SqliteError("database or disk is full", "SQLITE_FULL");
    const refusing = { lookup: () => Promise.reject(diskFull), submit: () => Promise.reject(diskFull) } as unknown as CheckService;
    const full = createServer({ ...quiet, service: refusing }, { startJobs: false });
    await api.check("POST", "/api/checks", await post(full, { input: "Is tea good for you?" }));
    await full.close();
  });

  it("every documented answer was seen", () => {
    assert.deepEqual(api.unseen(), []);
  });
});
