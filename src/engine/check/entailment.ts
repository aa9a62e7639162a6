// The entailment classifier: does a premise sentence entail, contradict, or not address a claim? Gradient-boosted
// trees (multiclass) or a multinomial logistic regression, whichever validated better, over the dense pair
// features of entailment-features.ts, trained by scripts/train-nli.ts on sentence-pair data (SICK and
// counterfactual SNLI). The model (models/nli.ts) is loaded once, on first use.
import { nliModel, predictProbabilities } from "../models/nli.ts";
import { analyzePair, type PairAnalysis } from "./entailment-features.ts";

export interface Entailment extends PairAnalysis {
  entailment: number;
  contradiction: number;
  neutral: number;
}

/** How a premise stands to a hypothesis: the three probabilities, the word alignment and any slot mismatch. */
export function entailment(
  premise: string,
  hypothesis: string,
  articleDate: string | null = null,
): Entailment {
  const model = nliModel();
  const analysis = analyzePair(premise, hypothesis, model.idf, articleDate);
  const [entailment = 0, contradiction = 0, neutral = 0] = model.trees
    ? model.trees.classProbabilities(analysis.features)
    : predictProbabilities(model, analysis.features);
  return { ...analysis, entailment, contradiction, neutral };
}
