// A small neural network (one hidden layer of rectified units, then softmax): the stance model's
// shape. Inference only here, in plain arithmetic; training lives in scripts/train. Weights ship
// as base64 float32 arrays inside a JSON file with what the model is and what it learnt from.

export interface MlpModel {
  about: string;
  classes: string[];
  inputs: number;
  hidden: number;
  /** Row-major: hidden × inputs, then classes × hidden; base64 of little-endian float32. */
  w1: string;
  b1: string;
  w2: string;
  b2: string;
}

export interface MlpWeights {
  classes: string[];
  inputs: number;
  hidden: number;
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
}

export function decodeMlp(model: MlpModel): MlpWeights {
  const f32 = (b64: string) => {
    const bytes = Buffer.from(b64, "base64");
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    return new Float32Array(copy.buffer);
  };
  const weights = {
    classes: model.classes,
    inputs: model.inputs,
    hidden: model.hidden,
    w1: f32(model.w1),
    b1: f32(model.b1),
    w2: f32(model.w2),
    b2: f32(model.b2),
  };
  if (weights.w1.length !== model.hidden * model.inputs || weights.w2.length !== model.classes.length * model.hidden) {
    throw new Error(`the model's weights do not have its shape (${model.about.slice(0, 60)})`);
  }
  return weights;
}

export function encodeFloats(values: Float32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString("base64");
}

/** Class probabilities for one input vector, keyed by class name. */
export function predictMlp(model: MlpWeights, x: Float32Array): Record<string, number> {
  const { inputs, hidden, w1, b1, w2, b2, classes } = model;
  const h = new Float64Array(hidden);
  for (let j = 0; j < hidden; j++) {
    let s = b1[j]!;
    const row = j * inputs;
    for (let i = 0; i < inputs; i++) s += w1[row + i]! * x[i]!;
    h[j] = s > 0 ? s : 0;
  }
  const z = classes.map((_, c) => {
    let s = b2[c]!;
    for (let j = 0; j < hidden; j++) s += w2[c * hidden + j]! * h[j]!;
    return s;
  });
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return Object.fromEntries(classes.map((c, i) => [c, e[i]! / sum]));
}
