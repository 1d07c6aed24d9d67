// Fitting the one-hidden-layer network of src/analysts/local/models/mlp.ts with TensorFlow.js (the
// WebAssembly backend the encoder uses): mini-batch Adam on class-weighted cross-entropy, with L2.
// Deterministic: seeded initialisation, a seeded shuffle, one thread.
import { encodeFloats, type MlpModel } from "../../src/analysts/local/models/mlp.js";
import { tensorflow } from "../../src/encoder/use-lite.js";

export interface MlpExample {
  x: Float32Array;
  y: number;
  /** How much the example counts (1 by default). */
  weight?: number;
}

export interface MlpFitOptions {
  hidden?: number;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /** Called after each epoch (loss, and whatever the caller measures on the weights so far). */
  onEpoch?: (epoch: number, loss: number, model: () => MlpModel) => void;
}

/** A small seeded generator (mulberry32): the same seed, the same shuffle. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function fitMlp(about: string, classes: string[], data: MlpExample[], options: MlpFitOptions = {}): Promise<MlpModel> {
  const tf = await tensorflow();
  const hidden = options.hidden ?? 128;
  const epochs = options.epochs ?? 10;
  const batchSize = options.batchSize ?? 256;
  const l2 = options.l2 ?? 1e-5;
  const seed = options.seed ?? 1;
  const inputs = data[0]!.x.length;
  const counts = classes.map((_, c) => data.filter((e) => e.y === c).length);
  const classWeight = counts.map((n) => (n === 0 ? 0 : data.length / (classes.length * n)));

  const w1 = tf.variable(tf.randomNormal([inputs, hidden], 0, Math.sqrt(2 / inputs), "float32", seed));
  const b1 = tf.variable(tf.zeros([hidden]));
  const w2 = tf.variable(tf.randomNormal([hidden, classes.length], 0, Math.sqrt(1 / hidden), "float32", seed + 1));
  const b2 = tf.variable(tf.zeros([classes.length]));
  const optimizer = tf.train.adam(options.learningRate ?? 1e-3);
  const random = seededRandom(seed);
  const order = data.map((_, i) => i);

  const snapshot = (): MlpModel => {
    // Stored as the inference code reads them: hidden × inputs and classes × hidden, row-major.
    const transposed = (v: typeof w1) => {
      const t = tf.transpose(v);
      const values = new Float32Array(t.dataSync() as Float32Array);
      t.dispose();
      return values;
    };
    const t1 = transposed(w1);
    const t2 = transposed(w2);
    return {
      about,
      classes,
      inputs,
      hidden,
      w1: encodeFloats(t1),
      b1: encodeFloats(new Float32Array(b1.dataSync() as Float32Array)),
      w2: encodeFloats(t2),
      b2: encodeFloats(new Float32Array(b2.dataSync() as Float32Array)),
    };
  };

  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let lossSum = 0;
    let batches = 0;
    for (let start = 0; start < order.length; start += batchSize) {
      const batch = order.slice(start, start + batchSize);
      const xs = new Float32Array(batch.length * inputs);
      const ys = new Float32Array(batch.length * classes.length);
      const ws = new Float32Array(batch.length);
      batch.forEach((n, r) => {
        const e = data[n]!;
        xs.set(e.x, r * inputs);
        ys[r * classes.length + e.y] = 1;
        ws[r] = classWeight[e.y]! * (e.weight ?? 1);
      });
      const loss = tf.tidy(() => {
        const x = tf.tensor2d(xs, [batch.length, inputs]);
        const y = tf.tensor2d(ys, [batch.length, classes.length]);
        const w = tf.tensor1d(ws);
        const cost = optimizer.minimize(() => {
          const h = tf.relu(tf.add(tf.matMul(x, w1), b1));
          const logits = tf.add(tf.matMul(h, w2), b2);
          const perExample = tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(logits)), 1));
          const data = tf.div(tf.sum(tf.mul(perExample, w)), tf.sum(w));
          return tf.add(data, tf.mul(l2, tf.add(tf.sum(tf.square(w1)), tf.sum(tf.square(w2))))) as import("@tensorflow/tfjs-core").Scalar;
        }, true);
        return cost!.dataSync()[0]!;
      });
      lossSum += loss;
      batches++;
    }
    options.onEpoch?.(epoch + 1, lossSum / batches, snapshot);
  }
  const model = snapshot();
  for (const v of [w1, b1, w2, b2]) v.dispose();
  optimizer.dispose();
  return model;
}
