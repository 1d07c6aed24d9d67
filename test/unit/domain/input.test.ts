// What a check accepts as input.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BadInputError } from "../../../src/domain/errors.js";
import { MAX_INPUT_CHARS } from "../../../src/domain/limits.js";
import { isLinkInput, validateInput } from "../../../src/domain/input.js";

describe("intake validation", () => {
  it("rejects empty, whitespace-only, over-long and binary input with a reason", () => {
    assert.throws(
      () => validateInput(""),
      (e: Error) => e instanceof BadInputError && /empty/.test(e.message),
    );
    assert.throws(() => validateInput(" \n\t "), BadInputError);
    assert.throws(() => validateInput("x".repeat(MAX_INPUT_CHARS + 1)), /too long: 5001 characters \(the limit is 5000\)/);
    assert.throws(() => validateInput("abc\u0000def"), /control characters/);
    assert.equal(validateInput("  Is coffee bad?\r\n"), "Is coffee bad?");
  });
});

describe("inputs with nothing to check, and C1 controls", () => {
  it("refuses input with no letter or digit in any script", () => {
    for (const nothing of ["😀😀", "!!!", "\u200B\u200B\u200B", "\u200B \u200C\u200D\u2060", "?!… — ¿¡", "👍🏽 ❤️", "\u0301\u0301"]) {
      assert.throws(
        () => validateInput(nothing),
        (e: Error) => e instanceof BadInputError && e.message === "nothing to check: the input has no letters or digits",
        JSON.stringify(nothing),
      );
    }
    for (const something of ["42", "😀 coffee", "咖啡致癌吗", "Кофе вреден?", "5G!", "\u200Bx"])
      assert.equal(validateInput(something), something);
  });

  it("refuses C1 control characters (U+0080 to U+009F) like the others, and keeps the letters next to them", () => {
    for (const code of [0x80, 0x85, 0x8d, 0x9b, 0x9f]) {
      assert.throws(() => validateInput(`coffee ${String.fromCharCode(code)} cancer`), /control characters/, code.toString(16));
    }
    assert.equal(validateInput("Café \u00A0 crème"), "Café \u00A0 crème", "U+00A0 and Latin-1 letters are text");
  });
});

describe("isLinkInput", () => {
  it("takes any http(s) URL with a host as a link: names, single labels, IPv4 and IPv6 literals", () => {
    for (const link of [
      "https://example.org/a",
      "http://[2001:db8::1]/x",
      "http://[::1]:18999/D16",
      "http://intranet/x",
      "http://localhost:3000",
      "  http://10.0.0.1/admin ",
      "HTTPS://EXAMPLE.ORG",
    ]) {
      assert.equal(isLinkInput(link), true, link);
    }
    for (const other of [
      "Is http://example.org reliable?",
      "ftp://example.org/x",
      "http://",
      "http://[2001:db8::1/x",
      "example.org",
      "coffee causes cancer",
    ]) {
      assert.equal(isLinkInput(other), false, other);
    }
  });
});
