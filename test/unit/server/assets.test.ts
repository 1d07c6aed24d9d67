// The progressive-enhancement script (server/assets.ts) on a real progress page (jsdom with a stand-in
// EventSource): it follows the check's events, marks the stages, and opens the report. And the
// asset routes: the two files, and 404 for every other name.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Hono } from "hono";
import { JSDOM, VirtualConsole } from "jsdom";
import { APP_JS, assetRoutes } from "../../../src/server/assets.js";

describe("asset routes", () => {
  const app = new Hono().route("/assets", assetRoutes());

  it("serve app.css and app.js, revalidated by ETag", async () => {
    const css = await app.request("/assets/app.css");
    assert.equal(css.status, 200);
    assert.match(css.headers.get("content-type") ?? "", /text\/css/);
    const tag = css.headers.get("etag");
    assert.ok(tag);
    assert.equal((await app.request("/assets/app.css", { headers: { "if-none-match": tag } })).status, 304);
    assert.equal((await app.request("/assets/app.js")).status, 200);
  });

  it("serve the site's icon as SVG", async () => {
    const icon = await app.request("/assets/favicon.svg");
    assert.equal(icon.status, 200);
    assert.equal(icon.headers.get("content-type"), "image/svg+xml");
    assert.match(await icon.text(), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it("answer 404 for Object's own names, with or without If-None-Match", async () => {
    for (const name of [
      "constructor",
      "__proto__",
      "toString",
      "hasOwnProperty",
      "valueOf",
      "isPrototypeOf",
      "__defineGetter__",
      "nope.css",
    ]) {
      for (const headers of [{}, { "if-none-match": '"x"' }, { "if-none-match": "*" }] as Record<string, string>[]) {
        const res = await app.request(`/assets/${name}`, { headers });
        assert.equal(res.status, 404, `${name} ${JSON.stringify(headers)}`);
      }
    }
  });
});

const PAGE = `<!doctype html><html><body>
<section class="progress" data-progress-for="abc-123" data-testid="progress">
<p id="progress-status"></p>
<ol><li data-stage="intake" data-state="pending"><span class="state">waiting</span><span class="detail"></span></li>
<li data-stage="plan" data-state="pending"><span class="state">waiting</span><span class="detail"></span></li></ol>
<span id="progress-sources"></span>
</section>
<textarea id="ask-input" maxlength="5000"></textarea><span id="ask-count"></span>
<button data-copy="http://x/y" hidden>Copy link</button>
</body></html>`;

/** The script run on a page, with a stand-in EventSource; navigations are counted (jsdom does not navigate). */
function runScript(page: string) {
  const navigations: string[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on("jsdomError", (error) => {
    if (/navigation/i.test(error.message)) navigations.push(error.message);
    else throw error;
  });
  const dom = new JSDOM(page, { runScripts: "outside-only", url: "http://127.0.0.1:3000/progress/abc-123", virtualConsole });
  const window = dom.window as unknown as Window & { eval: (code: string) => unknown; EventSource: unknown };
  const sources: FakeEventSource[] = [];
  class FakeEventSource {
    readyState = 1;
    closed = false;
    onerror: (() => void) | null = null;
    listeners = new Map<string, ((e: { data: string }) => void)[]>();
    constructor(readonly url: string) {
      sources.push(this);
    }
    addEventListener(type: string, listener: (e: { data: string }) => void) {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }
    close() {
      this.closed = true;
      this.readyState = 2;
    }
    emit(type: string, data: unknown) {
      for (const l of this.listeners.get(type) ?? []) l({ data: JSON.stringify(data) });
    }
  }
  window.EventSource = FakeEventSource;
  window.eval(APP_JS);
  return { dom, doc: dom.window.document, sources, navigations };
}

describe("app.js", () => {
  it("follows the events of the check on its progress page", () => {
    const { dom, doc, sources, navigations } = runScript(PAGE);
    assert.equal(sources.length, 1);
    const source = sources[0]!;
    assert.equal(source.url, "/api/checks/abc-123/events");
    const stage = (name: string) => doc.querySelector(`[data-stage=${name}]`)!;

    source.emit("started", {});
    assert.equal(doc.getElementById("progress-status")?.textContent, "Checking…");
    source.emit("stage-started", { stage: "intake" });
    assert.equal(stage("intake").getAttribute("data-state"), "running");
    source.emit("stage-finished", { stage: "intake", ms: 3, detail: "question, 1 claim(s), justice" });
    assert.equal(stage("intake").getAttribute("data-state"), "done");
    assert.equal(stage("intake").querySelector(".detail")?.textContent, "question, 1 claim(s), justice");
    assert.equal(stage("plan").getAttribute("data-state"), "pending");
    source.emit("sources-found", { count: 4 });
    assert.equal(doc.getElementById("progress-sources")?.textContent, "4 sources found");

    source.emit("done", { checkId: "abc-123", url: "/checks/justice/x-abc12300" });
    assert.ok(source.closed, "the stream is closed after done");
    assert.match(doc.getElementById("progress-status")?.textContent ?? "", /Opening the report/);
    assert.equal(navigations.length, 1, "it navigates to the report");

    // The ask box's counter and the copy button.
    const input = doc.getElementById("ask-input") as HTMLTextAreaElement;
    assert.equal(doc.getElementById("ask-count")?.textContent, "5,000 characters left");
    input.value = "hello";
    input.dispatchEvent(new dom.window.Event("input"));
    assert.equal(doc.getElementById("ask-count")?.textContent, "4,995 characters left");
    input.value = "x".repeat(5003); // a refused text shown again may be longer than the limit
    input.dispatchEvent(new dom.window.Event("input"));
    assert.equal(doc.getElementById("ask-count")?.textContent, "0 characters left");
    assert.equal((doc.querySelector("[data-copy]") as HTMLButtonElement).hidden, false);
    dom.window.close();
  });

  it("speaks the page's language, and serves the page again in the check's language once intake knows it", () => {
    const es = PAGE.replace(
      'data-testid="progress"',
      'data-testid="progress" data-locale="es" data-locales="en es fr de pt" data-say-started="Verificando…" data-say-running="En curso: {stage}…" ' +
        'data-say-lower="no" data-say-sources="Fuentes encontradas: {count}" data-say-state-done="hecho" data-say-details="no"',
    );
    const { dom, doc, sources, navigations } = runScript(es);
    const source = sources[0]!;
    source.emit("started", {});
    assert.equal(doc.getElementById("progress-status")?.textContent, "Verificando…");
    source.emit("stage-finished", { stage: "intake", ms: 3, detail: "question, 1 claim(s), health" });
    assert.equal(doc.querySelector("[data-stage=intake] .state")?.textContent, "hecho");
    assert.equal(doc.querySelector("[data-stage=intake] .detail")?.textContent, "", "no English notes in a Spanish page");
    source.emit("sources-found", { count: 4 });
    assert.equal(doc.getElementById("progress-sources")?.textContent, "Fuentes encontradas: 4");
    source.emit("language", { language: "es" });
    assert.equal(navigations.length, 0, "already in Spanish");
    dom.window.close();

    const english = runScript(
      PAGE.replace('data-testid="progress"', 'data-testid="progress" data-locale="en" data-locales="en es fr de pt"'),
    );
    english.sources[0]!.emit("language", { language: "it" });
    assert.equal(english.navigations.length, 0, "Italian is not one of the page's languages");
    english.sources[0]!.emit("language", { language: "es" });
    assert.equal(english.navigations.length, 1, "reloaded to be served in Spanish");
    english.dom.window.close();
  });
});
