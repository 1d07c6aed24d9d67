// The loopback client the provider tests use talks to 127.0.0.1 and nothing else.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loopbackHttp } from "./loopback-http.js";
import { rejection } from "./assertions.js";

const http = loopbackHttp();

describe("loopback test client", () => {
  it("refuses anything but 127.0.0.1", async () => {
    for (const url of ["https://example.com/", "http://localhost:80/", "http://10.0.0.1/"]) {
      const error = await rejection(http.request({ url }));
      assert.equal((error as { code?: string }).code, "forbidden_address", url);
    }
  });
});
