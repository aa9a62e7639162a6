// Words of speech and attribution: the verbs that introduce a quote, the pronouns that can be its speaker, and the
// words that tell a speaker's gender or mark a listener.
import { lexiconTag } from "./compromise.ts";

/** Verbs (all forms used in news prose) that attribute words to a speaker. */
export const SPEECH_VERBS: readonly string[] = (
  "said says say saying told tells added adds asked asks stated states explained explains wrote writes noted notes " +
  "warned warns argued argues insisted insists declared declares announced announces replied replies tweeted tweets " +
  "posted claimed claims acknowledged acknowledges admitted admits recalled recalls continued continues stressed " +
  "stresses urged urges remarked observed emphasized emphasised conceded concluded contended asserted suggested " +
  "suggests predicted responded responds complained complains vowed pledged promised joked testified wondered agreed " +
  "agrees countered counters cautioned confirmed confirms reported reports believes thinks called calls described " +
  "describes dubbed termed labeled labelled sang sings chanted shouted yelled read reads commented comments " +
  "quipped boasted branded answered saying adding asking telling tweeting writing noting arguing warning " +
  "insisting explaining declaring recalling stating commenting"
).split(" ");

/** Base forms of the verbs that report a saying (`warned that …`), not those that name (`called`, `dubbed`). */
export const REPORTING_VERBS: readonly string[] = (
  "say tell warn announce claim argue state insist confirm add predict report explain suggest promise admit deny " +
  "declare stress urge caution"
).split(" ");

/** The speech verbs as a set, for word-by-word checks (`Ombaka said`: the run before is a speaker). */
export const SPEECH_VERB_WORDS: ReadonlySet<string> = new Set(SPEECH_VERBS);

/** The speech verbs as one regular-expression alternation. */
export const SPEECH_VERB_ALTERNATION = SPEECH_VERBS.join("|");

/** A speech verb anywhere in a string. */
export const SPEECH_VERB = new RegExp(`\\b(${SPEECH_VERB_ALTERNATION})\\b`, "iu");

/** Verbs whose object is acted upon, not acting: `praised Maria Ortiz` → Ortiz is not the speaker. */
export const OBJECT_TAKING_VERBS: readonly string[] = (
  "praised thanked criticized criticised attacked blamed met meets interviewed named appointed nominated hired fired " +
  "defeated beat endorsed supported accused sued invited introduced replaced succeeded joined visited called " +
  "thanks praises criticizes attacks blames supports accuses told tells asked asks urged urges warned warns " +
  "congratulated welcomed hugged questioned challenged mocked"
).split(" ");

export type Gender = "male" | "female";
export type GrammaticalNumber = "singular" | "plural";

export interface PronounFeatures {
  gender: Gender | null;
  number: GrammaticalNumber;
  /** First or second person: `I`, `we` refer to the speaker of the quote itself, not to an antecedent. */
  person: 1 | 3;
}

/** Subject pronouns that can stand for a speaker, with what they agree with. */
export const SPEAKER_PRONOUNS: Readonly<Record<string, PronounFeatures>> = {
  he: { gender: "male", number: "singular", person: 3 },
  she: { gender: "female", number: "singular", person: 3 },
  they: { gender: null, number: "plural", person: 3 },
  it: { gender: null, number: "singular", person: 3 },
  i: { gender: null, number: "singular", person: 1 },
  we: { gender: null, number: "plural", person: 1 },
};

/** Pronouns that show the gender of the person just named (`Ann Park … her office`). */
export const GENDERED_PRONOUNS: Readonly<Record<string, Gender>> = {
  he: "male",
  him: "male",
  his: "male",
  himself: "male",
  she: "female",
  her: "female",
  hers: "female",
  herself: "female",
};

/** Honorifics and words before a name that tell the person's gender (`Mrs. Ortiz`, `Congresswoman Ortiz`). */
export const GENDERED_TITLES: Readonly<Record<string, Gender>> = {
  mr: "male",
  sir: "male",
  lord: "male",
  king: "male",
  prince: "male",
  congressman: "male",
  spokesman: "male",
  chairman: "male",
  father: "male",
  brother: "male",
  mrs: "female",
  ms: "female",
  miss: "female",
  madam: "female",
  dame: "female",
  lady: "female",
  queen: "female",
  princess: "female",
  congresswoman: "female",
  spokeswoman: "female",
  chairwoman: "female",
  mother: "female",
  sister: "female",
};

/** A first name's gender from compromise's lexicon (`Maria` → female), or null when it does not say. */
export function firstNameGender(word: string): Gender | null {
  const tag = lexiconTag(word.toLowerCase());
  if (tag === "MaleName") return "male";
  if (tag === "FemaleName") return "female";
  return null;
}

/** Words after `told` that name the listener, a publication or programme, never the speaker (`told BBC News`). */
export const LISTENER_VERBS: readonly string[] =
  "told tells telling asked asks urged urges warned warns".split(" ");

/** Prepositions that put a name in a listener's or a medium's place: `said to Reyes`, `said on CNN`. */
export const LISTENER_PREPOSITIONS: readonly string[] = "to on in at with for".split(" ");

/** Descriptions that can speak: `the spokesperson`, `a senior official`. */
export const SPEAKER_DESCRIPTION = /^(?:the|a|an)\s+(?:[\p{Ll}-]+\s+){0,3}[\p{Ll}]+$/u;
