// The OpenAPI 3.1 document of the JSON API (hand-written: it is the contract).
import { CATEGORIES } from "../../domain/categories.js";
import { CHECK_STATUSES, INPUT_KINDS, SECTION_KINDS, STANCES, VERDICT_LABELS } from "../../domain/report.js";
import { MAX_INPUT_CHARS } from "../../domain/limits.js";
import { codeVersion } from "../../domain/version.js";

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});
const idParam = { name: "id", in: "path", required: true, description: "The check's id (a UUID).", schema: { type: "string" } };

export function openApiDocument(baseUrl: string): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "Verity API",
      version: codeVersion(),
      description:
        "Submit questions, claims, topics, links or texts for checking, follow the checks live, and read the published, cited reports. " +
        "Errors are JSON `{error: {code, message}}` with a 4xx or 5xx status. Submissions are rate-limited per client (429 with Retry-After).",
      license: { name: "MIT" },
    },
    servers: [{ url: baseUrl }],
    paths: {
      "/api/checks": {
        post: {
          operationId: "submitCheck",
          summary: "Submit something to check",
          description:
            "Queues a check and answers 202 with its id. The same question (ignoring case and punctuation) asked while it is being checked joins that check; " +
            "asked again while its report is fresh, it is answered with the report (200).",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["input"],
                  properties: {
                    input: {
                      type: "string",
                      maxLength: MAX_INPUT_CHARS,
                      description: "A question, claim, topic, http(s) link or pasted text.",
                    },
                    fresh: { type: "boolean", description: "Re-check even when a fresh report exists.", default: false },
                  },
                },
              },
            },
          },
          responses: {
            "200": {
              description: "The fresh report of the same question.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Report" } } },
            },
            "202": {
              description: "The check is queued or running.",
              headers: { Location: { schema: { type: "string" }, description: "The check's URL." } },
              content: { "application/json": { schema: { $ref: "#/components/schemas/Accepted" } } },
            },
            "400": error("Empty, too long or malformed input."),
            "413": error("The body is too large."),
            "415": error("A multipart body: send JSON."),
            "429": { ...error("Too many submissions from this client."), headers: { "Retry-After": { schema: { type: "integer" } } } },
          },
        },
        get: {
          operationId: "listChecks",
          summary: "List or search the published checks",
          parameters: [
            {
              name: "q",
              in: "query",
              description: "Full-text search over titles, submitted texts and summaries.",
              schema: { type: "string", maxLength: 200 },
            },
            { name: "category", in: "query", schema: { type: "string", enum: [...CATEGORIES] } },
            { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
          ],
          responses: {
            "200": {
              description: "A page of checks, newest first (or best match first for q).",
              content: { "application/json": { schema: { $ref: "#/components/schemas/CheckList" } } },
            },
            "400": error("Unknown category or bad page."),
          },
        },
      },
      "/api/checks/{id}": {
        get: {
          operationId: "getCheck",
          summary: "A check's report, or its state while it runs",
          parameters: [idParam],
          responses: {
            "200": {
              description: "The report (status done; queued or running while a refresh runs), or the state of a check not yet published.",
              content: {
                "application/json": {
                  schema: { oneOf: [{ $ref: "#/components/schemas/Report" }, { $ref: "#/components/schemas/CheckState" }] },
                },
              },
            },
            "404": error("No such check."),
          },
        },
      },
      "/api/checks/{id}/events": {
        get: {
          operationId: "checkEvents",
          summary: "The check's progress as server-sent events",
          description:
            "Replays the events of the current run (after Last-Event-ID), then sends the live ones, and ends with a `done` event ({checkId, url}) or a `failed` event ({error}). " +
            "Event types: open, queued, started, stage-started {stage}, stage-finished {stage, ms, detail}, sources-found {count}, passages-kept {count}, reused, done, failed. " +
            "Every data field is JSON.",
          parameters: [idParam, { name: "Last-Event-ID", in: "header", required: false, schema: { type: "integer" } }],
          responses: {
            "200": { description: "An event stream.", content: { "text/event-stream": { schema: { type: "string" } } } },
            "404": error("No such check."),
          },
        },
      },
      "/api/openapi.json": {
        get: {
          operationId: "openApi",
          summary: "This document",
          responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
      "/api/campaign": {
        get: {
          operationId: "getCampaign",
          summary: "The donation campaign's numbers",
          responses: {
            "200": {
              description: "Goal, raised, supporters, time left.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Campaign" } } },
            },
            "404": error("No campaign is running."),
          },
        },
      },
      "/api/campaign/webhook": {
        post: {
          operationId: "campaignWebhook",
          summary: "Record a donation (payment provider's webhook)",
          description:
            "The raw body is signed with the configured secret: header `X-Verity-Signature: sha256=<hex HMAC-SHA256 of the raw body>`. " +
            "Each event id is recorded once; a replay is refused with 409.",
          parameters: [
            { name: "X-Verity-Signature", in: "header", required: true, schema: { type: "string", pattern: "^sha256=[0-9a-f]{64}$" } },
          ],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["id", "type", "amount"],
                  properties: {
                    id: { type: "string", description: "The provider's event id." },
                    type: { type: "string", examples: ["donation"] },
                    amount: { type: "number", description: "In major units (e.g. 25.50)." },
                    currency: { type: "string", pattern: "^[A-Za-z]{3}$" },
                    donor: { type: ["string", "null"] },
                  },
                },
              },
            },
          },
          responses: {
            "200": { description: "Recorded.", content: { "application/json": { schema: { type: "object" } } } },
            "202": { description: "Not a donation event: ignored." },
            "400": error("Not a donation event."),
            "401": error("Missing or wrong signature."),
            "404": error("The webhook is not configured."),
            "409": error("This event was already recorded."),
          },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" } } },
          },
        },
        Accepted: {
          type: "object",
          required: ["id", "url", "status"],
          properties: {
            id: { type: "string" },
            url: { type: "string", description: "This check in the API." },
            status: { type: "string", enum: ["queued", "running"] },
            joined: { type: "boolean", description: "True when the same question was already being checked." },
            progressUrl: { type: "string" },
            eventsUrl: { type: "string" },
          },
        },
        CheckState: {
          type: "object",
          required: ["id", "status"],
          properties: {
            id: { type: "string" },
            status: { type: "string", enum: [...CHECK_STATUSES] },
            error: { type: ["string", "null"] },
            stage: { type: ["string", "null"] },
            progressUrl: { type: "string" },
          },
        },
        CheckSummary: {
          type: "object",
          properties: {
            id: { type: "string" },
            url: { type: "string" },
            title: { type: "string" },
            category: { type: "string" },
            verdict: { $ref: "#/components/schemas/Verdict" },
            checkedAt: { type: "string", format: "date-time" },
            version: { type: "integer" },
            snippet: { type: "string" },
          },
        },
        CheckList: {
          type: "object",
          properties: {
            items: { type: "array", items: { $ref: "#/components/schemas/CheckSummary" } },
            page: { type: "integer" },
            pageSize: { type: "integer" },
            total: { type: "integer" },
            next: { type: ["string", "null"] },
            prev: { type: ["string", "null"] },
          },
        },
        Verdict: {
          type: "object",
          properties: {
            label: { type: "string", enum: [...VERDICT_LABELS] },
            confidence: { type: "number", minimum: 0, maximum: 1 },
            headline: { type: "string" },
          },
        },
        Report: {
          type: "object",
          description: "The report JSON of DESIGN.md. Fields may be added, never renamed.",
          required: [
            "id",
            "slug",
            "url",
            "status",
            "input",
            "title",
            "claims",
            "verdict",
            "sections",
            "sources",
            "followUps",
            "category",
            "entities",
            "provenance",
            "checkedAt",
          ],
          properties: {
            id: { type: "string" },
            slug: { type: "string" },
            url: { type: "string", description: "The report page: /checks/{category}/{slug}-{short id}." },
            status: { type: "string", enum: [...CHECK_STATUSES] },
            version: { type: "integer" },
            input: { type: "object", properties: { text: { type: "string" }, kind: { type: "string", enum: [...INPUT_KINDS] } } },
            title: { type: "string" },
            language: { type: "string" },
            claims: {
              type: "array",
              items: {
                type: "object",
                properties: { id: { type: "string" }, text: { type: "string" }, verdict: { $ref: "#/components/schemas/Verdict" } },
              },
            },
            verdict: { $ref: "#/components/schemas/Verdict" },
            sections: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  kind: { type: "string", enum: [...SECTION_KINDS] },
                  title: { type: "string" },
                  paragraphs: { type: "array", items: { type: "object", properties: { text: { type: "string" } } } },
                },
              },
            },
            sources: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  n: { type: "integer" },
                  url: { type: "string" },
                  title: { type: "string" },
                  publisher: { type: ["string", "null"] },
                  author: { type: ["string", "null"] },
                  publishedAt: { type: ["string", "null"] },
                  retrievedAt: { type: "string" },
                  quotes: { type: "array", items: { type: "string" } },
                  stance: { type: "string", enum: [...STANCES] },
                },
              },
            },
            followUps: { type: "array", items: { type: "object", properties: { question: { type: "string" } } } },
            factChecks: { type: "array", items: { type: "object" } },
            category: { type: "string", enum: [...CATEGORIES] },
            entities: {
              type: "array",
              items: {
                type: "object",
                properties: { name: { type: "string" }, type: { type: "string" }, description: { type: "string" } },
              },
            },
            provenance: { type: "object" },
            checkedAt: { type: "string", format: "date-time" },
          },
        },
        Campaign: {
          type: "object",
          properties: {
            title: { type: "string" },
            goal: {
              type: "object",
              properties: {
                kind: { type: "string", enum: ["amount", "supporters"] },
                value: { type: "number" },
                currency: { type: "string" },
              },
            },
            raised: { type: "number" },
            supporters: { type: "integer" },
            percent: { type: "integer" },
            deadline: { type: ["string", "null"] },
            timeLeft: { type: ["string", "null"] },
            ended: { type: "boolean" },
            donationUrl: { type: ["string", "null"] },
          },
        },
      },
    },
  };
}
