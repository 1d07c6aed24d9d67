// The admin area, behind VERITY_ADMIN_TOKEN: a login form that sets a signed
// session cookie (forms then carry the CSRF token too), or `Authorization: Bearer
// <token>` for scripts (JSON answers). Editors unpublish and republish checks, edit
// a title or category, re-run a check, change the campaign and record donations.
import type { Hono } from "hono";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import { CATEGORIES, isCategory } from "../../domain/categories.js";
import { BadInputError, ConfigError, errorMessage } from "../../domain/errors.js";
import { collapseWhitespace } from "../../domain/text.js";
import { formatDate } from "../../render/words.js";
import type { AppContext, AppEnv, Site } from "../context.js";
import { formatMoney } from "../campaign.js";
import { type Html, csrfField, pagination, verdictBadge } from "../components.js";
import { html } from "hono/html";
import type { CampaignSettings } from "../options.js";
import { errorBody, jsonError, notFoundPage, pageNumber, readForm, sendPage, type Form } from "../respond.js";
import { clientAddress, cookieOptions, hmacHex, RateLimiter, safeEqual } from "../security.js";

export const ADMIN_COOKIE = "verity_admin";
const SESSION_HOURS = 8;

type Auth = "bearer" | "session" | null;

async function authOf(c: AppContext, site: Site): Promise<Auth> {
  const token = site.options.adminToken;
  if (!token) return null;
  const header = c.req.header("authorization");
  if (header !== undefined) {
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    return match && safeEqual(match[1]!.trim(), token) ? "bearer" : null;
  }
  const session = (await site.signer()).verify(getCookie(c, ADMIN_COOKIE));
  if (!session) return null;
  const [tag, expires, proof] = session.split(":");
  if (tag !== "admin" || !expires || !proof) return null;
  if (Number(expires) < site.options.now().getTime()) return null;
  // Changing the token ends every session.
  return safeEqual(proof, hmacHex(token, `session:${expires}`).slice(0, 24)) ? "session" : null;
}

export function adminRoutes(app: Hono<AppEnv>, site: Site): void {
  const logins = new RateLimiter({ burst: 5, perMinute: 5 });

  const disabled = (c: AppContext) =>
    sendPage(
      c,
      site,
      {
        title: "Admin area is off",
        body: errorBody("The admin area is off", "Set VERITY_ADMIN_TOKEN on the server to turn it on."),
        noindex: true,
        pageClass: "page-admin",
      },
      404,
    );

  app.get("/admin", async (c) => {
    if (!site.options.adminToken) return disabled(c);
    const auth = await authOf(c, site);
    if (!auth) return loginPage(c, site, null, 200);
    if (auth === "bearer") return c.json({ ok: true, jobs: await site.jobs.counts(), campaign: await site.campaign.view() });
    return dashboard(c, site);
  });

  app.post("/admin/login", async (c) => {
    if (!site.options.adminToken) return disabled(c);
    const read = await readForm(c, site);
    if ("response" in read) return read.response;
    const taken = logins.take(clientAddress(c, site.options.trustProxy));
    if (!taken.ok) {
      c.header("Retry-After", String(taken.retryAfter));
      return loginPage(c, site, `Too many attempts: wait ${taken.retryAfter} seconds.`, 429);
    }
    if (!safeEqual(read.form.token ?? "", site.options.adminToken)) return loginPage(c, site, "That token is not right.", 401);
    const expires = site.options.now().getTime() + SESSION_HOURS * 3_600_000;
    const value = `admin:${expires}:${hmacHex(site.options.adminToken, `session:${expires}`).slice(0, 24)}`;
    setCookie(c, ADMIN_COOKIE, (await site.signer()).sign(value), {
      ...cookieOptions(site.secureCookies, SESSION_HOURS * 3600),
      sameSite: "Strict",
    });
    return c.redirect("/admin", 303);
  });

  app.post("/admin/logout", async (c) => {
    const read = await readForm(c, site);
    if ("response" in read) return read.response;
    deleteCookie(c, ADMIN_COOKIE, { path: "/", secure: site.secureCookies });
    return c.redirect("/admin", 303);
  });

  app.get("/admin/checks/:id", async (c) => {
    if (!site.options.adminToken) return disabled(c);
    const auth = await authOf(c, site);
    if (!auth) return loginPage(c, site, null, 401);
    const report = await site.verity.checks.get(c.req.param("id"));
    if (!report) return notFoundPage(c, site);
    if (auth === "bearer") return c.json(report);
    const csrf = c.get("csrf");
    const body = html`<h1>Edit: ${report.title}</h1>
<p><a href="${report.url}">Open the report</a> · <a href="/admin">Back to the admin area</a></p>
<form method="post" action="/admin/checks/${report.id}/edit" data-testid="admin-edit-form" class="stack">${csrfField(csrf)}
<label for="edit-title">Title</label>
<input type="text" id="edit-title" name="title" value="${report.title}" maxlength="300" required data-testid="admin-edit-title">
<label for="edit-category">Category</label>
<select id="edit-category" name="category" data-testid="admin-edit-category">${CATEGORIES.map(
      (name) => html`<option value="${name}"${name === report.category ? html` selected` : ""}>${name}</option>`,
    )}</select>
<p><button type="submit" data-testid="admin-edit-save">Save</button></p>
</form>`;
    return sendPage(c, site, { title: "Edit a check", body, noindex: true, pageClass: "page-admin" });
  });

  /** An admin action: authorised by the session (with CSRF) or a Bearer token. */
  const action = (
    path: string,
    handler: (c: AppContext, form: Form) => Promise<{ message: string; json?: Record<string, unknown>; redirect?: string }>,
  ) => {
    app.post(path, async (c) => {
      if (!site.options.adminToken) return jsonError(c, 404, "not_found", "the admin area is off");
      const auth = await authOf(c, site);
      if (!auth) {
        if (c.req.header("authorization") !== undefined || wantsJson(c))
          return jsonError(c, 401, "unauthorized", "a valid admin token is required");
        return loginPage(c, site, "Sign in to do that.", 401);
      }
      let form: Form;
      if (auth === "session") {
        const read = await readForm(c, site);
        if ("response" in read) return read.response;
        form = read.form;
      } else {
        form = await bearerBody(c);
      }
      try {
        const done = await handler(c, form);
        if (auth === "bearer") return c.json({ ok: true, message: done.message, ...(done.json ?? {}) });
        return c.redirect(done.redirect ?? `/admin?notice=${encodeURIComponent(done.message)}`, 303);
      } catch (error) {
        if (!(error instanceof BadInputError || error instanceof ConfigError || error instanceof NotFound)) throw error;
        const status = error instanceof NotFound ? 404 : 400;
        if (auth === "bearer") return jsonError(c, status, status === 404 ? "not_found" : "bad_request", errorMessage(error));
        return sendPage(
          c,
          site,
          {
            title: "Admin",
            body: errorBody("That did not work", errorMessage(error), html`<p><a href="/admin">Back</a></p>`),
            noindex: true,
          },
          status,
        );
      }
    });
  };

  action("/admin/checks/:id/unpublish", async (c) => {
    const id = c.req.param("id")!;
    if (!(await site.verity.checks.setUnpublished(id, true, site.options.now().toISOString())))
      throw new NotFound("no published check with this id");
    return { message: "The check was unpublished." };
  });

  action("/admin/checks/:id/republish", async (c) => {
    const id = c.req.param("id")!;
    if (!(await site.verity.checks.setUnpublished(id, false, site.options.now().toISOString())))
      throw new NotFound("no unpublished check with this id");
    return { message: "The check was published again." };
  });

  action("/admin/checks/:id/edit", async (c, form) => {
    const id = c.req.param("id")!;
    const title = form.title !== undefined ? collapseWhitespace(form.title) : undefined;
    const category = form.category?.trim();
    if (title !== undefined && (title.length === 0 || title.length > 300))
      throw new BadInputError("the title must have 1 to 300 characters");
    if (category !== undefined && category !== "" && !isCategory(category)) throw new BadInputError(`unknown category "${category}"`);
    const report = await site.verity.checks.editMeta(
      id,
      { ...(title ? { title } : {}), ...(category ? { category } : {}) },
      site.options.now().toISOString(),
    );
    if (!report) throw new NotFound("no published check with this id");
    return { message: "The check was updated.", json: { url: report.url, title: report.title, category: report.category } };
  });

  action("/admin/checks/:id/rerun", async (c) => {
    const id = c.req.param("id")!;
    const report = await site.verity.checks.get(id);
    if (!report) throw new NotFound("no published check with this id");
    if ((await site.verity.checks.row(id))?.status === "unpublished") throw new BadInputError("republish the check before re-running it");
    const result = await site.queue.enqueue(report.input.text, { fresh: true });
    if (result.kind === "reused") return { message: "The check is fresh.", json: { id: result.report.id } };
    return {
      message: "The check is running again.",
      json: { id: result.checkId, progressUrl: `/progress/${result.checkId}` },
      redirect: `/progress/${result.checkId}`,
    };
  });

  action("/admin/campaign", async (_c, form) => {
    if (form.clear === "1") {
      await site.campaign.save(null);
      return { message: "The campaign is hidden." };
    }
    const goalKind = form.goalKind === "supporters" ? "supporters" : "amount";
    const settings: CampaignSettings = {
      title: form.title ?? "",
      description: form.description?.trim() || null,
      goalKind,
      goal: Number(form.goal),
      currency: (form.currency ?? "EUR").trim().toUpperCase(),
      deadline: form.deadline?.trim() || null,
      donationUrl: form.donationUrl?.trim() || null,
    };
    await site.campaign.save(settings);
    return { message: "The campaign was saved.", json: { campaign: await site.campaign.view() } };
  });

  action("/admin/donations", async (_c, form) => {
    const amount = Number(form.amount);
    if (!form.amount || !Number.isFinite(amount) || amount <= 0) throw new BadInputError("the amount must be a positive number");
    await site.campaign.record({ amount, currency: form.currency ?? null, donor: form.donor ?? null, source: "admin" });
    return { message: "The donation was recorded.", json: { campaign: await site.campaign.view() } };
  });
}

class NotFound extends Error {}

function wantsJson(c: AppContext): boolean {
  return /application\/json/.test(c.req.header("accept") ?? "") || /application\/json/.test(c.req.header("content-type") ?? "");
}

/** A Bearer request's fields: JSON or a form. */
async function bearerBody(c: AppContext): Promise<Form> {
  const out: Form = {};
  if (/application\/json/.test(c.req.header("content-type") ?? "")) {
    const body = await c.req.json().catch(() => null);
    if (body && typeof body === "object") {
      for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
        if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[k] = String(v);
      }
    }
    return out;
  }
  const parsed = await c.req.parseBody().catch(() => ({}));
  for (const [k, v] of Object.entries(parsed)) if (typeof v === "string") out[k] = v;
  return out;
}

function loginPage(c: AppContext, site: Site, error: string | null, status: 200 | 401 | 429): Promise<Response> {
  const body = html`<h1>Admin</h1>
<form method="post" action="/admin/login" data-testid="admin-login-form" class="stack">${csrfField(c.get("csrf"))}
<label for="admin-token">Admin token</label>
<input type="password" id="admin-token" name="token" autocomplete="current-password" required data-testid="admin-token">
${error ? html`<p class="error-box" role="alert" data-testid="admin-login-error">${error}</p>` : ""}
<p><button type="submit" data-testid="admin-login">Sign in</button></p>
</form>`;
  return sendPage(c, site, { title: "Admin", body, noindex: true, pageClass: "page-admin" }, status);
}

async function dashboard(c: AppContext, site: Site): Promise<Response> {
  const csrf = c.get("csrf");
  const page = pageNumber(c.req.query("page")) ?? 1;
  const size = 50;
  const [checks, counts, settings, view, recent] = await Promise.all([
    site.archive.adminList(size, (page - 1) * size),
    site.jobs.counts(),
    site.campaign.settings(),
    site.campaign.view(),
    site.donations.recent(10),
  ]);
  const notice = c.req.query("notice");
  const s = settings;
  const rows: Html[] = checks.items.map(
    (item) => html`<tr data-check-id="${item.id}" data-status="${item.status}">
<td>${verdictBadge(item.verdict)}</td>
<td><a href="${item.url}">${item.title}</a><div class="muted">${item.category} · v${item.version} · ${formatDate(item.checkedAt)} · ${item.reads} reads${
      item.status === "unpublished" ? html` · <strong>unpublished</strong>` : ""
    }</div></td>
<td class="admin-actions">
${
  item.status === "unpublished"
    ? html`<form method="post" action="/admin/checks/${item.id}/republish">${csrfField(csrf)}<button type="submit" class="secondary" data-testid="admin-republish">Republish</button></form>`
    : html`<form method="post" action="/admin/checks/${item.id}/unpublish">${csrfField(csrf)}<button type="submit" class="secondary" data-testid="admin-unpublish">Unpublish</button></form>`
}
<form method="post" action="/admin/checks/${item.id}/rerun">${csrfField(csrf)}<button type="submit" class="secondary" data-testid="admin-rerun">Re-run</button></form>
<a href="/admin/checks/${item.id}" data-testid="admin-edit">Edit</a>
</td></tr>`,
  );
  const body = html`<h1>Admin</h1>
${notice ? html`<p class="banner" role="status" data-testid="admin-notice">${notice}</p>` : ""}
<p class="muted" data-testid="admin-jobs">Jobs: ${counts.running} running, ${counts.queued} queued, ${counts.done} done, ${counts.failed} failed.</p>
<form method="post" action="/admin/logout">${csrfField(csrf)}<button type="submit" class="secondary" data-testid="admin-logout">Sign out</button></form>

<h2>Checks</h2>
<table data-testid="admin-checks"><thead><tr><th>Verdict</th><th>Check</th><th>Actions</th></tr></thead><tbody>${rows}</tbody></table>
${pagination(page, checks.total, size, (n) => `/admin?page=${n}`)}

<h2>Campaign</h2>
${view ? html`<p>${view.settings.title}: ${view.percent}% (${formatMoney(view.raisedCents, view.settings.currency)}, ${view.supporters} ${view.supporters === 1 ? "supporter" : "supporters"})${view.timeLeft ? `, ${view.timeLeft}` : ""}.</p>` : html`<p class="muted">No campaign is shown.</p>`}
<form method="post" action="/admin/campaign" data-testid="admin-campaign-form" class="stack">${csrfField(csrf)}
<label for="campaign-title">Title</label><input type="text" id="campaign-title" name="title" value="${s?.title ?? ""}" maxlength="200" required>
<label for="campaign-description">Description</label><input type="text" id="campaign-description" name="description" value="${s?.description ?? ""}" maxlength="1000">
<label for="campaign-kind">Goal</label>
<select id="campaign-kind" name="goalKind"><option value="amount"${s?.goalKind !== "supporters" ? html` selected` : ""}>an amount of money</option><option value="supporters"${
    s?.goalKind === "supporters" ? html` selected` : ""
  }>a number of supporters</option></select>
<input type="number" name="goal" min="1" step="any" value="${s?.goal ?? ""}" aria-label="Goal" required data-testid="admin-campaign-goal">
<label for="campaign-currency">Currency</label><input type="text" id="campaign-currency" name="currency" value="${s?.currency ?? "EUR"}" maxlength="3" pattern="[A-Za-z]{3}">
<label for="campaign-deadline">Deadline</label><input type="date" id="campaign-deadline" name="deadline" value="${s?.deadline?.slice(0, 10) ?? ""}">
<label for="campaign-link">Donation link</label><input type="url" id="campaign-link" name="donationUrl" value="${s?.donationUrl ?? ""}">
<p><button type="submit" data-testid="admin-campaign-save">Save the campaign</button></p>
</form>
${s ? html`<form method="post" action="/admin/campaign">${csrfField(csrf)}<input type="hidden" name="clear" value="1"><button type="submit" class="secondary">Hide the campaign</button></form>` : ""}

<h3>Record a donation</h3>
<form method="post" action="/admin/donations" data-testid="admin-donation-form" class="stack">${csrfField(csrf)}
<label for="donation-amount">Amount</label><input type="number" id="donation-amount" name="amount" min="0.01" step="0.01" required data-testid="admin-donation-amount">
<label for="donation-currency">Currency</label><input type="text" id="donation-currency" name="currency" value="${s?.currency ?? "EUR"}" maxlength="3">
<label for="donation-donor">Donor (optional)</label><input type="text" id="donation-donor" name="donor" maxlength="200">
<p><button type="submit" data-testid="admin-donation-save">Record</button></p>
</form>
${
  recent.length > 0
    ? html`<table data-testid="admin-donations"><thead><tr><th>When</th><th>Amount</th><th>Donor</th><th>Source</th></tr></thead><tbody>${recent.map(
        (d) =>
          html`<tr><td>${formatDate(d.createdAt)}</td><td>${formatMoney(d.amountCents, d.currency)}</td><td>${d.donor ?? ""}</td><td>${d.source}</td></tr>`,
      )}</tbody></table>`
    : ""
}`;
  return sendPage(c, site, { title: "Admin", body, noindex: true, pageClass: "page-admin" });
}
