// Bytes → text: declared charsets (header, byte order mark, <meta>) and binary sniffing for files.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { asciiHead, charsetOf, declaredCharset, decodeFileText, decodeText } from "../../../src/extract/decode.js";

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part))));

describe("charsetOf", () => {
  it("reads the charset parameter of a Content-Type", () => {
    assert.equal(charsetOf('text/html; charset="ISO-8859-1"'), "iso-8859-1");
    assert.equal(charsetOf("text/html"), null);
    assert.equal(charsetOf(undefined), null);
  });
});

describe("declaredCharset", () => {
  it("finds a <meta> charset TextDecoder knows, within the bytes scanned", () => {
    assert.equal(
      declaredCharset(bytes('<meta http-equiv="Content-Type" content="text/html; charset=Windows-1252">'), 2048),
      "windows-1252",
    );
    assert.equal(declaredCharset(bytes("<meta charset=utf-8>"), 2048), null, "UTF-8 is the default anyway");
    assert.equal(declaredCharset(bytes("<meta charset=klingon>"), 2048), null);
    assert.equal(declaredCharset(bytes(" ".repeat(3000), "<meta charset=latin1>"), 2048), null, "past the scan");
  });
});

describe("decodeText", () => {
  it("decodes with the charset given, a byte order mark winning, UTF-8 otherwise", () => {
    assert.equal(decodeText(bytes("caf", [0xe9]), "latin1"), "café");
    assert.equal(decodeText(bytes([0xef, 0xbb, 0xbf], "caf", [0xc3, 0xa9]), "latin1"), "café");
    assert.equal(decodeText(bytes([0xff, 0xfe], "h", [0], "i", [0]), null), "hi");
    assert.equal(decodeText(bytes("caf", [0xc3, 0xa9]), "no-such-charset"), "café");
  });
});

describe("decodeFileText", () => {
  it("gives text for text and null for binary", () => {
    assert.equal(decodeFileText(bytes("plain text\n")), "plain text\n");
    assert.equal(decodeFileText(bytes("a", [0], "b")), null, "a NUL byte");
    assert.equal(decodeFileText(bytes([1, 2, 3, 4], "ab")), null, "control characters");
    assert.equal(decodeFileText(bytes("caf", [0xe9])), null, "invalid UTF-8 in a text file");
  });

  it("decodes HTML in the charset its <meta> declares", () => {
    assert.equal(decodeFileText(bytes("<meta charset=latin1><p>caf", [0xe9]), true), "<meta charset=latin1><p>café");
  });
});

describe("asciiHead", () => {
  it("reads the first bytes whatever they are", () => {
    assert.equal(asciiHead(bytes("%PDF-1.7", [0xff]), 5), "%PDF-");
  });
});
