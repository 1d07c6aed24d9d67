// The shipped sentence encoder for tests that need the local analyst: the real model (tests are
// honest about what the analyst reads), one per test process, remembering what it embedded.
import { LocalAnalyst } from "../../src/analysts/local/index.js";
import { CachedEncoder } from "../../src/encoder/cached.js";
import { sharedUseLiteEncoder } from "../../src/encoder/use-lite.js";

export const testEncoder = new CachedEncoder(sharedUseLiteEncoder());

export function localAnalyst(): LocalAnalyst {
  return new LocalAnalyst(testEncoder);
}
