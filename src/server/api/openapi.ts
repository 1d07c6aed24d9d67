// The OpenAPI 3.1 document of the JSON API: the paths and operations are written here,
// every schema is generated from the zod schemas the API and the report are defined by.
import { z } from "zod";
import { Verdict } from "../../domain/report.js";
import { codeVersion } from "../../domain/version.js";
import {
  AcceptedJson,
  CampaignJson,
  CheckListJson,
  CheckStateJson,
  CheckSummaryJson,
  ErrorJson,
  ListChecksQuery,
  ReportJson,
  SubmitCheckBody,
  WebhookEventBody,
  WebhookIgnoredJson,
  WebhookRecordedJson,
} from "./schemas.js";

type JsonSchema = Record<string, unknown>;

/** The answers' schemas, each a component the operations refer to by name. */
const COMPONENTS = z.registry<{ id: string }>();
COMPONENTS.add(ErrorJson, { id: "Error" });
COMPONENTS.add(AcceptedJson, { id: "Accepted" });
COMPONENTS.add(CheckStateJson, { id: "CheckState" });
COMPONENTS.add(CheckSummaryJson, { id: "CheckSummary" });
COMPONENTS.add(CheckListJson, { id: "CheckList" });
COMPONENTS.add(Verdict, { id: "Verdict" });
COMPONENTS.add(ReportJson, { id: "Report" });
COMPONENTS.add(CampaignJson, { id: "Campaign" });
COMPONENTS.add(WebhookRecordedJson, { id: "WebhookRecorded" });
COMPONENTS.add(WebhookIgnoredJson, { id: "WebhookIgnored" });

/** The document carries no JSON Schema dialect or id per schema (OpenAPI 3.1's default dialect is 2020-12). */
function bare(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(COMPONENTS, {
    uri: (id) => `#/components/schemas/${id}`,
    // Answers may gain fields (never lose or rename them): clients must accept more than listed.
    override: ({ jsonSchema }) => {
      if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    },
  });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, bare(schema as JsonSchema)]));
}

/** What a client sends: a request body or a parameter, as the route reads it (defaults are the client's to omit). */
function requestSchema(schema: z.ZodType): JsonSchema {
  return bare(z.toJSONSchema(schema, { io: "input" }) as JsonSchema);
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: JsonSchema) => ({ "application/json": { schema } });
const answer = (description: string, id: string) => ({ description, content: json(ref(id)) });
const error = (description: string) => answer(description, "Error");
const idParam = { name: "id", in: "path", required: true, description: "The check's id (a UUID).", schema: { type: "string" } };

/** Query parameters from a zod object, each with its schema and description. */
function queryParameters(query: z.ZodObject): JsonSchema[] {
  return Object.entries(query.shape).map(([name, field]) => {
    const { description, ...schema } = requestSchema(field as z.ZodType);
    return { name, in: "query", ...(description ? { description } : {}), schema };
  });
}

/** GET /api/checks/{id}: a report or a check's state, told apart by `status` (the two never share a value). */
const reportOrState = {
  oneOf: [ref("Report"), ref("CheckState")],
  discriminator: {
    propertyName: "status",
    mapping: {
      done: "#/components/schemas/Report",
      queued: "#/components/schemas/CheckState",
      running: "#/components/schemas/CheckState",
      failed: "#/components/schemas/CheckState",
    },
  },
};

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "Verity API",
      version: codeVersion(),
      description:
        "Submit questions, claims, topics, links or texts for checking, follow the checks live, and read the published, cited reports. " +
        "Errors are JSON `{error: {code, message}}` with a 4xx or 5xx status. Submissions are rate-limited per client (429 with Retry-After); a write refused because the server's disk is full answers 503 (code `disk_full`, with Retry-After).",
      license: { name: "MIT", identifier: "MIT" },
    },
    // Relative: the API is wherever this document was fetched from (any host, any port).
    servers: [{ url: "/" }],
    // Reading and submitting need no credentials; the webhook is signed (its X-Verity-Signature header).
    security: [],
    paths: {
      "/api/checks": {
        post: {
          operationId: "submitCheck",
          summary: "Submit something to check",
          description:
            "Queues a check and answers 202 with its id. The same question (ignoring case and punctuation) asked while it is being checked joins that check; " +
            "asked again while its report is fresh, it is answered with the report (200).",
          requestBody: { required: true, content: json(requestSchema(SubmitCheckBody)) },
          responses: {
            "200": answer("The fresh report of the same question.", "Report"),
            "202": {
              ...answer("The check is queued or running.", "Accepted"),
              headers: { Location: { schema: { type: "string" }, description: "The check's URL." } },
            },
            "400": error("Empty, too long or malformed input."),
            "413": error("The body is too large."),
            "415": error("A multipart body: send JSON."),
            "429": { ...error("Too many submissions from this client."), headers: { "Retry-After": { schema: { type: "integer" } } } },
            "503": {
              ...error("The server's disk is full (code `disk_full`): nothing was saved; reading still works."),
              headers: { "Retry-After": { schema: { type: "integer" } } },
            },
          },
        },
        get: {
          operationId: "listChecks",
          summary: "List or search the published checks",
          parameters: queryParameters(ListChecksQuery),
          responses: {
            "200": answer("A page of checks, newest first (or best match first for q).", "CheckList"),
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
              description:
                "The report (status done, with `refresh` while a re-check runs), or the state of a check not yet published (queued, running or failed).",
              content: json(reportOrState),
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
            "A check that has already ended answers 204, which tells an EventSource to stop reconnecting: read the check itself. " +
            "Event types: following {checkId} (first), queued, started, stage-started {stage}, stage-finished {stage, ms, detail}, language {language} (the input's, after intake), sources-found {count}, passages-kept {count}, reused, done, failed. " +
            "Every data field is JSON.",
          parameters: [idParam, { name: "Last-Event-ID", in: "header", required: false, schema: { type: "integer" } }],
          responses: {
            "200": { description: "An event stream.", content: { "text/event-stream": { schema: { type: "string" } } } },
            "204": { description: "The check has ended: nothing to follow." },
            "404": error("No such check."),
          },
        },
      },
      "/api/openapi.json": {
        get: {
          operationId: "openApi",
          summary: "This document",
          responses: { "200": { description: "OpenAPI 3.1", content: json({ type: "object" }) } },
        },
      },
      "/api/campaign": {
        get: {
          operationId: "getCampaign",
          summary: "The donation campaign's numbers",
          responses: {
            "200": answer("Goal, raised, supporters, time left.", "Campaign"),
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
          requestBody: { required: true, content: json(requestSchema(WebhookEventBody)) },
          responses: {
            "200": answer("Recorded.", "WebhookRecorded"),
            "202": answer("Not a donation event: ignored.", "WebhookIgnored"),
            "400": error("Not a donation event."),
            "401": error("Missing or wrong signature."),
            "404": error("The webhook is not configured."),
            "409": error("This event was already recorded."),
          },
        },
      },
    },
    components: { schemas: componentSchemas() },
  };
}
