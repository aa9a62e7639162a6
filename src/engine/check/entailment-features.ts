// Dense features of a sentence pair (premise, hypothesis) for the entailment classifier: how each content word of
// the hypothesis aligns to the premise through WordNet (the same lemma, a synonym or derivation, a more general or
// a more specific word, an opposite, a sibling kind, or nothing), how rare the unaligned words are, negation and
// whether its scope reaches the aligned words, and the typed slots (amounts, ordinals, dates, names) compared.
// Pure functions of the two strings; the same code builds the training data (scripts/train-nli.ts) and runs in
// the checker, so the model sees at run time exactly what it was trained on.
import {
  CLAUSE_JOINERS,
  MOTION_LIGHT_VERBS,
  NEGATION_WORDS,
  NUMBER_WORDS,
  ORDINAL_SUFFIXES,
  ORDINAL_WORDS,
  regex,
} from "../lexicon/index.ts";
import { isStopword, termOf } from "../text.ts";
import { wordRelations } from "../wordnet/lexical-relations.ts";
import { verbCollocation } from "../wordnet/morphology.ts";
import { relatedWords } from "../wordnet/related.ts";
import {
  amountsIn,
  compareDates,
  datesOfClaim,
  hasVagueAmount,
  nameRuns,
  placeFrame,
  placeKeys,
} from "./slots.ts";

/** How a claim word meets a passage word, strongest first. */
export const ALIGNMENTS = ["exact", "synonym", "general", "specific", "opposite", "sibling", "none"] as const;
export type Alignment = (typeof ALIGNMENTS)[number];

interface Word {
  text: string;
  lower: string;
  stem: string;
  at: number;
  end: number;
  /** Capitalised and not the first word: a name. */
  name: boolean;
  negation: boolean;
  content: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * A number joined to what it counts (`two-year`, `40-minute`) is two words, so that `two years` and `a two-year
 * rebuild` share `year` once the amounts are compared as slots.
 */
function tokensOf(text: string): { token: string; at: number }[] {
  return [...text.matchAll(WORD)].flatMap((m) => {
    const parts = m[0].split("-");
    const head = (parts[0] ?? "").toLowerCase();
    const counts = parts.length > 1 && (/^\p{N}+$/u.test(head) || (NUMBER_WORDS[head] ?? 1) > 1);
    if (!counts) return [{ token: m[0], at: m.index }];
    let at = m.index;
    return parts.map((token) => {
      const part = { token, at };
      at += token.length + 1;
      return part;
    });
  });
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const { token, at } of tokensOf(text)) {
    const raw = token.replace(/['’]s$/u, "");
    const lower = raw.toLowerCase();
    const negation = NEGATION_WORDS.has(lower) || /n['’]t$/.test(lower);
    const first = words.length === 0 || /[.!?:;"“]\s*$/u.test(text.slice(0, at));
    words.push({
      text: raw,
      lower,
      stem: termOf(lower),
      at,
      end: at + raw.length,
      name: !first && /^\p{Lu}/u.test(raw),
      negation,
      content:
        !negation &&
        !isStopword(lower) &&
        !MOTION_LIGHT_VERBS.has(lower) &&
        (lower.length >= 2 || /\p{N}/u.test(lower)),
    });
  }
  return words;
}

/** The words a word counts as the same as (base forms, synonyms, derivations), and the more specific verbs. */
const sameCache = new Map<string, { same: Set<string>; specific: Set<string> }>();
function sameForms(lower: string): { same: Set<string>; specific: Set<string> } {
  let found = sameCache.get(lower);
  if (found) return found;
  found = { same: new Set([lower]), specific: new Set() };
  // What a verb brings about (`kill` → `die`) is implied by it, not a more specific way to do it.
  const implied = wordRelations(lower).implies;
  for (const r of relatedWords(lower)) {
    if (r.relation !== "specific") found.same.add(r.word);
    else if (!implied.has(r.word)) found.specific.add(r.word);
  }
  if (sameCache.size > 100_000) sameCache.clear();
  sameCache.set(lower, found);
  return found;
}

const anyIn = (a: Iterable<string>, b: ReadonlySet<string>) => {
  for (const x of a) if (b.has(x)) return true;
  return false;
};

/** How a hypothesis word stands to a premise word. */
export function alignWords(h: string, p: string): Alignment {
  if (h === p || termOf(h) === termOf(p)) return "exact";
  const hr = wordRelations(h);
  const pr = wordRelations(p);
  if (anyIn(hr.lemmas, pr.lemmas)) return "exact";
  const hs = sameForms(h);
  const ps = sameForms(p);
  if (hs.same.has(p) || ps.same.has(h) || anyIn(pr.lemmas, hs.same) || anyIn(hr.lemmas, ps.same))
    return "synonym";
  // The premise's word is more specific (`shot` for `killed`, `policeman` for `officer`): the claim is implied.
  // Or it brings about the claim's (`killed` for `died`).
  if (
    hs.specific.has(p) ||
    anyIn(hr.lemmas, pr.hypernyms) ||
    anyIn(pr.lemmas, hs.specific) ||
    anyIn(hr.lemmas, pr.implies)
  )
    return "general";
  if (opposes(h, p)) return "opposite";
  if (ps.specific.has(h) || anyIn(pr.lemmas, hr.hypernyms)) return "specific";
  if (anyIn(hr.parents, pr.parents)) return "sibling";
  return "none";
}

/** The two words are opposites in WordNet (`survived`, `died`; `rose`, `fell`). */
export function opposes(h: string, p: string): boolean {
  if (h === p) return false;
  const hr = wordRelations(h);
  const pr = wordRelations(p);
  // Also the opposite of a more specific way to say the other: `survived` ↔ `succumbed`, a way to die.
  return (
    anyIn(pr.lemmas, hr.antonyms) ||
    anyIn(hr.lemmas, pr.antonyms) ||
    anyIn(hr.antonymParents, pr.firstSenses) ||
    anyIn(pr.antonymParents, hr.firstSenses)
  );
}

const RANK: Record<Alignment, number> = {
  exact: 0,
  synonym: 1,
  general: 2,
  specific: 3,
  opposite: 4,
  sibling: 5,
  none: 6,
};

/** Inverse document frequency of a word: from the model's table, unknown words as rare as the rarest. */
export interface Idf {
  get(stem: string): number;
  max: number;
}

export interface PairAnalysis {
  features: Float64Array;
  /** Per hypothesis content word: its alignment and the premise word it aligns to. */
  aligned: { word: string; alignment: Alignment; to: string | null }[];
  /** A slot of the hypothesis (amount, ordinal, date, name) the premise does not state: it cannot confirm it. */
  unconfirmed: string | null;
  /** A specific mismatch: an opposite word, a negation, another amount, ordinal, date or name. */
  mismatch: {
    slot: "amount" | "ordinal" | "date" | "name" | "opposite" | "negation";
    claimed: string;
    stated: string;
    /** The article's side as shown to the reader, when it says more than `stated`: `200 more police officers`. */
    shown?: string;
  } | null;
}

export const FEATURE_NAMES = [
  "bias",
  "h_len",
  "p_len",
  "len_ratio",
  "exact",
  "synonym",
  "general",
  "specific",
  "opposite",
  "sibling",
  "none",
  "none_idf",
  "specific_idf",
  "sibling_idf",
  "opposite_any",
  "sibling_any",
  "none_any",
  "none_max_idf",
  "none_count",
  "p_unaligned",
  "neg_p",
  "neg_h",
  "neg_mismatch",
  "neg_scope_p",
  "neg_scope_h",
  "num_h",
  "num_same",
  "num_diff",
  "num_absent",
  "ord_same",
  "ord_diff",
  "date_same",
  "date_diff",
  "date_absent",
  "name_h",
  "name_absent",
  "name_other",
  "bigram",
  "jaccard",
  "covered_x_neg_mismatch",
  "covered_x_opposite",
  "covered_x_sibling",
  "covered_x_num_diff",
  "covered_x_name_other",
  "covered_x_date_diff",
  "covered_sq",
  "none_x_specific",
  "exact_all",
] as const;

export const FEATURE_COUNT = FEATURE_NAMES.length;

/** The best alignment of a word among the given words, and where (-1 for none). */
function bestAlignment(h: Word, among: readonly Word[]): { alignment: Alignment; to: number } {
  let alignment: Alignment = "none";
  let to = -1;
  for (const [j, p] of among.entries()) {
    const a = alignWords(h.lower, p.lower);
    if (RANK[a] < RANK[alignment]) {
      alignment = a;
      to = j;
      if (a === "exact") break;
    }
  }
  return { alignment, to };
}

/** Two adjacent words WordNet lists as one verb (`took place`, `stepped down`), as one word. */
function phrasalVerbs(text: string, words: readonly Word[]): Word[] {
  return words.flatMap((w, i) => {
    const next = words[i + 1];
    if (!next || w.name || w.negation || !/^\s+$/.test(text.slice(w.end, next.at))) return [];
    const phrase = verbCollocation(w.lower, next.lower);
    return phrase
      ? [{ ...w, text: text.slice(w.at, next.end), lower: phrase, end: next.end, content: true }]
      : [];
  });
}

/**
 * The hypothesis's content words, a phrasal verb standing for its words where they align no better than a sibling
 * alone and it aligns as the same or a more general word (`took place` ~ `happened`). Otherwise the words stay:
 * most verb-and-preposition pairs (`stand in`, `look at`) are not meant as WordNet's idioms.
 */
function withPhrasalVerbs(
  text: string,
  words: readonly Word[],
  content: readonly Word[],
  premise: readonly Word[],
  premisePhrasal: () => readonly Word[],
): Word[] {
  const units = [...content];
  for (const phrase of phrasalVerbs(text, words)) {
    const members = units.filter((w) => w.at >= phrase.at && w.end <= phrase.end);
    const weak = members.some((w) => RANK[bestAlignment(w, premise).alignment] >= RANK.sibling);
    if (!weak) continue;
    const own = bestAlignment(phrase, [...premise, ...premisePhrasal()]).alignment;
    if (RANK[own] > RANK.general) continue;
    const at = units.indexOf(members[0] ?? phrase);
    units.splice(at < 0 ? units.length : at, members.length, phrase);
  }
  return units;
}

/** The verbs a noun is derived from or gives (`robber` → `rob`, `singer` → `sing`): what its bearer does. */
function verbsOfNoun(lower: string): Set<string> {
  return new Set(relatedWords(lower).flatMap((r) => (r.relation === "derivation" ? [r.word] : [])));
}

/**
 * A claim verb more specific than the premise's may be what the doer's own name says they do: `the robbers took
 * the rings` says they stole them (to rob is a way to steal), `the hunters caught a deer` that they hunted it.
 * The doer is a premise word before the verb that a claim word before the claim's verb names too.
 */
function doerLicenses(h: Word, hc: readonly Word[], target: Word, pc: readonly Word[]): boolean {
  return pc.some(
    (doer) =>
      doer.end <= target.at &&
      [...verbsOfNoun(doer.lower)].some((v) => RANK[alignWords(h.lower, v)] <= RANK.general) &&
      hc.some((x) => x.end <= h.at && RANK[alignWords(x.lower, doer.lower)] <= RANK.synonym),
  );
}

/** Negation cues whose scope (the rest of the clause, up to 5 words) holds one of these word positions. */
function negationReaches(text: string, words: Word[], targets: Set<number>): boolean {
  for (const [i, cue] of words.entries()) {
    if (!cue.negation) continue;
    let previous = cue;
    for (const [k, w] of words.slice(i + 1, i + 6).entries()) {
      // The clause ends at a comma or semicolon, or where `and`, `but` or `or` joins another.
      if (CLAUSE_JOINERS.has(w.lower) || /[,;:]/.test(text.slice(previous.end, w.at))) break;
      if (targets.has(i + 1 + k)) return true;
      previous = w;
    }
  }
  return false;
}

const ORDINAL_DIGITS = regex()`^(\d+)${ORDINAL_SUFFIXES}$`;
function ordinalsOf(words: Word[]): { value: number; text: string }[] {
  return words.flatMap((w) => {
    const v =
      ORDINAL_WORDS[w.lower] ??
      (ORDINAL_DIGITS.test(w.lower) ? Number(ORDINAL_DIGITS.exec(w.lower)?.[1]) : undefined);
    return v === undefined ? [] : [{ value: v, text: w.text }];
  });
}

/** The features of a pair. `articleDate` reads relative dates (`on Sunday`) of both sides. */
export function analyzePair(
  premise: string,
  hypothesis: string,
  idf: Idf,
  articleDate: string | null = null,
): PairAnalysis {
  const pw = wordsOf(premise);
  const hw = wordsOf(hypothesis);
  // Amounts and dates are compared as typed slots below, not as words to align.
  const pDates = datesOfClaim(premise, articleDate);
  const hDates = datesOfClaim(hypothesis, articleDate);
  const pAmounts = amountsIn(premise, 0, pDates);
  const hAmounts = amountsIn(hypothesis, 0, hDates);
  const inSlot = (w: Word, spans: readonly { start: number; end: number }[]) =>
    spans.some((s) => w.at >= s.start && w.end <= s.end);
  const pc = pw.filter((w) => w.content && !inSlot(w, pDates) && !inSlot(w, pAmounts));
  const hc = hw.filter((w) => w.content && !inSlot(w, hDates) && !inSlot(w, hAmounts));
  const f = new Float64Array(FEATURE_COUNT);
  const set = (name: (typeof FEATURE_NAMES)[number], v: number) => {
    f[FEATURE_NAMES.indexOf(name)] = v;
  };
  set("bias", 1);
  set("h_len", Math.log1p(hc.length));
  set("p_len", Math.log1p(pc.length));
  set("len_ratio", Math.min(3, hc.length / Math.max(1, pc.length)));

  const aligned: PairAnalysis["aligned"] = [];
  const pAligned = new Set<number>();
  const hAlignedAt = new Set<number>();
  const pAlignedAt = new Set<number>();
  const shares: Record<Alignment, number> = {
    exact: 0,
    synonym: 0,
    general: 0,
    specific: 0,
    opposite: 0,
    sibling: 0,
    none: 0,
  };
  let noneIdf = 0;
  let specificIdf = 0;
  let siblingIdf = 0;
  let totalIdf = 0;
  let noneMax = 0;
  let opposite: { claimed: string; stated: string } | null = null;
  // The premise's phrasal verbs, found only when a claim word needs them.
  let pPhrasalFound: Word[] | null = null;
  const pPhrasal = () => {
    pPhrasalFound ??= phrasalVerbs(premise, pw);
    return pPhrasalFound;
  };
  for (const h of withPhrasalVerbs(hypothesis, hw, hc, pc, pPhrasal)) {
    let { alignment: best, to } = bestAlignment(h, pc);
    // A word with nothing like it may meet a phrasal verb of the premise (`resigned` ~ `stepped down`).
    let phrasalTarget: Word | undefined;
    if (RANK[best] >= RANK.sibling) {
      const via = bestAlignment(h, pPhrasal());
      phrasalTarget = RANK[via.alignment] <= RANK.general ? pPhrasal()[via.to] : undefined;
      if (phrasalTarget) {
        best = via.alignment;
        to = pc.findIndex((p) => p.at === phrasalTarget?.at);
      }
    }
    const licensed = pc[to];
    if (best === "specific" && licensed && doerLicenses(h, hc, licensed, pc)) best = "synonym";
    const weight = idf.get(h.stem);
    totalIdf += weight;
    shares[best]++;
    if (best === "none") {
      noneIdf += weight;
      noneMax = Math.max(noneMax, weight / idf.max);
    }
    if (best === "specific") specificIdf += weight;
    if (best === "sibling") siblingIdf += weight;
    if (!opposite) {
      // An opposite counts even where the word also aligns elsewhere (`died` ~ `death`, beside `survived`).
      const against = best === "opposite" ? pc[to] : pc.find((p) => opposes(h.lower, p.lower));
      if (against) opposite = { claimed: h.text, stated: against.text };
    }
    const target = pc[to];
    if (target && RANK[best] <= RANK.specific) {
      pAligned.add(to);
      hAlignedAt.add(hw.findIndex((w) => w.at === h.at));
      pAlignedAt.add(pw.indexOf(target));
    }
    aligned.push({ word: h.text, alignment: best, to: (phrasalTarget ?? target)?.text ?? null });
  }
  const n = Math.max(1, hc.length);
  for (const a of ALIGNMENTS) set(a, shares[a] / n);
  const idfTotal = totalIdf || 1;
  set("none_idf", noneIdf / idfTotal);
  set("specific_idf", specificIdf / idfTotal);
  set("sibling_idf", siblingIdf / idfTotal);
  set("opposite_any", opposite ? 1 : 0);
  set("sibling_any", shares.sibling > 0 ? 1 : 0);
  set("none_any", shares.none > 0 ? 1 : 0);
  set("none_max_idf", noneMax);
  set("none_count", Math.min(4, shares.none));
  set("p_unaligned", pc.length ? 1 - pAligned.size / pc.length : 0);

  // Negation: how many cues each side has, and whether a cue's scope reaches the words the two sides share.
  const negP = pw.filter((w) => w.negation);
  const negH = hw.filter((w) => w.negation);
  set("neg_p", Math.min(2, negP.length));
  set("neg_h", Math.min(2, negH.length));
  const scopeP = negationReaches(premise, pw, pAlignedAt);
  const scopeH = negationReaches(hypothesis, hw, hAlignedAt);
  const negMismatch = scopeP !== scopeH;
  set("neg_mismatch", negMismatch ? 1 : 0);
  set("neg_scope_p", scopeP ? 1 : 0);
  set("neg_scope_h", scopeH ? 1 : 0);

  // Typed slots: amounts with what they count, ordinals, dates, names.
  let numSame = 0;
  let numDiff: { claimed: string; stated: string; shown: string } | null = null;
  let numAbsent = 0;
  // An amount is the same when a premise amount of the same thing has its value (or, where either side says
  // not what it counts, any premise amount has it); another value of the same thing differs.
  const sameAmount = (a: (typeof hAmounts)[number]) => {
    const sameThing = pAmounts.filter((b) => b.counted.some((w) => a.counted.includes(w)));
    if (sameThing.length > 0) return sameThing.some((b) => b.value === a.value);
    return pAmounts.some((b) => b.value === a.value && (a.counted.length === 0 || b.counted.length === 0));
  };
  // A vague amount in the premise (`hundreds of officers`) neither confirms nor denies an exact one.
  const vague = hasVagueAmount(premise);
  for (const a of hAmounts) {
    if (sameAmount(a)) numSame++;
    else if (vague) numAbsent++;
    else {
      const other =
        pAmounts.find((b) => b.counted.some((w) => a.counted.includes(w))) ??
        (a.counted.length === 0 || pAmounts.length === 1 ? pAmounts[0] : undefined);
      if (other && !numDiff)
        numDiff = {
          claimed: hypothesis.slice(a.start, a.end),
          stated: premise.slice(other.start, other.end),
          shown: other.phrase,
        };
      else numAbsent++;
    }
  }
  set("num_h", hAmounts.length > 0 ? 1 : 0);
  set("num_same", numSame > 0 ? 1 : 0);
  set("num_diff", numDiff ? 1 : 0);
  set("num_absent", numAbsent > 0 ? 1 : 0);
  const pOrd = ordinalsOf(pw);
  const hOrd = ordinalsOf(hw);
  const ordSame = hOrd.some((o) => pOrd.some((p) => p.value === o.value));
  const ordOther = hOrd.find((o) => !pOrd.some((p) => p.value === o.value));
  const ordDiff = ordOther && pOrd[0] ? { claimed: ordOther.text, stated: pOrd[0].text } : null;
  set("ord_same", ordSame ? 1 : 0);
  set("ord_diff", ordDiff ? 1 : 0);
  let dateSame = false;
  let dateDiff: { claimed: string; stated: string } | null = null;
  for (const d of hDates) {
    const relations = pDates.map((p) => ({ p, r: compareDates(d.value, p.value) }));
    if (relations.some((r) => r.r === "same")) dateSame = true;
    else {
      const other = relations.find((r) => r.r === "different");
      if (other && !dateDiff) dateDiff = { claimed: d.text, stated: other.p.text };
    }
  }
  const dateAbsent = hDates.find(
    (d) =>
      !pDates.some((p) => compareDates(d.value, p.value) === "same") &&
      !(dateDiff && dateDiff.claimed === d.text),
  );
  set("date_same", dateSame ? 1 : 0);
  set("date_diff", dateDiff ? 1 : 0);
  set("date_absent", dateAbsent ? 1 : 0);
  // A name is stated when one of its words is (a surname for the full name), or its place is (`Kenyan`, `Kenya`).
  const premiseFolded = new Set(pw.flatMap((w) => placeKeys(w.text)));
  const hNames = nameRuns(hypothesis).filter((r) => !hDates.some((d) => d.start < r.end && d.end > r.start));
  const pNames = nameRuns(premise).filter((r) => !pDates.some((d) => d.start < r.end && d.end > r.start));
  const keysOf = (run: { text: string }) =>
    run.text.split(/\s+/).flatMap((w) => placeKeys(w.replace(/-\p{Ll}+$/u, "")));
  const hNameWords = new Set(hNames.flatMap(keysOf));
  const absent = hNames.find((r) => !keysOf(r).some((k) => premiseFolded.has(k)));
  // The premise's other name, one in the same role as the claim's where there is one (`in Haiti`, `in Peru`).
  const others = pNames.filter((r) => !keysOf(r).some((k) => hNameWords.has(k)));
  const frame = absent ? placeFrame(hypothesis, absent.start, absent.end) : "other";
  // Else the one doing what the claim's name does: followed by the same word (`Ombaka thanked`, `Otunge thanked`).
  const after = (words: readonly Word[], end: number) => words.find((w) => w.at >= end)?.stem;
  const claimedNext = absent ? after(hw, absent.end) : undefined;
  const otherName =
    others.find((r) => frame !== "other" && placeFrame(premise, r.start, r.end) === frame) ??
    others.find((r) => claimedNext !== undefined && after(pw, r.end) === claimedNext) ??
    others[0];
  set("name_h", hNames.length > 0 ? 1 : 0);
  set("name_absent", absent ? 1 : 0);
  set("name_other", absent && otherName ? 1 : 0);

  // Surface overlap: content bigrams kept in order, and the stems the two share.
  const pStems = new Set(pc.map((w) => w.stem));
  const hStems = new Set(hc.map((w) => w.stem));
  const bigrams = (words: Word[]) => words.slice(1).map((w, i) => `${words[i]?.stem} ${w.stem}`);
  const pBigrams = new Set(bigrams(pc));
  const hBigrams = bigrams(hc);
  set("bigram", hBigrams.length ? hBigrams.filter((b) => pBigrams.has(b)).length / hBigrams.length : 1);
  const common = [...hStems].filter((s) => pStems.has(s)).length;
  set("jaccard", common / Math.max(1, new Set([...pStems, ...hStems]).size));

  // A few interactions a linear model cannot form: a difference counts when the rest of the claim is covered.
  const covered = 1 - shares.none / n;
  set("covered_x_neg_mismatch", covered * (negMismatch ? 1 : 0));
  set("covered_x_opposite", covered * (opposite ? 1 : 0));
  set("covered_x_sibling", covered * (shares.sibling > 0 ? 1 : 0));
  set("covered_x_num_diff", covered * (numDiff ? 1 : 0));
  set("covered_x_name_other", covered * (absent && otherName ? 1 : 0));
  set("covered_x_date_diff", covered * (dateDiff ? 1 : 0));
  set("covered_sq", covered * covered);
  set("none_x_specific", (shares.none / n) * (shares.specific / n));
  set("exact_all", shares.exact + shares.synonym + shares.general === hc.length && hc.length > 0 ? 1 : 0);

  const mismatch: PairAnalysis["mismatch"] = numDiff
    ? { slot: "amount", ...numDiff }
    : ordDiff
      ? { slot: "ordinal", ...ordDiff }
      : dateDiff
        ? { slot: "date", ...dateDiff }
        : opposite
          ? { slot: "opposite", ...opposite }
          : negMismatch
            ? {
                slot: "negation",
                claimed: negH[0]?.text ?? "(stated)",
                stated: negP[0]?.text ?? "(stated without negation)",
              }
            : absent && otherName
              ? { slot: "name", claimed: absent.text, stated: otherName.text }
              : null;
  const unconfirmedAmount = hAmounts.find((a) => !sameAmount(a));
  const unconfirmed =
    (unconfirmedAmount && hypothesis.slice(unconfirmedAmount.start, unconfirmedAmount.end)) ||
    (hOrd.length > 0 && !ordSame ? (hOrd[0]?.text ?? null) : null) ||
    dateAbsent?.text ||
    absent?.text ||
    null;
  return { features: f, aligned, mismatch, unconfirmed };
}
