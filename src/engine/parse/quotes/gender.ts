// A person's gender as the article shows it, for agreement with `he`/`she`: an honorific before a mention
// (`Mrs. Ortiz`), the first name (`Maria`), or the article's own pronouns right after the person is named.
import { firstNameGender, GENDERED_PRONOUNS, GENDERED_TITLES, type Gender } from "../../lexicon/index.ts";
import type { Entity, Mention } from "../../types.ts";

/** How far after a mention a pronoun still refers to it (`Ann Park founded the lab. She …`). */
const PRONOUN_REACH_CHARS = 160;

const TITLE_BEFORE = /\b([\p{L}]+)\.?\s+$/u;
const WORD = /[\p{L}]+/gu;

function honorificGender(text: string, mention: Mention): Gender | null {
  const before = TITLE_BEFORE.exec(text.slice(Math.max(0, mention.start - 20), mention.start));
  const inside = mention.text.split(/[\s.]+/)[0] ?? "";
  return GENDERED_TITLES[(before?.[1] ?? "").toLowerCase()] ?? GENDERED_TITLES[inside.toLowerCase()] ?? null;
}

/** The first gendered pronoun after a mention, outside quotation marks, before the next person is named. */
function pronounAfter(text: string, mention: Mention, nextPersonStart: number): Gender | null {
  const end = Math.min(text.length, mention.end + PRONOUN_REACH_CHARS, nextPersonStart);
  const window = text.slice(mention.end, end);
  const quoteAt = window.search(/["“”]/u);
  const plain = quoteAt >= 0 ? window.slice(0, quoteAt) : window;
  for (const word of plain.matchAll(WORD)) {
    const gender = GENDERED_PRONOUNS[word[0].toLowerCase()];
    if (gender) return gender;
  }
  return null;
}

/** Each person's gender, or null when the article does not show it. */
export function personGenders(text: string, entities: readonly Entity[]): Map<string, Gender | null> {
  const people = entities.filter((e) => e.type === "person");
  const starts = people.flatMap((p) => p.mentions.map((m) => m.start)).sort((a, z) => a - z);
  const nextStart = (at: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid + 1;
      else hi = mid;
    }
    return starts[lo] ?? text.length;
  };
  const genders = new Map<string, Gender | null>();
  for (const person of people) {
    let gender: Gender | null = null;
    for (const m of person.mentions) gender ??= honorificGender(text, m);
    const firstWord = person.name.split(/\s+/)[0] ?? "";
    if (!gender && person.name.includes(" ")) gender = firstNameGender(firstWord);
    if (!gender) {
      let male = 0;
      let female = 0;
      for (const m of person.mentions) {
        const found = pronounAfter(text, m, nextStart(m.start));
        if (found === "male") male++;
        else if (found === "female") female++;
      }
      if (male > female) gender = "male";
      else if (female > male) gender = "female";
    }
    genders.set(person.id, gender);
  }
  return genders;
}
