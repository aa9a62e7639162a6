// Whether the article says anything about a question at all: the gate before /ask cites a passage. A question
// whose key content no sentence carries gets "The article doesn't say." rather than a loosely related passage.
import type { AnalyzedArticle } from "../../analyze.ts";
import { questionTerms } from "../match.ts";
import type { Evidence } from "./answer.ts";
import type { QuestionKind, QuestionType } from "./classify.ts";

/**
 * The share of the question's rarity-weighted words the best sentence must hold for the article to be taken as
 * saying anything about it (tuned so the dev split's answerable questions pass and unrelated ones do not).
 */
export const KEY_CONTENT = 0.2;
/** The share a closest passage (no phrase of the asked type in it) must hold. */
export const CLOSEST_KEY_CONTENT = 0.5;
/** Kinds of question whose answer has a type a sentence may lack: a number, a place, a reason. */
const TYPED_KINDS: ReadonlySet<QuestionKind> = new Set(["how-many", "how-much", "where", "why"]);

/**
 * Does the best evidence carry the question's key content: enough of its words, and one of the names it asks
 * about somewhere in the article (a question about `Harwick` is not answered by an article that never names it)?
 */
export function carriesKeyContent(
  article: AnalyzedArticle,
  question: string,
  type: QuestionType,
  e: Evidence | undefined,
): e is Evidence {
  if (e === undefined || e.ranked.coverage < KEY_CONTENT) return false;
  // A passage without an answer of the asked type must hold more of the question to be shown at all.
  if (e.phrase === null && TYPED_KINDS.has(type.kind) && e.ranked.coverage < CLOSEST_KEY_CONTENT)
    return false;
  // The noun a question counts or asks about (`How many *ferries* …`) must be in the article in some form.
  const counted = type.kind === "how-many" ? type.focus : null;
  const focus = counted ? questionTerms(question).find((t) => t.word === counted) : undefined;
  if (focus && ![...focus.forms.keys()].some((form) => (article.termFrequency.get(form) ?? 0) > 0))
    return false;
  const names = questionTerms(question).filter((t) => t.isName);
  return names.length === 0 || names.some((t) => (article.termFrequency.get(t.stem) ?? 0) > 0);
}
