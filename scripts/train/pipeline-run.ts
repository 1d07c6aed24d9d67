// The pipeline's own first stages (intake, plan, gather, read), run for a train claim against a
// library, so that what the models learn from is what a check sees.
import type { Verity } from "../../src/service/verity.js";
import { newAnalystContext } from "../../src/analysts/analyst.js";
import { gather } from "../../src/pipeline/gather.js";
import { read } from "../../src/pipeline/read.js";
import { createProviders } from "../../src/sources/registry.js";
import { SourceTextRepository } from "../../src/store/source-texts.js";

/** The claims the intake finds in `text`, and the documents a check reads for them. */
export async function readForClaim(verity: Verity, text: string) {
  const ctx = newAnalystContext();
  const intake = await verity.analyst.intake(text, ctx);
  const plan = await verity.analyst.plan(intake, ctx);
  const gathered = await gather(plan, createProviders(["library"], verity.store), { language: intake.language, perQueryLimit: 20 });
  const { documents } = await read(gathered.hits, new SourceTextRepository(verity.store), { maxDocuments: 30 });
  return { claims: intake.claims, documents };
}
