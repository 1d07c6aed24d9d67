// "Your checks": the checks this browser asked for, kept in a signed cookie (no
// account), with the state of those still running, and a button to forget them.
import type { Hono } from "hono";
import { formatDate } from "../../render/words.js";
import type { AppEnv, Site } from "../context.js";
import { checkList, csrfField } from "../components.js";
import { html } from "hono/html";
import { clearMine, readForm, readMine, sendPage } from "../respond.js";

export function mineRoutes(app: Hono<AppEnv>, site: Site): void {
  app.get("/mine", async (c) => {
    const ids = await readMine(c, site);
    const [published, jobs] = await Promise.all([site.archive.summaries(ids), site.jobs.latestForChecks(ids)]);
    const done = ids.map((id) => published.get(id)).filter((s) => s !== undefined);
    const pending = ids
      .filter((id) => !published.has(id))
      .map((id) => jobs.get(id))
      .filter((j) => j !== undefined);
    const body = html`<h1>Your checks</h1>
<p class="lead">The checks asked from this browser. Verity remembers them in a cookie on your device, not in an account.</p>
${
  pending.length > 0
    ? html`<h2>In progress or failed</h2><ul class="checks" data-testid="mine-pending">${pending.map(
        (j) => html`<li data-check-id="${j.checkId}"><a class="title" href="/progress/${j.checkId}">${j.input.slice(0, 140)}</a>
<div class="meta">${j.status === "failed" ? "failed" : j.status === "queued" ? "waiting" : j.status === "running" ? "being checked" : "done"} · asked on ${formatDate(j.createdAt)}</div></li>`,
      )}</ul>`
    : ""
}
${checkList(done, { testId: "mine-checks", empty: "You have not asked anything from this browser yet (or you cleared the list)." })}
${
  ids.length > 0
    ? html`<form method="post" action="/mine/clear" data-testid="mine-clear-form">${csrfField(c.get("csrf"))}
<button type="submit" class="secondary" data-testid="mine-clear">Forget my checks</button>
<span class="hint">The reports stay published; only this browser's list is cleared.</span></form>`
    : ""
}`;
    c.header("Cache-Control", "no-store");
    return sendPage(c, site, { title: "Your checks", body, noindex: true, pageClass: "page-mine" });
  });

  app.post("/mine/clear", async (c) => {
    const read = await readForm(c, site);
    if ("response" in read) return read.response;
    clearMine(c, site);
    return c.redirect("/mine", 303);
  });
}
