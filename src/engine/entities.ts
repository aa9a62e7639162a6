// People, organisations and places: capitalised runs found in each sentence, typed by the words around
// them and compromise's lexicon, then merged so that `Ombaka` and `Mission official Ombaka` are `Jack Ombaka`.
import {
  isCommonWord,
  isDemonym,
  isFirstName,
  isOrganizationWord,
  isPersonWord,
  isPlaceWord,
  isTimeWord,
  lexiconTag,
} from "./lexicon";
import { foldName, isCapitalized, type Token, tokenize } from "./text";
import type { Entity, EntityType, Sentence, Span } from "./types";

/** Titles that precede a person's name and are not part of it. */
const TITLES = new Set(
  (
    "president mr mrs ms miss dr prof sen senator gov governor gen general lt col sgt capt captain cmdr adm rep " +
    "representative secretary minister premier chancellor king queen prince princess pope sir dame lord lady judge " +
    "justice mayor ambassador commissioner chief inspector officer detective superintendent rev reverend bishop " +
    "cardinal sheikh emir sultan gen. vice former late"
  ).split(" "),
);

/** Nouns that make the preceding words a role: `Mission official Ombaka`, `spokesperson Jack Ombaka`. */
export const ROLE_NOUNS =
  /^(official|officials|spokesperson|spokesman|spokeswoman|commander|chief|minister|president|director|leader|secretary|officer|chairman|chairwoman|chair|ceo|head|governor|mayor|senator|ambassador|lawyer|attorney|analyst|professor|general|coach|manager|founder|editor|correspondent|reporter|expert|adviser|advisor|envoy|candidate|nominee|judge|prosecutor|economist|researcher|scientist|executive|investor|activist|deputy|inspector|captain|diplomat|strategist|pollster|owner|chancellor|premier|lawmaker|legislator|representative|congressman|congresswoman|sheriff|superintendent|librarian|teacher|doctor|nurse|engineer|pilot|farmer|student|author|writer|artist|actor|singer|player|curator|architect|historian|priest|pastor|spokesman|treasurer|clerk|councillor|councilor|chairperson|auditor|coroner|magistrate|sergeant|constable|trustee|dean|rector|principal)$/i;

/** Final words that make a capitalised run an organisation. */
const ORG_HEADS = new Set(
  (
    "police party army forces force ministry council union university college association committee commission " +
    "company corp corporation inc ltd llc plc group bank agency department office court congress senate parliament " +
    "assembly federation institute foundation times post news network club league church government administration " +
    "authority board bureau service services organization organisation alliance front movement brigade cartel " +
    "airlines airways motors holdings systems technologies fund reserve exchange nations navy guard mission " +
    "campaign coalition commission center centre hospital school society trust press journal tribune herald " +
    "agency cabinet"
  ).split(" "),
);

/** Lower-case words after a run that make it a group: `Gran Grif gang`. */
const GROUP_NOUNS = new Set(
  "gang gangs group militia cartel party movement rebels faction network clan".split(" "),
);

/** Lower-case words after a run that make it a place: `Artibonite region`, `Caribbean country`. */
const PLACE_NOUNS = new Set(
  "region country province state city county district island islands river valley sea ocean coast capital peninsula department commune town village".split(
    " ",
  ),
);

const PLACE_PREPOSITIONS = new Set(
  "in at from to near across into throughout outside inside toward towards via around".split(" "),
);

/** Words that join the parts of one name: `Bank of America`, `Charles de Gaulle`. */
const CONNECTORS = new Set("of de du da van von der den la le al bin el di dos das y".split(" "));

/** The most words a name (with its title) takes: `Director of the Federal Bureau of Investigation James Comey`. */
const MAX_NAME_TOKENS = 10;

const SPEECH_VERB =
  /^(said|says|say|told|tells|added|adds|asked|stated|explained|wrote|noted|warned|argued|insisted|declared|announced|replied|tweeted|claimed|acknowledged|admitted|recalled|continued|stressed|urged|thanked|vowed)$/i;

interface Candidate extends Span {
  text: string;
  type: EntityType | null;
  title: string | null;
  /** Role said right next to this mention (appositive or preposed). */
  role: string | null;
  roleSpan: Span | null;
  tokens: Token[];
}

function gapIsSpace(text: string, a: Token, b: Token): boolean {
  return /^[ \t]+$/.test(text.slice(a.end, b.start));
}

/** `Kenyan-led`, `Haitian-born`: an adjective, not a name (unlike `Port-au-Prince`). */
const hyphenatedLower = (word: string) => /^\p{Lu}[\p{L}\p{M}]*(-\p{Ll}[\p{L}\p{M}]*)+$/u.test(word);

/** Capitalised runs in one sentence, before typing. */
function capitalisedRuns(text: string, tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const close = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const previous = tokens[i - 1];
    const capital = isCapitalized(token.text) && !hyphenatedLower(token.text);
    if (capital && !isTimeWord(token.text)) {
      // An initial joins the name after it: `P. Simmons`, `J. R. Tolkien`.
      const afterInitial =
        previous && /^\p{Lu}$/u.test(previous.text) && /^\.\s+$/.test(text.slice(previous.end, token.start));
      if (run.length > 0 && previous && !gapIsSpace(text, previous, token) && !afterInitial) close();
      run.push(token);
      if (token.possessive) close();
      continue;
    }
    // A connector inside a name: `Bank of America`.
    const next = tokens[i + 1];
    if (
      run.length > 0 &&
      CONNECTORS.has(token.text) &&
      next &&
      isCapitalized(next.text) &&
      previous &&
      gapIsSpace(text, previous, token) &&
      gapIsSpace(text, token, next)
    ) {
      run.push(token);
      continue;
    }
    close();
  }
  close();
  return runs;
}

const runText = (text: string, run: Token[]) =>
  text.slice((run[0] as Token).start, (run[run.length - 1] as Token).end);

function isSentenceStart(sentence: Sentence, token: Token): boolean {
  const offset = token.start - sentence.start;
  // Only opening marks may stand before the first word; a long prefix cannot be all marks (and is not scanned).
  return offset <= 8 && /^[\s"“‘'([—–-]*$/u.test(sentence.text.slice(0, offset));
}

function classify(
  text: string,
  run: Token[],
  before: Token | undefined,
  after: Token | undefined,
): EntityType | null {
  const words = run.map((t) => t.text);
  const last = words[words.length - 1] as string;
  const phrase = foldName(words.join(" "));
  if (ORG_HEADS.has(last.toLowerCase()) && words.length > 1) return "organization";
  if (
    after &&
    GROUP_NOUNS.has(after.text.toLowerCase()) &&
    gapIsSpace(text, run[run.length - 1] as Token, after)
  ) {
    return "organization";
  }
  if (isOrganizationWord(phrase)) return "organization";
  if (
    after &&
    PLACE_NOUNS.has(after.text.toLowerCase()) &&
    gapIsSpace(text, run[run.length - 1] as Token, after)
  ) {
    return "place";
  }
  if (isPlaceWord(phrase)) return "place";
  if (words.length === 1 && /^\p{Lu}{2,6}$/u.test(last)) return "organization";
  if (isFirstName(words[0] as string) || isPersonWord(phrase)) return "person";
  if (words.length === 1 && isPlaceWord(last)) return "place";
  // `Denver Broncos`, `New England Patriots`: a place or name and a capitalised plural is a team or group.
  if (words.length >= 2 && /^\p{Lu}\p{Ll}+[^s]s$/u.test(last) && !isPersonWord(last)) return "organization";
  const beforeWord = before?.text.toLowerCase();
  if (beforeWord && PLACE_PREPOSITIONS.has(beforeWord) && words.length <= 3) return "place";
  if (after && SPEECH_VERB.test(after.text)) return "person";
  if (/^\p{Lu}[\p{L}\p{M}]+(-[\p{L}\p{M}]+)*-\p{Lu}[\p{L}\p{M}]*$/u.test(last) && words.length === 1)
    return "place";
  if (words.length >= 2 && words.every((w) => !isCommonWord(w) || CONNECTORS.has(w))) return "person";
  return null;
}

const APPOSITIVE =
  /^,\s+((?:the|a|an|its|his|her|their|our|former|then)\s[^,.;:"“”()]{2,110}?|[\p{Lu}][\p{L}]+['’]s\s[^,.;:"“”()]{2,80}?)(?=,|\.|;|$)/iu;

function appositiveRole(text: string, end: number): { role: string; span: Span } | null {
  const after = text.slice(end, end + 140);
  const match = APPOSITIVE.exec(after);
  if (!match) return null;
  const role = match[1] as string;
  // `Ombaka, who …` or `Haiti, the country where …` clauses are not roles; `, he said` is not either.
  if (/\b(said|says|told|who|which|where|when)\b/i.test(role)) return null;
  const start = end + match[0].indexOf(role);
  return { role, span: { start, end: start + role.length } };
}

/** Up to three lower/upper-case words ending in a role noun right before the name: `Mission official`. */
function preposedRole(text: string, start: number): { role: string; span: Span } | null {
  const before = text.slice(Math.max(0, start - 60), start);
  const match = /((?:[\p{L}'’-]+\s){0,2}([\p{L}-]+))\s+$/u.exec(before);
  if (!match || !ROLE_NOUNS.test(match[2] as string)) return null;
  let role = match[1] as string;
  // Drop a leading determiner: `the mission spokesperson` → `mission spokesperson`.
  role = role.replace(/^(the|a|an|and|but|said|says)\s+/i, "");
  const roleStart = start - match[0].length + (match[1] as string).length - role.length;
  return { role, span: { start: roleStart, end: roleStart + role.length } };
}

function candidatesIn(text: string, sentence: Sentence): Candidate[] {
  const tokens = tokenize(sentence.text, sentence.start);
  const byStart = new Map(tokens.map((t, i) => [t.start, i]));
  const found: Candidate[] = [];
  for (let run of capitalisedRuns(text, tokens)) {
    // No name runs this long: it is a headline in capitals or a list; skipping it keeps the peeling linear.
    if (run.length > MAX_NAME_TOKENS) continue;
    let title: string | null = null;
    // Peel off sentence-initial ordinary words (`The`, `After`, `Officials`) and titles (`President`).
    while (run.length > 0) {
      const whole = foldName(runText(text, run));
      if (isPlaceWord(whole) || isOrganizationWord(whole)) break;
      const first = run[0] as Token;
      const lower = first.text.toLowerCase().replace(/\.$/, "");
      // `Australian Tom Moody`, `British Prime Minister …`: a nationality before a name is not part of it.
      const second = run[1]?.text.toLowerCase() ?? "";
      if (
        isDemonym(first.text) &&
        run.length > 1 &&
        (isFirstName(second) || TITLES.has(second) || ROLE_NOUNS.test(second))
      ) {
        run = run.slice(1);
        continue;
      }
      if ((TITLES.has(lower) || ROLE_NOUNS.test(lower)) && run.length > 1) {
        title = title ? `${title} ${first.text}` : first.text;
        run = run.slice(1);
        continue;
      }
      const tag = lexiconTag(lower);
      const functionWord =
        tag !== undefined && /Determiner|Preposition|Pronoun|Conjunction|QuestionWord/.test(tag);
      if (
        (isSentenceStart(sentence, first) || functionWord) &&
        isCommonWord(first.text) &&
        !first.possessive
      ) {
        run = run.slice(1);
        continue;
      }
      if (CONNECTORS.has(first.text)) {
        run = run.slice(1);
        continue;
      }
      break;
    }
    while (run.length > 0 && CONNECTORS.has((run[run.length - 1] as Token).text)) run = run.slice(0, -1);
    if (run.length === 0) continue;
    if (run.every((t) => isDemonym(t.text) || isTimeWord(t.text))) continue;
    // `East African country`: an adjective phrase, not a name.
    if (isDemonym((run[run.length - 1] as Token).text) && !isPlaceWord(foldName(runText(text, run))))
      continue;
    if (run.length === 1 && isCommonWord((run[0] as Token).text) && !(run[0] as Token).possessive) {
      // A capitalised ordinary word mid-sentence (a heading word, `Mission`) is only a name with a title.
      if (!title) continue;
    }
    const firstIndex = byStart.get((run[0] as Token).start) ?? 0;
    const lastToken = run[run.length - 1] as Token;
    const lastIndex = byStart.get(lastToken.start) ?? firstIndex;
    const before = tokens[firstIndex - 1];
    const after = tokens[lastIndex + 1];
    let type =
      title && !isPlaceWord(foldName(runText(text, run))) ? "person" : classify(text, run, before, after);
    let end = lastToken.end;
    // `Gran Grif gang`: the group noun belongs to the name.
    if (after && GROUP_NOUNS.has(after.text.toLowerCase()) && gapIsSpace(text, lastToken, after)) {
      type = "organization";
      end = after.end;
    }
    const start = (run[0] as Token).start;
    const appositive = appositiveRole(text, end);
    const preposed = title ? null : preposedRole(text, start);
    if (type === null && (appositive || preposed)) type = "person";
    found.push({
      start,
      end,
      text: text.slice(start, end),
      type: type as EntityType | null,
      title,
      role: type === "person" ? (appositive?.role ?? title ?? preposed?.role ?? null) : null,
      roleSpan:
        type === "person"
          ? (appositive?.span ??
            (title ? { start: start - title.length - 1, end: start - 1 } : preposed?.span) ??
            null)
          : null,
      tokens: run,
    });
  }
  return mergePossessiveOrganisations(text, found);
}

/** `Haiti’s` + `National Police` → the organisation `Haiti’s National Police`. */
function mergePossessiveOrganisations(text: string, candidates: Candidate[]): Candidate[] {
  const merged: Candidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const owner = candidates[i] as Candidate;
    const owned = candidates[i + 1];
    const ownerToken = owner.tokens[owner.tokens.length - 1] as Token;
    if (
      owned &&
      ownerToken.possessive &&
      owned.type === "organization" &&
      /^['’]s\s+$/u.test(text.slice(owner.end, owned.start))
    ) {
      merged.push({
        ...owned,
        start: owner.start,
        text: text.slice(owner.start, owned.end),
        tokens: [...owner.tokens, ...owned.tokens],
      });
      i++;
      continue;
    }
    merged.push(owner);
  }
  return merged;
}

const slug = (name: string) =>
  foldName(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

interface Builder {
  entity: Entity;
  folded: string;
  lastName: string;
  firstName: string;
}

/** Finds and merges the article's people, organisations and places. */
export function extractEntities(text: string, sentences: Sentence[]): Entity[] {
  const candidates = sentences.flatMap((s) => candidatesIn(text, s));
  const builders: Builder[] = [];
  const byName = new Map<string, Builder>();

  const add = (candidate: Candidate, type: EntityType): Builder => {
    const folded = foldName(candidate.text);
    const key = `${type}:${folded}`;
    let builder = byName.get(key);
    if (!builder) {
      const words = folded.split(" ");
      builder = {
        entity: {
          id: `${type}:${slug(candidate.text)}`,
          name: candidate.text,
          type,
          role: null,
          roleSpan: null,
          mentions: [],
        },
        folded,
        firstName: words[0] as string,
        lastName: words[words.length - 1] as string,
      };
      byName.set(key, builder);
      builders.push(builder);
    }
    return builder;
  };
  const mention = (builder: Builder, candidate: Candidate) => {
    builder.entity.mentions.push({ start: candidate.start, end: candidate.end, text: candidate.text });
    if (!builder.entity.role && candidate.role) {
      builder.entity.role = candidate.role;
      builder.entity.roleSpan = candidate.roleSpan;
    }
  };

  // Full names first, so that a later `Ombaka` finds `Jack Ombaka` wherever it stands.
  const people = new Map<string, Builder[]>();
  for (const c of candidates) {
    if (c.type === "person" && c.tokens.length > 1) {
      const b = add(c, "person");
      const list = people.get(b.lastName) ?? [];
      if (!list.includes(b)) list.push(b);
      people.set(b.lastName, list);
    }
  }
  const firstNames = new Map<string, Builder[]>();
  for (const list of people.values()) {
    for (const b of list) firstNames.set(b.firstName, [...(firstNames.get(b.firstName) ?? []), b]);
  }
  for (const c of candidates) {
    const folded = foldName(c.text);
    if (c.tokens.length === 1 && (c.type === "person" || c.type === null || c.title)) {
      const bySurname = people.get(folded);
      const byFirst = firstNames.get(folded);
      const person = bySurname?.length === 1 ? bySurname[0] : byFirst?.length === 1 ? byFirst[0] : undefined;
      if (person) {
        mention(person, c);
        continue;
      }
    }
    if (c.type === null) continue;
    mention(add(c, c.type), c);
  }
  for (const b of builders) b.entity.mentions.sort((a, z) => a.start - z.start);
  return builders.map((b) => b.entity).filter((e) => e.mentions.length > 0);
}
