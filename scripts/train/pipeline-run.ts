// The pipeline's own first stages (intake, plan, gather, read), run for a train claim against a
// library, so that what the models learn from is what a check sees.
import { newAnalystContext } from "../../src/analysts/analyst.js";
import { acceptInput } from "../../src/domain/input.js";
import { collect } from "../../src/pipeline/runner.js";
import type { Verity } from "../../src/service/verity.js";
import { createProviders } from "../../src/sources/registry.js";
import { SourceTextRepository } from "../../src/store/source-texts.js";

/** The claims the intake finds in `text`, and the documents a check reads for them. */
export async function readForClaim(verity: Verity, text: string) {
  const deps = {
    analyst: verity.analyst,
    providers: createProviders(["library"], verity.store),
    texts: new SourceTextRepository(verity.store),
  };
  const collected = await collect(acceptInput(text).text, deps, newAnalystContext());
  return { claims: collected.intake.claims, documents: collected.read.documents };
}
