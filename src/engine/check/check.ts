// Checking claims against an article. Each claim's content words (everything but its amounts, dates, names,
// places and negation) are matched against the article's sentences as a question's are (stems, WordNet forms,
// rarity weights). The sentence that holds all of them is the evidence; the claim's slots are then compared
// exactly: the same amount, date, person, place and polarity → supported; the same fact with a different one →
// contradicted; anything less → not in the article. A slot the evidence sentence does not state may be stated by
// another sentence about the same event (`The death on Sunday …`). Never "supported" on less than all of it.
import type { AnalyzedArticle } from "../analyze.ts";
import { questionTerms } from "../answers/match.ts";
import { isFirstName, isPersonWord, NEGATION_WORDS } from "../lexicon/index.ts";
import { foldName, termOf } from "../text.ts";
import type { Entity, Sentence, Span } from "../types.ts";
import { type Claim, splitClaims } from "./claims.ts";
import {
  type Amount,
  amountsIn,
  compareDates,
  type DateSlot,
  datesOfClaim,
  hasVagueAmount,
  isPlaceName,
  type NameKind,
  nameRuns,
  negationsIn,
  type PlaceFrame,
  placeFrame,
  placeKeys,
  withYears,
} from "./slots.ts";

export type ClaimLabel = "supported" | "contradicted" | "not in the article";

export type SlotKind = "amount" | "date" | "person" | "place" | "name" | "negation";

export interface Mismatch {
  slot: SlotKind;
  /** The claim's words: `600`, `Saturday`. */
  claimed: string;
  /** The article's words: `200 more police officers`, `Sunday`. */
  article: string;
}

export interface ClaimCheck {
  claim: Claim;
  label: ClaimLabel;
  mismatch?: Mismatch;
  /** The sentence that decides the label (for "not in the article", the closest passage, if any). */
  evidence: Sentence | null;
  /** Further sentences the decision read (a date stated beside the event). */
  support: Sentence[];
}

/** A content term counts as matched at this quality or better (WordNet's more specific verbs: `killed` ~ `shot`). */
const MATCH_MIN = 0.6;
/** A sentence holding this share of a claim's content is about the same fact, so its slots may decide. */
const SAME_FACT_COVERAGE = 0.5;
/** A negation denies a matched word at most this far (characters) after it: `not by the storm`. */
const NEGATION_REACH = 30;
/** Where a clause ends: a negation before it does not reach past it. */
const CLAUSE_BREAK = /[,;:]|\b(?:and|but|while|whereas)\b/;
/** A claim word this long also matches words it begins (`govern` ~ `governance`), at this quality (as questions do). */
const PREFIX_MIN_LENGTH = 6;
const PREFIX_QUALITY = 0.9;
/** Candidate sentences read per claim. */
const CANDIDATES = 12;

type SlotStatus = "same" | "different" | "absent";

interface SlotCheck {
  kind: SlotKind;
  claimed: string;
  status: SlotStatus;
  article?: string;
}

interface ClaimSlots {
  amounts: Amount[];
  dates: DateSlot[];
  names: { text: string; kind: NameKind; entityIds: Set<string>; keys: string[]; frame: PlaceFrame }[];
  negated: string | null;
  /** The claim's own words that are slots, lower-case: not content to match. */
  slotWords: Set<string>;
  vague: boolean;
}

interface SentenceFacts {
  amounts: Amount[];
  dates: DateSlot[];
  /** Person entity ids the sentence mentions or quotes, with the words it names each by. */
  persons: Map<string, string>;
  places: { text: string; keys: string[]; frame: PlaceFrame }[];
  negations: ReturnType<typeof negationsIn>;
  /** The sentence's words, folded (`Moïse` → `moise`). */
  words: Set<string>;
  vague: boolean;
}

interface ArticleFacts {
  sentences: (SentenceFacts | undefined)[];
  /** Folded name word → entities it can mean (`ombaka` → the spokesperson). */
  nameWords: Map<string, Entity[]>;
  placeKeys: Set<string>;
}

const articleFacts = new WeakMap<AnalyzedArticle, ArticleFacts>();

function factsOf(article: AnalyzedArticle): ArticleFacts {
  let facts = articleFacts.get(article);
  if (facts) return facts;
  const nameWords = new Map<string, Entity[]>();
  const known = new Set<string>();
  for (const entity of article.entities) {
    for (const word of foldName(entity.name).split(/[\s-]+/)) {
      if (word.length < 2) continue;
      nameWords.set(word, [...(nameWords.get(word) ?? []), entity]);
    }
    if (entity.type === "place") for (const key of placeKeys(entity.name)) known.add(key);
  }
  facts = { sentences: [], nameWords, placeKeys: known };
  articleFacts.set(article, facts);
  return facts;
}

const inside = (span: Span, outer: Span) => span.start >= outer.start && span.end <= outer.end;

function sentenceFacts(article: AnalyzedArticle, sentence: Sentence): SentenceFacts {
  const facts = factsOf(article);
  const cached = facts.sentences[sentence.index];
  if (cached) return cached;
  const timexDates: DateSlot[] = article.timexes.flatMap((t) => {
    const value = /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(t.value)?.[0];
    return t.sentence === sentence.index && t.resolved && value
      ? [{ start: t.start, end: t.end, text: t.text, value }]
      : [];
  });
  const undatable = article.timexes.filter((t) => t.sentence === sentence.index);
  const dates = withYears(timexDates, sentence.text, sentence.start);
  const persons = new Map<string, string>();
  const places: SentenceFacts["places"] = [];
  const frameAt = (span: Span) =>
    placeFrame(sentence.text, span.start - sentence.start, span.end - sentence.start);
  for (const entity of article.entities) {
    for (const mention of entity.mentions) {
      if (!inside(mention, sentence)) continue;
      if (entity.type === "person" && !persons.has(entity.id)) persons.set(entity.id, entity.name);
      if (entity.type === "place")
        places.push({ text: mention.text, keys: placeKeys(entity.name), frame: frameAt(mention) });
    }
  }
  for (const quote of article.quotes) {
    if (quote.speakerId && quote.start < sentence.end && quote.end > sentence.start) {
      const speaker = article.entities.find((e) => e.id === quote.speakerId);
      if (speaker?.type === "person" && !persons.has(speaker.id)) persons.set(speaker.id, speaker.name);
    }
  }
  for (const run of nameRuns(sentence.text, sentence.start)) {
    for (const word of run.text.matchAll(/[^\s]+/g)) {
      const bare = word[0].replace(/-\p{Ll}+$/u, "");
      const start = run.start + word.index;
      if (isPlaceName(bare, facts.placeKeys) && !places.some((p) => p.keys.includes(foldName(bare))))
        places.push({
          text: bare,
          keys: placeKeys(bare),
          frame: frameAt({ start, end: start + bare.length }),
        });
    }
  }
  const made: SentenceFacts = {
    amounts: amountsIn(sentence.text, sentence.start, [
      ...dates,
      ...undatable.filter((t) => t.type === "DATE" || t.type === "TIME"),
    ]),
    dates,
    persons,
    places,
    negations: negationsIn(sentence.text, sentence.start),
    words: new Set(
      (foldName(sentence.text).match(/[\p{L}\p{N}'-]+/gu) ?? []).map((w) => w.replace(/'s$/, "")),
    ),
    vague: hasVagueAmount(sentence.text),
  };
  facts.sentences[sentence.index] = made;
  return made;
}

function claimSlots(article: AnalyzedArticle, claim: string): ClaimSlots {
  const facts = factsOf(article);
  const dates = datesOfClaim(claim, article.meta.date);
  const amounts = amountsIn(claim, 0, dates);
  const slotWords = new Set<string>();
  const addWords = (text: string) => {
    for (const w of text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) slotWords.add(w);
  };
  for (const d of dates) addWords(d.text);
  for (const a of amounts) addWords(claim.slice(a.start, a.end));
  const names: ClaimSlots["names"] = [];
  for (const run of nameRuns(claim)) {
    if (dates.some((d) => d.start < run.end && d.end > run.start)) continue;
    const words = foldName(run.text).split(/\s+/);
    const entities = words.flatMap((w) => facts.nameWords.get(w) ?? []);
    const bareWords = run.text.split(/\s+/).map((w) => w.replace(/-\p{Ll}+$/u, ""));
    const placeLike = bareWords.some((w) => isPlaceName(w, facts.placeKeys));
    const kind: NameKind = entities.some((e) => e.type === "person")
      ? "person"
      : entities.some((e) => e.type === "place") || placeLike
        ? "place"
        : entities.length === 0 && (isFirstName(words[0] as string) || isPersonWord(words[0] as string))
          ? "person"
          : "other";
    names.push({
      text: run.text,
      kind,
      entityIds: new Set(entities.map((e) => e.id)),
      keys: bareWords.flatMap((w) => placeKeys(w)),
      frame: placeFrame(claim, run.start, run.start + (bareWords.join(" ").length || run.text.length)),
    });
    // A hyphened demonym (`Kenyan-led`) is a place and a content word: only the place part is a slot.
    addWords(bareWords.join(" "));
  }
  const negations = negationsIn(claim);
  for (const n of negations) addWords(n.text);
  return {
    amounts,
    dates,
    names,
    negated: negations[0]?.text ?? null,
    slotWords,
    vague: hasVagueAmount(claim),
  };
}

function compareAmount(claimed: Amount, facts: SentenceFacts): SlotCheck {
  const base = { kind: "amount" as const, claimed: claimed.phrase.split(/\s+/)[0] ?? claimed.phrase };
  const sameUnit = facts.amounts.filter((a) => a.unit.some((u) => claimed.unit.includes(u)));
  if (sameUnit.some((a) => a.value === claimed.value)) return { ...base, status: "same" };
  const other = sameUnit[0];
  if (other)
    return { ...base, claimed: claimNumberText(claimed), status: "different", article: other.phrase };
  if (claimed.unit.length === 0 && facts.amounts.some((a) => a.value === claimed.value))
    return { ...base, status: "same" };
  return { ...base, status: "absent" };
}

/** The number itself (`600`, `two hundred`), without what it counts. */
const claimNumberText = (a: Amount) => a.phrase.slice(0, a.end - a.start);

function compareDate(claimed: DateSlot, facts: SentenceFacts): SlotCheck {
  const base = { kind: "date" as const, claimed: claimed.text };
  const relations = facts.dates.map((d) => ({ d, relation: compareDates(claimed.value, d.value) }));
  if (relations.some((r) => r.relation === "same")) return { ...base, status: "same" };
  // A date the claim only narrows (`2025` stated, `Wednesday` claimed) neither confirms nor denies it.
  const other = relations.find((r) => r.relation === "different");
  return other ? { ...base, status: "different", article: other.d.text } : { ...base, status: "absent" };
}

function compareName(name: ClaimSlots["names"][number], facts: SentenceFacts, others: ClaimSlots): SlotCheck {
  const folded = foldName(name.text);
  const wordThere = folded.split(/\s+/).some((w) => facts.words.has(w));
  switch (name.kind) {
    case "person": {
      if ([...name.entityIds].some((id) => facts.persons.has(id)) || wordThere)
        return { kind: "person", claimed: name.text, status: "same" };
      const claimedIds = new Set(others.names.flatMap((n) => [...n.entityIds]));
      const other = [...facts.persons].find(([id]) => !claimedIds.has(id));
      return other
        ? { kind: "person", claimed: name.text, status: "different", article: other[1] }
        : { kind: "person", claimed: name.text, status: "absent" };
    }
    case "place": {
      if (facts.places.some((p) => p.keys.some((k) => name.keys.includes(k))) || wordThere)
        return { kind: "place", claimed: name.text, status: "same" };
      const claimedKeys = new Set(others.names.flatMap((n) => n.keys));
      const other =
        name.frame === "other" || name.frame === "description"
          ? undefined
          : facts.places.find((p) => p.frame === name.frame && !p.keys.some((k) => claimedKeys.has(k)));
      return other
        ? { kind: "place", claimed: name.text, status: "different", article: other.text }
        : { kind: "place", claimed: name.text, status: "absent" };
    }
    case "other":
      return { kind: "name", claimed: name.text, status: wordThere ? "same" : "absent" };
  }
}

type Term = ReturnType<typeof questionTerms>[number];

/** `die` also matches `died` (the stemmer keeps `die` but cuts `died` to `di`). */
function withPastForm(term: Term): Term {
  if (!term.word.endsWith("e") || term.isName) return term;
  const past = termOf(`${term.word}d`);
  if (term.forms.has(past)) return term;
  return { ...term, forms: new Map([...term.forms, [past, 1]]) };
}

interface Candidate {
  sentence: Sentence;
  coverage: number;
  allMatched: boolean;
  slots: SlotCheck[];
  /** The negation cue near the matched words, if any. */
  negated: string | null;
}

function readCandidate(
  article: AnalyzedArticle,
  sentence: Sentence,
  terms: ReturnType<typeof questionTerms>,
  weights: number[],
  slots: ClaimSlots,
): Candidate {
  const facts = sentenceFacts(article, sentence);
  const best = terms.map(() => 0);
  const offsets: number[] = [];
  for (const { term: stem, at } of article.sentenceTerms[sentence.index] ?? []) {
    terms.forEach((t, i) => {
      const quality =
        t.forms.get(stem) ??
        (t.stem.length >= PREFIX_MIN_LENGTH && stem.startsWith(t.stem) ? PREFIX_QUALITY : 0);
      if (quality >= MATCH_MIN) offsets.push(at);
      if (quality > (best[i] as number)) best[i] = quality;
    });
  }
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const coverage = best.reduce((sum, q, i) => sum + q * (weights[i] as number), 0) / total;
  const checks: SlotCheck[] = [
    ...slots.amounts.map((a) => compareAmount(a, facts)),
    ...slots.dates.map((d) => compareDate(d, facts)),
    ...slots.names.map((n) => compareName(n, facts, slots)),
  ];
  // A vague amount on either side (`hundreds of officers`) confirms no exact one.
  for (const c of checks)
    if (c.kind === "amount" && c.status === "different" && facts.vague) c.status = "absent";
  // A negation denies what follows it: it counts when one of the claim's words comes right after it.
  const negation = facts.negations.find((n) =>
    offsets.some(
      (at) =>
        at >= n.end && at <= n.end + NEGATION_REACH && !CLAUSE_BREAK.test(article.text.slice(n.end, at)),
    ),
  );
  return {
    sentence,
    coverage,
    allMatched: terms.length > 0 && best.every((q) => q >= MATCH_MIN),
    slots: checks,
    negated: negation?.text ?? null,
  };
}

/**
 * The sentences holding the most of the claim's content (rarity-weighted stems and their WordNet forms, as
 * `questionTerms` gives them), best first. Names, amounts and dates are left to the slot comparison, so a name
 * the article lacks does not pull the search away from the sentence stating the fact.
 */
function rankByContent(article: AnalyzedArticle, { terms, weights, byForm }: PreparedClaim): Sentence[] {
  const prefixed = terms.flatMap((t, i) => (t.stem.length >= PREFIX_MIN_LENGTH ? [{ stem: t.stem, i }] : []));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const scored: { sentence: Sentence; coverage: number }[] = [];
  const best = new Float64Array(terms.length);
  for (const sentence of article.sentences) {
    best.fill(0);
    for (const { term: stem } of article.sentenceTerms[sentence.index] ?? []) {
      const found = byForm.get(stem);
      if (found) {
        for (const f of found) if (f.quality > (best[f.term] as number)) best[f.term] = f.quality;
        continue;
      }
      for (const { stem: prefix, i } of prefixed)
        if (stem.startsWith(prefix) && PREFIX_QUALITY > (best[i] as number)) best[i] = PREFIX_QUALITY;
    }
    let covered = 0;
    best.forEach((q, i) => {
      covered += q * (weights[i] as number);
    });
    if (covered > 0) scored.push({ sentence, coverage: covered / total });
  }
  scored.sort((a, z) => z.coverage - a.coverage || a.sentence.index - z.sentence.index);
  // Only a sentence about the same fact can decide a label; the best of the rest is the closest passage.
  const sameFact = scored.filter((s) => s.coverage >= SAME_FACT_COVERAGE).slice(0, CANDIDATES);
  return (sameFact.length > 0 ? sameFact : scored.slice(0, 1)).map((s) => s.sentence);
}

const mismatchOf = (slot: SlotCheck): Mismatch => ({
  slot: slot.kind,
  claimed: slot.claimed,
  article: slot.article ?? "",
});

/** Checks one claim against the article. */
interface PreparedClaim {
  slots: ClaimSlots;
  terms: Term[];
  weights: number[];
  byForm: Map<string, { term: number; quality: number }[]>;
}

const preparedClaims = new WeakMap<AnalyzedArticle, Map<string, PreparedClaim>>();
const MAX_PREPARED_CLAIMS = 500;

/** A claim's slots and content terms with their weights in this article (cached per article and claim text). */
function prepare(article: AnalyzedArticle, text: string): PreparedClaim {
  let byText = preparedClaims.get(article);
  if (!byText) {
    byText = new Map();
    preparedClaims.set(article, byText);
  }
  const cached = byText.get(text);
  if (cached) return cached;
  const slots = claimSlots(article, text);
  const terms = questionTerms(text)
    .filter((t) => !slots.slotWords.has(t.word) && !NEGATION_WORDS.has(t.word) && !/^\p{N}+$/u.test(t.word))
    .map(withPastForm);
  const n = article.sentences.length;
  const weights = terms.map((t) =>
    Math.log(1 + n / (1 + Math.max(1, article.termFrequency.get(t.stem) ?? 0))),
  );
  const byForm = new Map<string, { term: number; quality: number }[]>();
  terms.forEach((t, term) => {
    for (const [form, quality] of t.forms) byForm.set(form, [...(byForm.get(form) ?? []), { term, quality }]);
  });
  const prepared = { slots, terms, weights, byForm };
  if (byText.size >= MAX_PREPARED_CLAIMS) byText.clear();
  byText.set(text, prepared);
  return prepared;
}

export function checkClaim(article: AnalyzedArticle, claim: Claim): ClaimCheck {
  const prepared = prepare(article, claim.text);
  const { slots, terms, weights } = prepared;
  const none: ClaimCheck = { claim, label: "not in the article", evidence: null, support: [] };
  if (terms.length === 0) return none;
  const candidates = rankByContent(article, prepared)
    .map((sentence) => readCandidate(article, sentence, terms, weights, slots))
    .sort((a, z) => z.coverage - a.coverage || a.sentence.index - z.sentence.index);
  const sameFact = candidates.filter((c) => c.coverage >= SAME_FACT_COVERAGE);
  // The evidence: a sentence holding all the content, the one stating most of the claim's slots first.
  const stated = (c: Candidate) => c.slots.filter((s) => s.status !== "absent").length;
  const primary =
    candidates
      .filter((c) => c.allMatched)
      .sort((a, z) => stated(z) - stated(a) || z.coverage - a.coverage)[0] ?? sameFact[0];
  if (!primary) return { ...none, evidence: candidates[0]?.sentence ?? null };

  // Each slot as the evidence states it, or as another sentence about the same fact does.
  const support: Sentence[] = [];
  const decided = primary.slots.map((slot, i) => {
    if (slot.status !== "absent") return { slot, sentence: primary.sentence };
    const elsewhere = sameFact.filter((c) => c !== primary);
    for (const status of ["same", "different"] as const) {
      const found = elsewhere.find((c) => c.slots[i]?.status === status);
      if (found) return { slot: found.slots[i] as SlotCheck, sentence: found.sentence };
    }
    return { slot, sentence: primary.sentence };
  });
  for (const d of decided)
    if (d.sentence !== primary.sentence && !support.includes(d.sentence)) support.push(d.sentence);

  const different = decided.find((d) => d.slot.status === "different");
  if (different && primary.allMatched)
    return {
      claim,
      label: "contradicted",
      mismatch: mismatchOf(different.slot),
      evidence: different.sentence,
      support: support
        .filter((s) => s !== different.sentence)
        .concat(different.sentence !== primary.sentence ? [primary.sentence] : []),
    };
  if (primary.allMatched && Boolean(slots.negated) !== Boolean(primary.negated)) {
    return {
      claim,
      label: "contradicted",
      mismatch: {
        slot: "negation",
        claimed: slots.negated ?? "(stated)",
        article: primary.negated ?? "(stated without negation)",
      },
      evidence: primary.sentence,
      support,
    };
  }
  if (primary.allMatched && decided.every((d) => d.slot.status === "same"))
    return { claim, label: "supported", evidence: primary.sentence, support };
  return { ...none, evidence: primary.sentence };
}

/** Splits a message into claims and checks each, in order. */
export function checkClaims(article: AnalyzedArticle, text: string): ClaimCheck[] {
  return splitClaims(text).map((claim) => checkClaim(article, claim));
}
