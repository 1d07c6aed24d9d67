// The JSON API of DESIGN.md, mounted at /api: checks (submit, list, read, follow),
// the campaign and its webhook, and the OpenAPI document. Errors are {error: {code, message}}.
import { Hono } from "hono";
import type { Web } from "../context.js";
import { campaignApi } from "./campaign.js";
import { checksApi } from "./checks.js";
import { openApiDocument } from "./openapi.js";

export function apiRoutes(web: Web): Hono {
  const document = openApiDocument();
  return new Hono()
    .get("/openapi.json", (c) => c.json(document))
    .route("/checks", checksApi(web))
    .route("/campaign", campaignApi(web));
}
