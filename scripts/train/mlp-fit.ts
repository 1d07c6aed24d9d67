// Fitting the one-hidden-layer network of src/analysts/local/models/mlp.ts: mini-batch Adam on
// class-weighted cross-entropy with L2. The gradients are written out by hand (TensorFlow.js's core
// package registers none for Node's module loader); the two large matrix products of each batch run
// on TensorFlow.js's WebAssembly backend, the rest in plain arithmetic. Deterministic: seeded
// initialisation and shuffle, one thread.
import { encodeFloats, type MlpModel } from "../../src/analysts/local/models/mlp.js";
import { tensorflow } from "../../src/encoder/use-lite.js";
import { seededRandom } from "../../bench/quality/metrics.js";

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
  /** Called after each epoch (mean loss, and the weights so far). */
  onEpoch?: (epoch: number, loss: number, model: () => MlpModel) => void;
}

/** A normal deviate from two uniform ones (Box–Muller). */
function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Adam's state for one array of parameters. */
class Adam {
  private readonly m: Float32Array;
  private readonly v: Float32Array;
  private t = 0;
  constructor(
    private readonly params: Float32Array,
    private readonly rate: number,
  ) {
    this.m = new Float32Array(params.length);
    this.v = new Float32Array(params.length);
  }
  step(grad: Float32Array): void {
    this.t++;
    const b1 = 0.9;
    const b2 = 0.999;
    const c1 = 1 - b1 ** this.t;
    const c2 = 1 - b2 ** this.t;
    for (let i = 0; i < grad.length; i++) {
      const g = grad[i]!;
      this.m[i] = b1 * this.m[i]! + (1 - b1) * g;
      this.v[i] = b2 * this.v[i]! + (1 - b2) * g * g;
      this.params[i] = this.params[i]! - (this.rate * (this.m[i]! / c1)) / (Math.sqrt(this.v[i]! / c2) + 1e-8);
    }
  }
}

export async function fitMlp(about: string, classes: string[], data: MlpExample[], options: MlpFitOptions = {}): Promise<MlpModel> {
  const tf = await tensorflow();
  const hidden = options.hidden ?? 128;
  const epochs = options.epochs ?? 10;
  const batchSize = options.batchSize ?? 256;
  const l2 = options.l2 ?? 1e-5;
  const rate = options.learningRate ?? 1e-3;
  const random = seededRandom(options.seed ?? 1);
  const inputs = data[0]!.x.length;
  const k = classes.length;
  const counts = classes.map((_, c) => data.filter((e) => e.y === c).length);
  const classWeight = counts.map((n) => (n === 0 ? 0 : data.length / (k * n)));

  // Weights as the training loops read them: w1 inputs × hidden, w2 hidden × classes (row-major).
  const w1 = Float32Array.from({ length: inputs * hidden }, () => gaussian(random) * Math.sqrt(2 / inputs));
  const b1 = new Float32Array(hidden);
  const w2 = Float32Array.from({ length: hidden * k }, () => gaussian(random) * Math.sqrt(1 / hidden));
  const b2 = new Float32Array(k);
  const optimizers = [new Adam(w1, rate), new Adam(b1, rate), new Adam(w2, rate), new Adam(b2, rate)];
  const g1 = new Float32Array(w1.length);
  const gb1 = new Float32Array(hidden);
  const g2 = new Float32Array(w2.length);
  const gb2 = new Float32Array(k);
  const h = new Float32Array(batchSize * hidden);
  const dh = new Float32Array(batchSize * hidden);

  const snapshot = (): MlpModel => {
    // Stored as the inference code reads them: hidden × inputs and classes × hidden.
    const t1 = new Float32Array(w1.length);
    for (let i = 0; i < inputs; i++) for (let j = 0; j < hidden; j++) t1[j * inputs + i] = w1[i * hidden + j]!;
    const t2 = new Float32Array(w2.length);
    for (let j = 0; j < hidden; j++) for (let c = 0; c < k; c++) t2[c * hidden + j] = w2[j * k + c]!;
    return { about, classes, inputs, hidden, w1: encodeFloats(t1), b1: encodeFloats(b1), w2: encodeFloats(t2), b2: encodeFloats(b2) };
  };

  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let lossSum = 0;
    let weightSum = 0;
    for (let start = 0; start < order.length; start += batchSize) {
      const batch = order.slice(start, start + batchSize);
      gb1.fill(0);
      g2.fill(0);
      gb2.fill(0);
      let batchWeight = 0;
      const xs = new Float32Array(batch.length * inputs);
      batch.forEach((n, r) => xs.set(data[n]!.x, r * inputs));
      const x = tf.tensor2d(xs, [batch.length, inputs]);
      // Forward: the hidden layer's pre-activations on the backend, the rest here.
      const product = tf.tidy(() => tf.matMul(x, tf.tensor2d(w1, [inputs, hidden])));
      h.set(product.dataSync() as Float32Array);
      product.dispose();
      const dz = batch.map(() => new Float64Array(k));
      batch.forEach((n, r) => {
        const e = data[n]!;
        const row = r * hidden;
        for (let j = 0; j < hidden; j++) {
          const v = h[row + j]! + b1[j]!;
          h[row + j] = v > 0 ? v : 0;
        }
        const z = new Float64Array(k);
        for (let c = 0; c < k; c++) {
          let sum = b2[c]!;
          for (let j = 0; j < hidden; j++) sum += h[row + j]! * w2[j * k + c]!;
          z[c] = sum;
        }
        let max = -Infinity;
        for (let c = 0; c < k; c++) max = Math.max(max, z[c]!);
        let sum = 0;
        for (let c = 0; c < k; c++) sum += Math.exp(z[c]! - max);
        const weight = classWeight[e.y]! * (e.weight ?? 1);
        batchWeight += weight;
        lossSum += weight * -(z[e.y]! - max - Math.log(sum));
        for (let c = 0; c < k; c++) dz[r]![c] = weight * (Math.exp(z[c]! - max) / sum - (c === e.y ? 1 : 0));
      });
      weightSum += batchWeight;
      // Backward, as a mean over the batch's weight.
      batch.forEach((_, r) => {
        const row = r * hidden;
        const d = dz[r]!;
        for (let c = 0; c < k; c++) gb2[c] = gb2[c]! + d[c]! / batchWeight;
        for (let j = 0; j < hidden; j++) {
          const hj = h[row + j]!;
          let back = 0;
          for (let c = 0; c < k; c++) {
            g2[j * k + c] = g2[j * k + c]! + (hj * d[c]!) / batchWeight;
            back += w2[j * k + c]! * d[c]!;
          }
          dh[row + j] = hj > 0 ? back / batchWeight : 0;
          gb1[j] = gb1[j]! + dh[row + j]!;
        }
      });
      const gradient = tf.tidy(() => tf.matMul(x, tf.tensor2d(dh.subarray(0, batch.length * hidden), [batch.length, hidden]), true, false));
      g1.set(gradient.dataSync() as Float32Array);
      gradient.dispose();
      x.dispose();
      for (let i = 0; i < w1.length; i++) g1[i] = g1[i]! + 2 * l2 * w1[i]!;
      for (let i = 0; i < w2.length; i++) g2[i] = g2[i]! + 2 * l2 * w2[i]!;
      optimizers[0]!.step(g1);
      optimizers[1]!.step(gb1);
      optimizers[2]!.step(g2);
      optimizers[3]!.step(gb2);
    }
    options.onEpoch?.(epoch + 1, lossSum / weightSum, snapshot);
  }
  return snapshot();
}
