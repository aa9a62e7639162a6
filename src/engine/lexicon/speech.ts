// Words of speech and attribution: the verbs that introduce a quote, the pronouns that can be its speaker, and the
// words that tell a speaker's gender or mark a listener.
import { lexiconTag } from "./compromise.ts";
import { FEMALE_HONORIFICS, MALE_HONORIFICS } from "./names.ts";
import { phrases, words } from "./words.ts";

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

/** Verbs of speech a quote-seeking question uses: `What did Ms Vale say about …?`. */
export const QUOTE_VERBS: ReadonlySet<string> = new Set(
  "say said says tell told think thinks thought claim claimed claims argue argued argues write wrote".split(
    " ",
  ),
);

/** The speech verbs as a set, for word-by-word checks (`Ombaka said`: the run before is a speaker). */
export const SPEECH_VERB_WORDS: ReadonlySet<string> = new Set(SPEECH_VERBS);

/** The speech verbs as one regular-expression alternation. */
export const SPEECH_VERB_ALTERNATION = SPEECH_VERBS.join("|");

/** A speech verb anywhere in a string. */
export const SPEECH_VERB = new RegExp(`\\b(${SPEECH_VERB_ALTERNATION})\\b`, "iu");

/** Words that open an appositive after a name: `said Ombaka, the spokesperson`. */
export const APPOSITIVE_OPENERS = words("the a an his her its their");

/** Words that open a role after a name: `Ombaka, the mission's spokesperson,`, `Hale, then a senator,`. */
export const ROLE_DESCRIPTION_OPENERS = [...APPOSITIVE_OPENERS, ...words("our former then")];

/** Words that open a comma part describing the speaker, not naming them (a role or a relative clause). */
export const ROLE_OPENERS = [...ROLE_DESCRIPTION_OPENERS, ...words("who whose which")];

/** Words that show a phrase is a clause or a quote, never a speaker: `that`, `because`. */
export const NOT_SPEAKER_WORDS = phrases("that|because|but|and then|if");

/** Words that open a comma part that is an adverbial, not the subject: `, at a briefing on Tuesday,`. */
export const ADVERBIAL_OPENERS = words(
  "at in on during after before with for from by while when speaking asked later earlier again also too",
);

/** Words that open a comma part before the subject that sets the scene: `In a statement,`, `Asked about it,`. */
export const LEAD_IN_OPENERS = words(
  "in on at during after before following with as while when asked speaking however but though although since " +
    "later earlier meanwhile still yet instead now then today yesterday",
);

/** Lower-case words that can open a speaker phrase: `officials said`, `several residents said`. */
export const SPEAKER_PHRASE_OPENERS = words(
  "he she they i we the a an one two three several many some officials police my our his her their another",
);

/** Pronouns that can follow a fronted speech verb: `said he`, `said I`. */
export const INVERTED_SUBJECT_PRONOUNS = words("he she they I we");

/** Words that open a speaker description after a fronted verb: `said one resident`, `said a neighbour`. */
export const DESCRIBED_SPEAKER_OPENERS = words("one another a an the");

/** Words that can open the subject of reported speech (besides a capital): `officials said that …`. */
export const REPORTED_SUBJECT_OPENERS = words(
  "he she they we i the a an officials police authorities experts",
);

/** Speech verbs that can take the words said right after them, without `that`: `Ferreira said the room …`. */
export const BARE_SAYING_VERBS = words("said says added argued warned");

/** Speech verbs of an attribution that closes a lead sentence: `…, Kenyan authorities said Sunday.`. */
export const CLOSING_ATTRIBUTION_VERBS = words("said says reported announced");

/** Words before a name that make it a complement, not the subject: `criticised by Ortiz`, `spoke with Ortiz`. */
export const COMPLEMENT_WORDS = words("by against about of with and");

/** Prepositions that end a role's head noun: `the commander of the Kenyan forces` → `commander`. */
export const ROLE_HEAD_ENDINGS = words("of for at in on with");

/** Small words a title in quotation marks may hold uncapitalised: `“Lord of the Rings”`. */
export const TITLE_SMALL_WORDS = words("of the and a in on for to it");

/** Words right before quotation marks that make them a title, not speech: `on “Harbour Hour”`, `the film “Tides”`. */
export const TITLE_CUE_WORDS = words(
  "of on in at to about from titled entitled called named show program programme book film movie song album " +
    "series episode article column headline",
);

/** Pronouns an annotated quote's source can be, standing for a speaker named elsewhere. */
export const SOURCE_PRONOUNS = words("he she they i we it you him her them his its their");

/** Words of a speaker's name that never identify them: `the`, `and`, `said`. */
export const NOT_NAME_WORDS = words("the and said");

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

const ofGender = (list: Iterable<string>, gender: Gender): Record<string, Gender> =>
  Object.fromEntries([...list].map((word) => [word, gender] as const));

/** Honorifics and words before a name that tell the person's gender (`Mrs. Ortiz`, `Congresswoman Ortiz`). */
export const GENDERED_TITLES: Readonly<Record<string, Gender>> = {
  ...ofGender(MALE_HONORIFICS, "male"),
  ...ofGender(FEMALE_HONORIFICS, "female"),
  ...ofGender(words("congressman spokesman chairman father brother"), "male"),
  ...ofGender(words("congresswoman spokeswoman chairwoman mother sister"), "female"),
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
