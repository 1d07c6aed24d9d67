// Metrics of the quality benchmark.

export function accuracy(gold: string[], predicted: string[]): number {
  if (gold.length === 0) return 0;
  return gold.filter((g, i) => g === predicted[i]).length / gold.length;
}

/**
 * The published-anchor line for the majority-class baseline: the accuracy of always answering the
 * commonest gold label, the floor an accuracy must clear to mean anything.
 */
export function majorityAnchor(gold: string[]): string {
  const counts = new Map<string, number>();
  for (const g of gold) counts.set(g, (counts.get(g) ?? 0) + 1);
  const [label, n] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ["none", 0];
  return `always "${label}" ${round3(gold.length === 0 ? 0 : n / gold.length)} (majority class)`;
}

/** Macro-averaged F1 over the given labels (labels absent from both gold and predictions still count as 0). */
export function macroF1(gold: string[], predicted: string[], labels: string[]): number {
  const f1s = labels.map((label) => {
    let tp = 0,
      fp = 0,
      fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (p === label && g === label) tp++;
      else if (p === label) fp++;
      else if (g === label) fn++;
    });
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return f1s.reduce((a, b) => a + b, 0) / labels.length;
}

export function confusion(gold: string[], predicted: string[]): Record<string, Record<string, number>> {
  const m: Record<string, Record<string, number>> = {};
  gold.forEach((g, i) => {
    const p = predicted[i] ?? "";
    m[g] ??= {};
    m[g]![p] = (m[g]![p] ?? 0) + 1;
  });
  return m;
}

/** nDCG@k with binary relevance. */
export function ndcgAt(ranked: string[], relevant: Set<string>, k: number): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let idcg = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) idcg += 1 / Math.log2(i + 2);
  return idcg === 0 ? 0 : dcg / idcg;
}

export function recallAt(ranked: string[], relevant: Set<string>, k: number): number {
  if (relevant.size === 0) return 0;
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;
}

export function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Expected calibration error: verdicts binned by stated confidence (tenths), then the gap between
 * each bin's share right and its mean confidence, weighted by the bin's size. 0 is perfectly honest.
 */
export function calibrationError(verdicts: { right: boolean; confidence: number }[], bins = 10): number {
  if (verdicts.length === 0) return 0;
  const groups = new Map<number, { right: number; confidence: number; n: number }>();
  for (const v of verdicts) {
    const bin = Math.min(bins - 1, Math.floor(v.confidence * bins));
    const g = groups.get(bin) ?? { right: 0, confidence: 0, n: 0 };
    g.right += v.right ? 1 : 0;
    g.confidence += v.confidence;
    g.n += 1;
    groups.set(bin, g);
  }
  let error = 0;
  for (const g of groups.values()) error += (g.n / verdicts.length) * Math.abs(g.right / g.n - g.confidence / g.n);
  return error;
}

/**
 * The calibration error a perfectly honest analyst would still show on these verdicts, by chance:
 * each verdict is drawn right with the very chance it states, `draws` times from a fixed seed, and
 * the error averaged. On a hundred verdicts in ten bins it is far from 0; a measured error near it
 * is no evidence of dishonest confidence.
 */
export function calibrationErrorByChance(confidences: number[], draws = 1000, seed = 1): number {
  if (confidences.length === 0) return 0;
  const random = seededRandom(seed);
  let total = 0;
  for (let d = 0; d < draws; d++)
    total += calibrationError(confidences.map((confidence) => ({ confidence, right: random() < confidence })));
  return total / draws;
}

/**
 * A 95% bootstrap interval of a metric over a benchmark's claims: the claims are resampled with
 * replacement (`samples` times, from a fixed seed, so a run reproduces) and the metric recomputed
 * on each resample. On a few hundred claims it shows how far a figure could move by chance.
 */
export function bootstrapInterval<T>(items: T[], metric: (sample: T[]) => number, samples = 1000, seed = 1): [number, number] {
  if (items.length === 0) return [0, 0];
  const random = seededRandom(seed);
  const values: number[] = [];
  const sample = new Array<T>(items.length);
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < items.length; i++) sample[i] = items[Math.floor(random() * items.length)]!;
    values.push(metric(sample));
  }
  values.sort((a, b) => a - b);
  const at = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))]!;
  return [round3(at(0.025)), round3(at(0.975))];
}

/** The bootstrap interval of plain accuracy. */
export function accuracyInterval(gold: string[], predicted: string[]): [number, number] {
  return bootstrapInterval(
    gold.map((g, i) => g === predicted[i]),
    (sample) => sample.filter(Boolean).length / sample.length,
  );
}

/**
 * ROC AUC: the chance that a positive example scores above a negative one (ties count half).
 * 0.5 means the score does not tell the two apart.
 */
export function rocAuc(positives: number[], negatives: number[]): number {
  if (positives.length === 0 || negatives.length === 0) return 0.5;
  // Rank-sum form: sort once, give tied scores their mean rank.
  const all = [...positives.map((x) => ({ x, pos: true })), ...negatives.map((x) => ({ x, pos: false }))].sort((a, b) => a.x - b.x);
  let positiveRanks = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j < all.length && all[j]!.x === all[i]!.x) j++;
    const meanRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k]!.pos) positiveRanks += meanRank;
    i = j;
  }
  return (positiveRanks - (positives.length * (positives.length + 1)) / 2) / (positives.length * negatives.length);
}

/**
 * The best accuracy any single cut of a score can reach ("score >= t" means positive), chosen
 * with the answers in hand: an upper bound on what tuning that one threshold could ever give,
 * not a method. `threshold` is the cut that reaches it.
 */
export function oracleThresholdAccuracy(scores: number[], positive: boolean[]): { accuracy: number; threshold: number } {
  const order = scores.map((x, i) => ({ x, pos: positive[i]! })).sort((a, b) => a.x - b.x);
  // Cut below everything: all called positive. Each step moves one tie group to "negative".
  let right = order.filter((o) => o.pos).length;
  let best = { accuracy: order.length === 0 ? 0 : right / order.length, threshold: order[0]?.x ?? 0 };
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j]!.x === order[i]!.x) right += order[j++]!.pos ? -1 : 1;
    const threshold = j < order.length ? order[j]!.x : Infinity;
    if (right / order.length > best.accuracy) best = { accuracy: right / order.length, threshold };
    i = j;
  }
  return best;
}

/** Mulberry32: a small deterministic generator, enough for resampling. */
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
