// The website's two static files: the stylesheet and a small progressive-enhancement
// script (live progress over server-sent events, a character counter, copy-link).
// Pages work completely without the script; the Content-Security-Policy allows only
// these same-origin files (no inline script or style). Served with ETags (hono/etag),
// so a browser revalidates them cheaply.
import { Hono } from "hono";
import { etag } from "hono/etag";
import { REPORT_BODY_CSS, REPORT_HEADINGS_CSS, REPORT_HEADLINE_CSS, VERDICT_COLOURS_CSS } from "../render/report-style.js";
import { notFoundPage } from "./respond.js";

const APP_CSS = `
:root { color-scheme: light dark; --fg: #1a1a1a; --bg: #fff; --muted: #5f6368; --line: #dcdfe3; --accent: #1d4ed8; --soft: #f3f4f6; --warn: #fff4d6; --warn-line: #e2b33c; --err: #fde8e8; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8eaed; --bg: #16181b; --muted: #a0a4ab; --line: #33373d; --accent: #8ab4f8; --soft: #202328; --warn: #3a3119; --warn-line: #a98520; --err: #3b1d1d; } }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem; z-index: 10; }
.site-header { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.25rem; padding: .75rem 1rem; border-bottom: 1px solid var(--line); }
.brand { font-weight: 800; font-size: 1.35rem; letter-spacing: .02em; text-decoration: none; color: var(--fg); }
.site-nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .95rem; }
.site-nav a { text-decoration: none; }
.site-search { margin-left: auto; display: flex; gap: .25rem; }
.site-search input { width: 12rem; max-width: 50vw; }
.page { max-width: 72rem; margin: 0 auto; padding: 1rem; display: grid; grid-template-columns: minmax(0, 1fr) 18rem; gap: 2rem; }
@media (max-width: 860px) { .page { grid-template-columns: minmax(0, 1fr); } .site-search { margin-left: 0; width: 100%; } .site-search input { flex: 1; width: auto; max-width: none; } }
/* A long unbroken word or link (a share URL, a pasted address) wraps instead of widening the page. */
main { min-width: 0; overflow-wrap: anywhere; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: .5rem 0 .75rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; }
input, textarea, select, button { font: inherit; color: inherit; }
input[type=text], input[type=search], input[type=password], input[type=number], input[type=url], input[type=date], textarea, select { background: var(--bg); border: 1px solid var(--line); border-radius: .4rem; padding: .45rem .6rem; }
textarea { width: 100%; min-height: 7rem; resize: vertical; }
button, .button { display: inline-block; cursor: pointer; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: .4rem; padding: .45rem 1rem; font-weight: 600; text-decoration: none; }
@media (prefers-color-scheme: dark) { button, .button { color: #111; } }
button.secondary, .button.secondary { background: transparent; color: var(--accent); }
button.link { background: none; border: 0; padding: 0; color: var(--accent); font-weight: inherit; text-decoration: underline; text-align: left; }
.muted, .meta, .notice, .submitted, .provenance, .source-meta, .stance, .hint { color: var(--muted); }
.hint { font-size: .9rem; }
.error-box { background: var(--err); border: 1px solid #d93025; border-radius: .5rem; padding: .75rem 1rem; }
.ask { background: var(--soft); border-radius: .75rem; padding: 1rem 1.25rem 1.25rem; }
.ask h1 { margin-top: 0; }
.ask-row { display: flex; justify-content: space-between; align-items: center; gap: 1rem; flex-wrap: wrap; margin-top: .5rem; }
.checks { list-style: none; padding: 0; margin: 0; }
.checks li { padding: .75rem 0; border-bottom: 1px solid var(--line); }
.checks .title { font-weight: 600; }
.checks .snippet { margin: .25rem 0 0; }
mark { background: #fde68a; color: #111; }
.verdict { display: inline-block; padding: .05rem .6rem; border-radius: 1rem; font-weight: 600; font-size: .9rem; color: #fff; background: #6b7280; }
${VERDICT_COLOURS_CSS}
.confidence { color: var(--muted); font-size: .9rem; }
.categories { display: flex; flex-wrap: wrap; gap: .4rem; list-style: none; padding: 0; }
.categories a { display: inline-block; padding: .2rem .7rem; border: 1px solid var(--line); border-radius: 1rem; text-decoration: none; }
.pagination { display: flex; justify-content: space-between; gap: 1rem; margin: 1.5rem 0; }
.campaign { border: 1px solid var(--line); border-radius: .75rem; padding: 1rem; background: var(--soft); }
.campaign h2 { margin: 0 0 .5rem; font-size: 1.05rem; }
.campaign progress { width: 100%; height: .9rem; }
.campaign .numbers { font-weight: 600; margin: .35rem 0; }
.banner { border: 1px solid var(--warn-line); background: var(--warn); border-radius: .5rem; padding: .75rem 1rem; margin: .75rem 0; }
.banner form { display: inline; }
.report-tools { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; font-size: .95rem; margin: .5rem 0; }
.layout-switch a[aria-current] { font-weight: 700; color: var(--fg); text-decoration: none; }
${REPORT_HEADINGS_CSS}
${REPORT_HEADLINE_CSS}
${REPORT_BODY_CSS}
.follow-ups form { display: inline; }
.follow-ups button.link { vertical-align: top; }
.vote, .share, .versions { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid var(--line); }
.vote form { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
.share ul, .versions ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
.stages { list-style: none; padding: 0; counter-reset: stage; }
.stage { padding: .45rem .75rem; margin: .3rem 0; border-left: 4px solid var(--line); background: var(--soft); border-radius: 0 .4rem .4rem 0; }
.stage[data-state=running] { border-left-color: var(--accent); font-weight: 600; }
.stage[data-state=done] { border-left-color: #15803d; }
.stage .state { color: var(--muted); font-size: .85rem; font-weight: 400; margin-left: .35rem; }
.stage .detail { color: var(--muted); font-size: .9rem; margin-left: .5rem; }
.status-line { font-weight: 600; }
.site-footer { border-top: 1px solid var(--line); margin-top: 3rem; padding: 1.25rem 1rem 2rem; font-size: .9rem; color: var(--muted); }
.site-footer nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; justify-content: center; }
.site-footer p { text-align: center; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.admin-actions form { display: inline; margin-right: .35rem; }
.stack > * + * { margin-top: .75rem; }
fieldset { border: 1px solid var(--line); border-radius: .5rem; }
label { display: block; margin: .5rem 0 .2rem; font-weight: 600; }
.prose { max-width: 46rem; }
.table-scroll { overflow-x: auto; }
.nowrap { white-space: nowrap; }
dl.verdicts dt { margin-top: .75rem; }
`;

export const APP_JS = `// Verity: progressive enhancement. Everything works without this file.
(function () {
  "use strict";

  // Live progress: follow the check's server-sent events and open the report when it is done.
  var progress = document.querySelector("[data-progress-for]");
  if (progress && typeof window.EventSource === "function") {
    var id = progress.getAttribute("data-progress-for");
    var status = document.getElementById("progress-status");
    var source = new EventSource("/api/checks/" + encodeURIComponent(id) + "/events");
    var finished = false;
    // The page's words, in its language (the server puts them on the section; English by default).
    var words = function (name, fallback) { return progress.getAttribute("data-say-" + name) || fallback; };
    var fill = function (template, name, value) { return template.replace("{" + name + "}", value); };
    var setStage = function (stage, state, detail) {
      var item = progress.querySelector('[data-stage="' + stage + '"]');
      if (!item) return;
      item.setAttribute("data-state", state);
      var label = item.querySelector(".state");
      if (label) label.textContent = state === "done" ? words("state-done", "done") : state === "running" ? words("state-running", "running…") : words("state-waiting", "waiting");
      if (detail && words("details", "yes") === "yes") {
        var d = item.querySelector(".detail");
        if (d) d.textContent = detail;
      }
    };
    var data = function (event) {
      try { return JSON.parse(event.data); } catch (e) { return {}; }
    };
    var say = function (text) { if (status) status.textContent = text; };
    source.addEventListener("queued", function () { say(words("waiting", "Waiting for a free checker…")); });
    source.addEventListener("started", function () { say(words("started", "Checking…")); });
    source.addEventListener("stage-started", function (e) {
      var d = data(e);
      setStage(d.stage, "running");
      var el = progress.querySelector('[data-stage="' + d.stage + '"] .name');
      var name = el ? el.textContent : d.stage;
      say(fill(words("running", "Checking: {stage}…"), "stage", words("lower", "yes") === "yes" ? name.toLowerCase() : name));
    });
    // Once the check knows its input's language, a page in another of Verity's languages is served again in it.
    source.addEventListener("language", function (e) {
      var language = String(data(e).language || "").split("-")[0].toLowerCase();
      var supported = (progress.getAttribute("data-locales") || "").split(" ");
      var current = progress.getAttribute("data-locale") || "en";
      if (supported.indexOf(language) >= 0 && language !== current && !finished) window.location.reload();
    });
    source.addEventListener("stage-finished", function (e) { var d = data(e); setStage(d.stage, "done", d.detail); });
    source.addEventListener("sources-found", function (e) {
      var el = document.getElementById("progress-sources");
      if (el) el.textContent = fill(words("sources", "{count} sources found"), "count", data(e).count);
    });
    source.addEventListener("passages-kept", function (e) {
      var el = document.getElementById("progress-passages");
      if (el) el.textContent = fill(words("passages", "{count} passages kept"), "count", data(e).count);
    });
    source.addEventListener("done", function (e) {
      finished = true;
      source.close();
      var d = data(e);
      say(words("done", "Done. Opening the report…"));
      window.location.assign(d.url || window.location.href);
    });
    source.addEventListener("failed", function () {
      finished = true;
      source.close();
      window.location.reload();
    });
    source.onerror = function () {
      if (finished) return;
      // The browser reconnects by itself; if the stream is gone for good, reload the page.
      if (source.readyState === 2) window.setTimeout(function () { window.location.reload(); }, 2000);
    };
  }

  // The ask box: characters left.
  var input = document.getElementById("ask-input");
  var counter = document.getElementById("ask-count");
  if (input && counter) {
    var max = Number(input.getAttribute("maxlength")) || 5000;
    var update = function () {
      // A refused text shown again may be longer than the limit: never "-3 characters left".
      var left = Math.max(0, max - input.value.length);
      counter.textContent = left.toLocaleString("en") + " characters left";
    };
    input.addEventListener("input", update);
    update();
  }

  // Share: copy the link.
  var copy = document.querySelectorAll("[data-copy]");
  for (var i = 0; i < copy.length; i++) {
    copy[i].hidden = false;
    copy[i].addEventListener("click", function (e) {
      var button = e.currentTarget;
      var url = button.getAttribute("data-copy");
      if (navigator.clipboard && url) {
        navigator.clipboard.writeText(url).then(function () { button.textContent = "Link copied"; });
      }
    });
  }
})();
`;

/** The site's icon: a white check mark on the accent blue, legible at 16 px. */
const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1d4ed8"/><path d="M8 16.5l5.5 5.5L24 10.5" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/></svg>
`;

// A Map, not a plain object: "/assets/constructor" or "/assets/__proto__" must not find Object's own members.
const ASSETS = new Map<string, { body: string; type: string }>([
  ["app.css", { body: APP_CSS, type: "text/css; charset=utf-8" }],
  ["app.js", { body: APP_JS, type: "text/javascript; charset=utf-8" }],
  ["favicon.svg", { body: FAVICON_SVG, type: "image/svg+xml" }],
]);

export function assetRoutes(): Hono {
  return new Hono().use(etag()).get("/:name", (c) => {
    const asset = ASSETS.get(c.req.param("name"));
    if (!asset) return notFoundPage(c);
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(asset.body, 200, { "Content-Type": asset.type });
  });
}
