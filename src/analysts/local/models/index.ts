// The weights the local analyst ships, written by `npm run train` from the train splits.
import type { ConfidenceModel } from "../confidence.js";
import type { LogisticModel } from "./logistic.js";
import { decodeMlp, type MlpModel } from "./mlp.js";
import type { TreeModel } from "./trees.js";
import rerank from "./rerank.json" with { type: "json" };
import confidence from "./confidence.json" with { type: "json" };
import rationale from "./rationale.json" with { type: "json" };
import stance from "./stance.json" with { type: "json" };

export const RERANK_MODEL = rerank as unknown as TreeModel;
export const RATIONALE_MODEL = rationale as LogisticModel;
export const CONFIDENCE_MODEL = confidence as ConfidenceModel;
export const STANCE_MODEL = decodeMlp(stance as MlpModel);
