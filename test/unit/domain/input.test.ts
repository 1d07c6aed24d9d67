// What a check accepts as input.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BadInputError } from "../../../src/domain/errors.js";
import { MAX_INPUT_CHARS } from "../../../src/domain/limits.js";
import { validateInput } from "../../../src/domain/input.js";

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
