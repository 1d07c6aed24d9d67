// Assertions the tests share: the error a promise rejects with, and an HttpError's code.
import assert from "node:assert/strict";
import { HttpError } from "../../src/fetch/http-client.js";

/** The error a promise rejects with (fails when it resolves, or rejects with something other than an Error). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof Error);
    return error;
  }
  assert.fail("expected a rejection");
}

/** For assert.rejects and assert.throws: an HttpError with this code. */
export function isHttpError(code: string): (error: unknown) => boolean {
  return (error: unknown) => {
    assert.ok(error instanceof HttpError, `expected an HttpError, got ${String(error)}`);
    assert.equal(error.code, code, `expected code ${code}, got ${error.code}: ${error.message}`);
    return true;
  };
}
