// extract/pdf.ts: a PDF's text and metadata, and why a PDF could not be read.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { BadInputError } from "../../../src/domain/errors.js";
import { extractPdf, pdfErrorMessage, pdfErrorReason } from "../../../src/extract/pdf.js";
import { makeCorruptPdf, makeEncryptedPdf, makePdf } from "../../fixtures/make-pdf.js";
import { rejection } from "../../helpers/assertions.js";

describe("extractPdf", () => {
  it("extracts lines, paragraphs and pages", async () => {
    const pdf = makePdf({
      pages: [
        "Hello world. This is the first line,\ncontinued on a second line.\n\nA new paragraph (with parentheses).",
        "Text of page two.",
      ],
    });
    const result = await extractPdf(pdf);
    assert.equal(result.pages, 2);
    assert.equal(
      result.text,
      "Hello world. This is the first line, continued on a second line.\n\nA new paragraph (with parentheses).\n\nText of page two.",
    );
  });

  it("finds paragraph breaks from the page's usual line spacing", async () => {
    const page = [
      "Line one of the first paragraph",
      "line two",
      "line three.",
      "",
      "Second paragraph line one",
      "line two",
      "line three.",
    ].join("\n");
    const result = await extractPdf(makePdf({ pages: [page] }));
    assert.equal(result.text, "Line one of the first paragraph line two line three.\n\nSecond paragraph line one line two line three.");
  });

  it("joins a line ending in a hyphen without a space", async () => {
    const result = await extractPdf(makePdf({ pages: ["It is a well-\nknown result."] }));
    assert.equal(result.text, "It is a well-known result.");
  });

  it("reads Title, Author and CreationDate", async () => {
    const result = await extractPdf(
      makePdf({ title: "Annual Report 2019", author: "Statistics Office", creationDate: "D:20200131120000+01'00'", pages: ["Some text."] }),
    );
    assert.equal(result.title, "Annual Report 2019");
    assert.equal(result.author, "Statistics Office");
    assert.equal(result.publishedAt, "2020-01-31T11:00:00.000Z");
  });

  it("gives null metadata when the PDF has none", async () => {
    const result = await extractPdf(makePdf({ pages: ["Some text."] }));
    assert.equal(result.title, null);
    assert.equal(result.author, null);
    assert.equal(result.publishedAt, null);
  });

  it("accepts a Node Buffer and leaves the caller's bytes intact", async () => {
    const bytes = Buffer.from(makePdf({ pages: ["Buffer input."] }));
    const length = bytes.length;
    const result = await extractPdf(bytes);
    assert.equal(result.text, "Buffer input.");
    assert.equal(bytes.length, length);
    assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-");
  });

  it("rejects an encrypted PDF with BadInputError", async () => {
    const error = await rejection(extractPdf(makeEncryptedPdf()));
    assert.ok(error instanceof BadInputError);
    assert.equal(error.message, "encrypted PDF: a password is required");
  });

  it("rejects a corrupt PDF with BadInputError", async () => {
    const error = await rejection(extractPdf(makeCorruptPdf()));
    assert.ok(error instanceof BadInputError);
    assert.match(error.message, /^unreadable PDF: \S/);
    assert.doesNotMatch(error.message, /\n/);
  });

  it("rejects bytes that are not a PDF at all", async () => {
    const error = await rejection(extractPdf(new TextEncoder().encode("just some text, not a PDF")));
    assert.ok(error instanceof BadInputError);
    assert.match(error.message, /^unreadable PDF: /);
  });

  it("rejects a PDF without text (a scan) with BadInputError", async () => {
    const error = await rejection(extractPdf(makePdf({ title: "Scanned", pages: ["", ""] })));
    assert.ok(error instanceof BadInputError);
    assert.equal(error.message, "PDF has no extractable text (scanned image?)");
  });
});

describe("pdfErrorMessage and pdfErrorReason", () => {
  it("tell why extractPdf failed, in full and in two words", async () => {
    const encrypted = await rejection(extractPdf(makeEncryptedPdf()));
    assert.equal(pdfErrorMessage(encrypted), "encrypted PDF: a password is required");
    assert.equal(pdfErrorReason(encrypted), "encrypted PDF");
    const scan = await rejection(extractPdf(makePdf({ pages: [""] })));
    assert.equal(pdfErrorReason(scan), "no readable text");
    const other = new Error("boom\n  at somewhere");
    assert.equal(pdfErrorMessage(other), "unreadable PDF: boom at somewhere");
    assert.equal(pdfErrorReason(other), "unreadable PDF");
  });
});
