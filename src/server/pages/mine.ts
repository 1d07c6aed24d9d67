// "Your checks": the checks this browser asked for, kept in a signed cookie (no
// account), with the state of those still running, and a button to forget them.
import { Hono } from "hono";
import { html } from "hono/html";
import { formatDate } from "../../render/words.js";
import { checkList } from "../components.js";
import type { Web } from "../context.js";

export function mineRoutes(web: Web): Hono {
  const { archive, progress } = web.services;
  const { cookies, formGuard } = web;
  const app = new Hono();

  app.get("/", async (c) => {
    const ids = await cookies.mine(c);
    const [published, jobs] = await Promise.all([archive.summaries(ids), progress.latestJobs(ids)]);
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
    ? html`<form method="post" action="/mine/clear" data-testid="mine-clear-form">
<button type="submit" class="secondary" data-testid="mine-clear">Forget my checks</button>
<span class="hint">The reports stay published; only this browser's list is cleared.</span></form>`
    : ""
}`;
    const res = await c.render(body, { title: "Your checks", noindex: true, pageClass: "page-mine" });
    // This visitor's alone: no cache, shared or not, keeps it.
    res.headers.set("Cache-Control", "private, no-store");
    return res;
  });

  app.post("/clear", formGuard, (c) => {
    cookies.clearMine(c);
    return c.redirect("/mine", 303);
  });

  return app;
}
