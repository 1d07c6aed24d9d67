// The weights the local analyst ships, written by `npm run train` from the train splits.
import type { LogisticModel } from "./logistic.js";
import type { TreeModel } from "./trees.js";
import polarity from "./polarity.json" with { type: "json" };
import rerank from "./rerank.json" with { type: "json" };

export const RERANK_MODEL = rerank as unknown as TreeModel;
export const POLARITY_MODEL = polarity as LogisticModel;
