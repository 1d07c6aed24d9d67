// The library's readers: text, Markdown, HTML, PDF and JSON Lines files, and folders, each to a document or a reason.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { appendFile, copyFile, mkdir, mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MAX_INGEST_FILE_BYTES } from "../../../../src/domain/limits.js";
import type { IncomingDocument, ReadOutcome } from "../../../../src/domain/document.js";
import { readInputs } from "../../../../src/sources/library/readers.js";
import { makeEncryptedPdf, makePdf } from "../../../fixtures/make-pdf.js";

const FIXTURES = fileURLToPath(new URL("../../../fixtures/library/", import.meta.url));

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "verity-readers-"));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(paths: string[]): Promise<ReadOutcome[]> {
  const outcomes: ReadOutcome[] = [];
  for await (const outcome of readInputs(paths)) outcomes.push(outcome);
  return outcomes;
}

async function readOne(file: string): Promise<ReadOutcome> {
  const outcomes = await readAll([file]);
  assert.equal(outcomes.length, 1, JSON.stringify(outcomes));
  return outcomes[0]!;
}

async function readDoc(file: string): Promise<IncomingDocument> {
  const outcome = await readOne(file);
  if (!outcome.ok) assert.fail(`expected a document from ${file}, got: ${outcome.reason}`);
  return outcome.doc;
}

async function readFailure(file: string): Promise<string> {
  const outcome = await readOne(file);
  if (outcome.ok) assert.fail(`expected a failure for ${file}`);
  assert.equal(outcome.origin, file);
  return outcome.reason;
}

async function put(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

describe("readInputs: text files", () => {
  it("reads a .txt file: first line as title, absolute-path key, the path as given as origin", async () => {
    const file = await put("notes.txt", "\r\n\r\n  The first line  \r\nSecond line of the notes.\r\n\r\nAnother paragraph.\r\n");
    const relative = path.relative(process.cwd(), file);
    const doc = await readDoc(relative);
    assert.deepEqual(doc, {
      key: `file:${file}`,
      title: "The first line",
      text: "The first line  \nSecond line of the notes.\n\nAnother paragraph.",
      url: null,
      publisher: null,
      author: null,
      publishedAt: null,
      format: "text",
      origin: relative,
    });
  });

  it("caps a .txt title at 200 characters", async () => {
    const doc = await readDoc(await put("long.txt", "word ".repeat(100) + "\nbody"));
    assert.ok(doc.title.length <= 200, String(doc.title.length));
    assert.ok(doc.title.startsWith("word word"));
  });

  it("reports an empty or whitespace-only file", async () => {
    assert.equal(await readFailure(await put("empty.txt", "")), "empty document");
    assert.equal(await readFailure(await put("blank.md", " \n\t\n  ")), "empty document");
  });

  it("reports binary files given a text extension", async () => {
    assert.equal(await readFailure(await put("nul.txt", new Uint8Array([0x48, 0x69, 0x00, 0x21]))), "binary file, not text");
    assert.equal(
      await readFailure(await put("latin.md", new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe, 0x41]))),
      "binary file, not text",
    );
    const control = new Uint8Array(400).map((_, i) => (i % 4 === 0 ? 0x01 : 0x61));
    assert.equal(await readFailure(await put("control.html", control)), "binary file, not text");
    assert.equal(await readFailure(await put("data.jsonl", new Uint8Array([0x7b, 0x00, 0x7d]))), "binary file, not text");
  });

  it("accepts UTF-8 text whose first 8 KB boundary splits a multi-byte character", async () => {
    const text = "a".repeat(8191) + "é and more text";
    const doc = await readDoc(await put("boundary.txt", text));
    assert.equal(doc.text, text);
  });

  it("reports a file over the size limit without reading it", async () => {
    const file = await put("huge.txt", "");
    await truncate(file, MAX_INGEST_FILE_BYTES + 1); // sparse: costs no disk
    assert.match(await readFailure(file), /^file too large \(50 MB; the limit is 50 MB\)$/);
  });

  it("keeps the size limit for HTML", async () => {
    const file = await put("huge.html", "");
    await truncate(file, MAX_INGEST_FILE_BYTES + 1);
    assert.match(await readFailure(file), /^file too large/);
  });
});

describe("readInputs: markdown", () => {
  it("strips markup and takes the first heading as title", async () => {
    const file = await put(
      "post.md",
      [
        "Intro line before the heading.",
        "",
        "# The *Real* Title #",
        "",
        'Some **bold**, _italic_ and `inline code` with a [link](https://example.com "Example") here.',
        "![A chart](chart.png) Text after the image.",
        "",
        "## Section two",
        "",
        "- first item",
        "* second item with __strong__ text",
        "1. numbered item",
        "> A quoted line.",
        "",
        "```js",
        "const x = 1; // *not emphasis*",
        "```",
        "",
        "snake_case_name stays, 2*3*4 stays, a \\*literal\\* star.",
        "",
        "---",
        "",
        "[ref]: https://example.com/ref",
      ].join("\n"),
    );
    const doc = await readDoc(file);
    assert.equal(doc.format, "markdown");
    assert.equal(doc.title, "The Real Title");
    assert.equal(
      doc.text,
      [
        "Intro line before the heading.",
        "",
        "The Real Title",
        "",
        "Some bold, italic and inline code with a link here.",
        " Text after the image.",
        "",
        "Section two",
        "",
        "- first item",
        "* second item with strong text",
        "1. numbered item",
        "A quoted line.",
        "",
        "const x = 1; // *not emphasis*",
        "",
        "snake_case_name stays, 2*3*4 stays, a *literal* star.",
      ].join("\n"),
    );
  });

  it("uses the first line as title when there is no heading, and reads front matter", async () => {
    const plain = await readDoc(await put("plain.md", "Just a *note* line.\nSecond line."));
    assert.equal(plain.title, "Just a note line.");

    const withFrontMatter = await readDoc(
      await put("front.md", '---\ntitle: "Front title"\nauthor: Kim Lee\ndate: 2021-06-01\n---\n\n# Heading\n\nBody text.\n'),
    );
    assert.equal(withFrontMatter.title, "Front title");
    assert.equal(withFrontMatter.author, "Kim Lee");
    assert.equal(withFrontMatter.publishedAt, "2021-06-01");
    assert.equal(withFrontMatter.text, "Heading\n\nBody text.");
  });
});

describe("readInputs: HTML and PDF", () => {
  it("reads an HTML page: article text without boilerplate, with its metadata", async () => {
    const file = path.join(FIXTURES, "news-article.html");
    const doc = await readDoc(file);
    assert.equal(doc.format, "html");
    assert.equal(doc.key, `file:${file}`);
    assert.equal(doc.title, "Town approves bridge after decade of debate");
    assert.equal(doc.publisher, "Riverside Courier");
    assert.equal(doc.author, "Maria Lopez");
    assert.equal(doc.publishedAt, "2023-05-17T06:30:00.000Z");
    assert.equal(doc.url, "https://courier.example/news/2023/bridge-approved");
    assert.match(doc.text, /fund a new bridge across the river/);
    assert.ok(!doc.text.includes("News menu"));
    assert.ok(!doc.text.includes("Footer contact line"));
  });

  it("reads an HTML page declared in another charset", async () => {
    const latin1 = Buffer.from(
      '<html><head><meta charset="iso-8859-1"><title>Caf\xe9</title></head><body><p>Cr\xe8me br\xfbl\xe9e is served.</p></body></html>',
      "latin1",
    );
    const doc = await readDoc(await put("latin1.htm", latin1));
    assert.equal(doc.title, "Café");
    assert.equal(doc.text, "Crème brûlée is served.");
  });

  it("reads a PDF with its metadata, and falls back to the first line for its title", async () => {
    const titled = await readDoc(
      await put(
        "report.pdf",
        makePdf({ title: "Water Report", author: "Agency", creationDate: "D:20191105", pages: ["Rivers are clean.", "Lakes too."] }),
      ),
    );
    assert.equal(titled.format, "pdf");
    assert.equal(titled.title, "Water Report");
    assert.equal(titled.author, "Agency");
    assert.equal(titled.publishedAt, "2019-11-05");
    assert.equal(titled.text, "Rivers are clean.\n\nLakes too.");

    const untitled = await readDoc(await put("untitled.pdf", makePdf({ pages: ["Heading of the paper\n\nBody."] })));
    assert.equal(untitled.title, "Heading of the paper");
  });

  it("reports an encrypted PDF and a PDF without text", async () => {
    assert.equal(await readFailure(await put("locked.pdf", makeEncryptedPdf())), "encrypted PDF: a password is required");
    assert.equal(await readFailure(await put("scan.pdf", makePdf({ pages: [""] }))), "PDF has no extractable text (scanned image?)");
    assert.match(await readFailure(await put("fake.pdf", "not a pdf")), /^unreadable PDF: /);
  });
});

describe("readInputs: paths and folders", () => {
  it("walks folders recursively in sorted order, skipping dot-files, node_modules and unsupported files", async () => {
    const root = path.join(dir, "tree");
    await put("tree/b.txt", "B text");
    await put("tree/a/z.md", "# Z heading\nZ body");
    await put("tree/a/deeper/c.txt", "C text");
    await put("tree/c.jsonl", '{"id": "j1", "title": "J", "text": "J text"}');
    await put("tree/image.png", "not read");
    await put("tree/.hidden.txt", "hidden");
    await put("tree/.git/config.txt", "hidden");
    await put("tree/node_modules/pkg/readme.txt", "dependency");
    await copyFile(path.join(FIXTURES, "jsonld-article.html"), path.join(root, "a", "page.html"));
    const outcomes = await readAll([root]);
    assert.ok(
      outcomes.every((o) => o.ok),
      JSON.stringify(outcomes.filter((o) => !o.ok)),
    );
    assert.deepEqual(
      outcomes.map((o) => (o.ok ? o.doc.origin : "")),
      [
        path.join(root, "a", "deeper", "c.txt"),
        path.join(root, "a", "page.html"),
        path.join(root, "a", "z.md"),
        path.join(root, "b.txt"),
        `${path.join(root, "c.jsonl")}:1`,
      ],
    );
    assert.deepEqual(
      outcomes.map((o) => (o.ok ? o.doc.format : "")),
      ["text", "html", "markdown", "text", "jsonl"],
    );
  });

  it("keeps input order across several inputs and reports each problem in place", async () => {
    const one = await put("order/one.txt", "One");
    const two = await put("order/two.md", "Two");
    const missing = path.join(dir, "order", "missing.txt");
    const unsupported = await put("order/sheet.xlsx", "x");
    const noExtension = await put("order/README", "x");
    const outcomes = await readAll([two, missing, "https://example.com/article", one, unsupported, noExtension]);
    assert.deepEqual(
      outcomes.map((o) => (o.ok ? `ok ${o.doc.title}` : `${o.origin}: ${o.reason}`)),
      [
        "ok Two",
        `${missing}: no such file or directory`,
        "https://example.com/article: ingesting URLs needs the web reader",
        "ok One",
        `${unsupported}: unsupported file type .xlsx`,
        `${noExtension}: unsupported file type (no extension)`,
      ],
    );
  });

  it("reads a dot-file or a file in node_modules when it is named explicitly", async () => {
    const hidden = await put("explicit/.notes.txt", "Hidden but named");
    assert.equal((await readDoc(hidden)).title, "Hidden but named");
  });

  it("gives nothing for an empty folder", async () => {
    await mkdir(path.join(dir, "empty-folder"));
    assert.deepEqual(await readAll([path.join(dir, "empty-folder")]), []);
  });
});

describe("readInputs: JSON Lines", () => {
  it("reads a .jsonl file through readInputs, with the file path in origins", async () => {
    const file = await put("docs.jsonl", '{"id": 10, "title": "T", "sentences": ["A.", "B."]}\n{"broken": true}\n');
    const outcomes = await readAll([file]);
    assert.equal(outcomes.length, 2);
    assert.ok(outcomes[0]!.ok && outcomes[0]!.doc.text === "A. B." && outcomes[0]!.doc.origin === `${file}:1`);
    assert.deepEqual(outcomes[1], { ok: false, origin: `${file}:2`, reason: 'missing "id"' });
  });

  it("streams a file over the 50 MB limit line by line: a bad line in the middle is named, the others are kept", async () => {
    const blank = " ".repeat(1023);
    const lines = ['{"id": "first", "title": "First", "text": "Before the padding."}'];
    for (let i = 0; i < 52 * 1024; i++) lines.push(blank); // 52 MB of blank lines, skipped
    lines.push("{not json", '{"id": "last", "title": "Last", "text": "After the padding."}');
    const file = await put("over-limit.jsonl", lines.join("\n") + "\n");
    const outcomes = await readAll([file]);
    assert.deepEqual(
      outcomes.map((o) => (o.ok ? `${o.doc.key} ${o.doc.origin}` : `fail ${o.origin}`)),
      [`jsonl:first ${file}:1`, `fail ${file}:${52 * 1024 + 2}`, `jsonl:last ${file}:${52 * 1024 + 3}`],
    );
  });

  it("reports a line over the length limit without holding it, and reads the next one", async () => {
    const file = await put("no-breaks.jsonl", "");
    await truncate(file, 64 * 1024 * 1024); // sparse: a 64 MB run of NUL bytes, no line break
    await appendFile(file, '\n{"id": 1, "title": "T", "text": "Kept."}\n');
    await writeFile(file, `{"id": 0, "title": "Head", "text": "${"x".repeat(9000)}"}\n`, { flag: "r+" });
    const outcomes = await readAll([file]);
    assert.deepEqual(
      outcomes.map((o) => (o.ok ? o.doc.key : `${o.origin} ${o.reason}`)),
      [
        "jsonl:0",
        `${file}:2 line too long (${(64 * 1024 * 1024 - 9039).toLocaleString("en")} characters; the limit is 2,000,000)`,
        "jsonl:1",
      ],
    );
  });

  it("reads a SciFact-sized file (5,183 lines, 8 MB) quickly", async () => {
    const sentence =
      "Alterations of the architecture of cerebral white matter in the developing human brain can affect cortical development.";
    const lines: string[] = [];
    for (let i = 0; i < 5183; i++) {
      lines.push(JSON.stringify({ id: i, title: `Abstract ${i}`, sentences: Array.from({ length: 12 }, (_, j) => `${sentence} (${j})`) }));
    }
    const file = await put("big.jsonl", lines.join("\n"));
    const started = performance.now();
    let count = 0;
    for await (const outcome of readInputs([file])) if (outcome.ok) count++;
    const elapsed = performance.now() - started;
    assert.equal(count, 5183);
    assert.ok(elapsed < 1500, `took ${elapsed.toFixed(0)} ms`);
  });
});
