// The page reader against a loopback fixture server: HTML with metadata, PDF, plain text, and every
// failure with the short reason a report's provenance shows.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createHttpClient, type ClosableHttpClient } from "../../../src/fetch/http.js";
import { PageReadError, readPage, isPaywalled } from "../../../src/fetch/read-page.js";
import { makePdf } from "../../fixtures/make-pdf.js";
import { impatientClient, startPageServer, type PageServer } from "../../helpers/page-server.js";

const ARTICLE = await readFile(new URL("../../fixtures/library/news-article.html", import.meta.url), "utf8");

const PARAGRAPH =
  "The regional health agency published its annual report on Monday, showing that hospital admissions for " +
  "respiratory illness fell by twelve percent compared with the previous winter, a decline officials attributed to milder weather.";

const PAYWALL_HTML = `<!doctype html><html lang="en"><head><title>Budget row deepens</title></head><body><article>
<h1>Budget row deepens</h1><p>The finance minister said on Tuesday that the plan would be revised.</p>
<p>Subscribe to continue reading. Already a subscriber? Log in.</p></article></body></html>`;

const MARKED_HTML = `<!doctype html><html lang="en"><head><title>Exclusive: inside the deal</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Exclusive: inside the deal","isAccessibleForFree":false}</script>
</head><body><article><h1>Exclusive: inside the deal</h1><p>${PARAGRAPH}</p></article></body></html>`;

const PDF = makePdf({
  title: "Annual Respiratory Report",
  author: "Regional Health Agency",
  creationDate: "D:20240131120000Z",
  pages: [
    "Annual Respiratory Report\n\nHospital admissions for respiratory illness fell by twelve percent.\nOfficials credited the milder weather.",
  ],
});

function isReadError(reason: string | RegExp): (error: unknown) => boolean {
  return (error: unknown) => {
    assert.ok(error instanceof PageReadError, `expected a PageReadError, got ${String(error)}`);
    if (typeof reason === "string") assert.equal(error.reason, reason);
    else assert.match(error.reason, reason);
    return true;
  };
}

describe("readPage", () => {
  let server: PageServer;
  let base: string;
  let client: ClosableHttpClient;
  let impatient: ClosableHttpClient;

  before(async () => {
    server = await startPageServer((req, res) => {
      const p = new URL(req.url ?? "/", "http://fixture").pathname;
      const send = (status: number, type: string | null, body: string | Uint8Array): void => {
        res.writeHead(status, type ? { "content-type": type } : {});
        res.end(body);
      };
      switch (p) {
        case "/article":
          return send(200, "text/html; charset=utf-8", ARTICLE);
        case "/moved":
          res.writeHead(301, { location: "/article" });
          return void res.end();
        case "/report.pdf":
          return send(200, "application/pdf", PDF);
        case "/download":
          return send(200, "application/octet-stream", PDF);
        case "/notes.txt":
          return send(200, "text/plain; charset=utf-8", "Field notes\n\nThe river rose two metres overnight.\r\n");
        case "/latin1":
          return send(
            200,
            "text/html",
            Buffer.from(
              `<html><head><meta charset="iso-8859-1"><title>Caf\xe9</title></head><body><article><p>${PARAGRAPH} Caf\xe9 cr\xe8me.</p></article></body></html>`,
              "latin1",
            ),
          );
        case "/forbidden":
          return send(403, "text/html", "<h1>Forbidden</h1>");
        case "/missing":
          return send(404, "text/html", "<h1>Not found</h1>");
        case "/paywall":
          return send(200, "text/html", PAYWALL_HTML);
        case "/marked":
          return send(200, "text/html", MARKED_HTML);
        case "/image.png":
          return send(200, "image/png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        case "/empty":
          return send(200, "text/html", "<html><body><nav>Menu</nav></body></html>");
        case "/huge":
          return send(200, "text/html", "<p>" + "x".repeat(300 * 1024) + "</p>");
        case "/stall":
          return; // never answers
        default:
          return send(404, "text/plain", "not found");
      }
    });
    base = server.base;
    client = createHttpClient({ allowedPrivateHosts: [`127.0.0.1:${server.port}`], maxBytes: 256 * 1024 });
    impatient = impatientClient(server); // for /stall, which never answers
  });

  after(async () => {
    await client?.close();
    await impatient?.close();
    await server?.close();
  });

  it("reads an HTML article with its metadata, after a redirect", async () => {
    const page = await readPage(`${base}/moved`, client);
    assert.equal(page.url, `${base}/article`);
    assert.equal(page.contentType, "text/html");
    assert.equal(page.title, "Town approves bridge after decade of debate");
    assert.equal(page.siteName, "Riverside Courier");
    assert.equal(page.author, "Maria Lopez");
    assert.equal(page.publishedAt, "2023-05-17T06:30:00.000Z");
    assert.equal(page.language, "en");
    assert.match(page.text, /The town council voted seven to two on Tuesday evening/);
    assert.ok(!page.text.includes("Sport menu"));
  });

  it("decodes a page in the charset it declares", async () => {
    const page = await readPage(`${base}/latin1`, client);
    assert.match(page.text, /Café crème\./);
  });

  it("reads a PDF, by content type or by its magic bytes", async () => {
    for (const p of ["/report.pdf", "/download"]) {
      const page = await readPage(`${base}${p}`, client);
      assert.equal(page.contentType, "application/pdf");
      assert.equal(page.title, "Annual Respiratory Report");
      assert.equal(page.author, "Regional Health Agency");
      assert.equal(page.publishedAt, "2024-01-31T12:00:00.000Z");
      assert.match(page.text, /fell by twelve percent/);
    }
  });

  it("reads plain text as is", async () => {
    const page = await readPage(`${base}/notes.txt`, client);
    assert.equal(page.contentType, "text/plain");
    assert.equal(page.text, "Field notes\n\nThe river rose two metres overnight.");
    assert.equal(page.title, "Field notes");
  });

  it("fails with the HTTP status", async () => {
    await assert.rejects(readPage(`${base}/forbidden`, client), isReadError("HTTP 403 (forbidden)"));
    await assert.rejects(readPage(`${base}/missing`, client), isReadError("HTTP 404"));
  });

  it("recognises a paywall by its cues and by isAccessibleForFree=false", async () => {
    await assert.rejects(readPage(`${base}/paywall`, client), isReadError("paywall"));
    await assert.rejects(readPage(`${base}/marked`, client), isReadError("paywall"));
    // A long free article that merely mentions subscribing is not a paywall.
    const long = Array.from({ length: 15 }, () => PARAGRAPH).join("\n\n") + "\n\nSubscribe to continue reading our newsletter.";
    assert.equal(isPaywalled("<html></html>", long), false);
  });

  it("refuses unsupported content types", async () => {
    await assert.rejects(readPage(`${base}/image.png`, client), isReadError("unsupported content type image/png"));
  });

  it("fails on a page without readable text", async () => {
    await assert.rejects(readPage(`${base}/empty`, client), isReadError("no readable text"));
  });

  it("fails on a timeout, an oversized page and a forbidden address", async () => {
    await assert.rejects(readPage(`${base}/stall`, impatient), isReadError("timed out"));
    await assert.rejects(readPage(`${base}/huge`, client), isReadError("too large"));
    await assert.rejects(readPage("http://169.254.169.254/latest/meta-data/", client), isReadError("forbidden address"));
    await assert.rejects(readPage("file:///etc/passwd", client), isReadError("bad URL"));
  });
});
