// Word lists for names: titles, role nouns, organisation and group heads, place nouns, and compromise's name tags.
import { compromiseLexicon } from "./compromise.ts";

import { MONTH_ABBREVIATIONS } from "./time.ts";
import { wordSet, words } from "./words.ts";

/** Titles that precede a person's name and are not part of it: `President`, `Dr`, `Lt. Gen.`. */
export const TITLES = wordSet(
  "president mr mrs ms miss mx dr prof sen senator gov governor gen general lt col sgt capt captain cmdr adm rep " +
    "representative secretary minister premier chancellor king queen prince princess pope sir dame lord lady judge " +
    "justice mayor ambassador commissioner chief inspector officer detective superintendent rev reverend bishop " +
    "cardinal sheikh emir sultan vice former late retired maj major cpl corporal pvt private brig adm admiral " +
    "lieutenant colonel sergeant",
);

/** Honorifics and ranks: never an entity or a role on their own (`Mr`, `Dr`, `Lt`, `Gen`). */
export const HONORIFICS = wordSet(
  "mr mrs ms miss mx dr prof sir dame madam mme mlle herr lt col gen sgt capt cmdr adm maj cpl pvt brig rev hon " +
    "sen rep gov fr",
);

/** Abbreviated titles, always written before a name: their stop never ends a sentence (`Lt. Col. Ann Ruiz`). */
export const TITLE_ABBREVIATIONS = wordSet(
  "mr mrs ms dr prof sr jr st gen lt col sgt capt cmdr adm gov sen rep rev hon pres supt insp det cpl pvt maj brig",
);

/** Other abbreviations whose stop never ends a sentence: `No. 10`, `Jan. 5`, `Smith et al.`. */
export const NON_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...words("mt ft no nos vs v"),
  ...MONTH_ABBREVIATIONS,
  ...words("fig approx dept est al ave blvd"),
]);

/** Abbreviations whose stop may end a sentence (`… in the U.S. The …`). */
export const MAYBE_FINAL_ABBREVIATIONS = wordSet(
  "inc corp co ltd bros etc u.s u.k u.n e.u a.m p.m d.c n.y l.a",
);

/** Endings of nationality adjectives: `Kenyan`, `Chinese`, `Polish`, `Cypriot`, `Iraqi`, `Baltic`. */
export const NATIONALITY_SUFFIXES = words("an ese ish ot i ic");

/** Endings of a nationality adjective used as a noun's modifier: `Kenyan officers`, `Haitian police`. */
export const NATIONALITY_MODIFIER_SUFFIXES = words("an ian ese ish");

/** Words that make a comma part after a name a clause, not a role: `Ombaka, who …`, `Park, the lab is …`. */
export const ROLE_CLAUSE_WORDS = words(
  "said says told who which where when is are was were has have had will would can could",
);

/** Prepositions after a role noun that tie it to where the role is held: `spokesperson for the mission`. */
export const ROLE_PREPOSITIONS = words("of at for");

/** Prepositions between a person and their organisation: `Ann Cole of the Red Cross`. */
export const AFFILIATION_PREPOSITIONS = words("of at from");

/** Words that may open a preposed role: `deputy`, `former`. */
export const ROLE_MODIFIERS = wordSet(
  "deputy senior former chief vice assistant acting interim longtime top",
);

/** Honorifics that say a person's gender. */
export const MALE_HONORIFICS = wordSet("mr sir lord king prince herr");
export const FEMALE_HONORIFICS = wordSet("mrs ms miss madam mme mlle dame lady queen princess");

/** Nouns that make the words before a name a role: `Mission official Ombaka`, `spokesperson Jack Ombaka`. */
export const ROLE_NOUN_WORDS = wordSet(
  "official officials spokesperson spokesman spokeswoman commander chief minister president director leader " +
    "secretary officer chairman chairwoman chair ceo head governor mayor senator ambassador lawyer attorney analyst " +
    "professor general coach manager founder editor correspondent reporter expert adviser advisor envoy candidate " +
    "nominee judge prosecutor economist researcher scientist executive investor activist deputy inspector captain " +
    "diplomat strategist pollster owner chancellor premier lawmaker legislator representative congressman " +
    "congresswoman sheriff superintendent librarian teacher doctor nurse engineer pilot farmer student author writer " +
    "artist actor singer player curator architect historian priest pastor treasurer clerk councillor councilor " +
    "chairperson auditor coroner magistrate sergeant constable trustee dean rector principal anchor host presenter " +
    "columnist commentator co-chairman co-chair co-founder vice-president vice-chairman president-elect " +
    "frontrunner front-runner challenger incumbent mp",
);

/** A role noun, tested case-insensitively (a RegExp, so `ROLE_NOUNS.test(word)` reads as before). */
export const ROLE_NOUNS = new RegExp(`^(${[...ROLE_NOUN_WORDS].join("|")})$`, "i");

/** Words in a title that say no job: `Retired Lt. Gen.`, `former`. */
export const TITLE_MODIFIERS = wordSet("former late retired vice then acting");

/** Final words that make a capitalised run an organisation: `National Police`, `Climate Central`. */
export const ORG_HEADS = wordSet(
  "police party army forces force ministry council union university college association committee commission " +
    "company corp corporation inc ltd llc plc group bank agency department office court congress senate parliament " +
    "assembly federation institute foundation times post news network club league church government administration " +
    "authority board bureau service services organization organisation alliance front movement brigade cartel " +
    "airlines airways motors holdings systems technologies fund reserve exchange nations navy guard mission " +
    "campaign coalition center centre hospital school society trust press journal tribune herald cabinet central " +
    "laboratory laboratories institution academy observatory",
);

/** Heads that make a name an organisation even where the tagger saw a place: `Climate Central`. */
export const STRONG_ORG_HEADS = wordSet(
  "central university college institute foundation company corp corporation inc ltd llc plc association " +
    "committee commission party ministry police agency bureau council laboratory laboratories academy",
);

/** Lower-case words after a run that make it a group: `Gran Grif gang`. */
export const GROUP_NOUNS = wordSet("gang gangs group militia cartel rebels faction clan");

/** Lower-case words after a run that make it a place: `Artibonite region`, `Caribbean country`. */
export const PLACE_NOUNS = wordSet(
  "region country province state city county district island islands river valley sea ocean coast capital " +
    "peninsula department commune town village",
);

export const PLACE_PREPOSITIONS = wordSet(
  "in at from to near across into throughout outside inside toward towards via around",
);

/** Words that join the parts of one name: `Bank of America`, `Charles de Gaulle`. */
export const CONNECTORS = wordSet("of de du da del van von der den la le al bin el di dos das y");

/** Words after a capitalised run that make it a ranking or list, not a person: `the UK All-Time list`. */
export const LIST_NOUNS = wordSet("list lists rankings ranking table standings chart charts index poll");

/** Party shorthands that precede a role (`Lib Dem leader`), never a person on their own. */
export const PARTY_SHORTHANDS = wordSet(
  "lib dem dems tory tories labour labor gop snp ukip dup democrat democrats republican republicans conservative " +
    "conservatives liberal liberals green greens",
);

/** Every tag compromise's lexicon gives a lower-case word or phrase (`MaleName`, `Country`, `Demonym` …). */
export function lexiconTags(word: string): readonly string[] {
  const tag = compromiseLexicon()[word];
  if (tag === undefined) return [];
  return Array.isArray(tag) ? tag : [tag];
}

// Built on first use, with the lexicon (compromise.ts says why it is not loaded at start-up).
let phraseStarts: ReadonlySet<string> | undefined;

/** Whether a lower-case word starts one of the lexicon's two-word entries (`new` of `new york`). */
export function isLexiconPhraseStart(word: string): boolean {
  phraseStarts ??= new Set(
    Object.keys(compromiseLexicon())
      .filter((key) => key.split(" ").length === 2)
      .map((key) => key.slice(0, key.indexOf(" "))),
  );
  return phraseStarts.has(word);
}

/** A gender the first name or honorific implies, or null when it says none (or both). */
export function genderOfName(word: string): "male" | "female" | null {
  const lower = word.toLowerCase().replace(/\.$/, "");
  if (MALE_HONORIFICS.has(lower)) return "male";
  if (FEMALE_HONORIFICS.has(lower)) return "female";
  const tags = lexiconTags(lower);
  const male = tags.includes("MaleName");
  const female = tags.includes("FemaleName");
  return male === female ? null : male ? "male" : "female";
}
