// The language an article is written in, detected from its text with franc-min (trigram models of the 82 most
// spoken languages, shipped inside the package). citebot reads English: an article in another language gets a
// plain note, and nothing else changes. Never throws: too little text, or an unknown result, is "und".
import { franc } from "franc-min";
import type { Translate } from "./messages.ts";

/** How much of an article is read: enough for a steady answer, little enough to be quick. */
const SAMPLE_CHARS = 4000;

const detected = new WeakMap<object, string>();

/** What is read: the text, and the language stored with the article when it was added. */
interface ArticleText {
  text: string;
  meta?: { language?: string | undefined };
}

/**
 * ISO 639-3 code (`eng`, `deu`), or `und` when the text says too little: the stored language, else detected
 * and kept per article object.
 */
export function articleLanguage(article: ArticleText): string {
  if (article.meta?.language) return article.meta.language;
  const known = detected.get(article);
  if (known) return known;
  let language = "und";
  try {
    language = franc(article.text.slice(0, SAMPLE_CHARS), { minLength: 40 });
  } catch {
    language = "und";
  }
  detected.set(article, language);
  return language;
}

/** The language's name in the user's locale (`German`, `allemand`), else its code. */
export function languageName(code: string, locale: string | undefined): string {
  try {
    return new Intl.DisplayNames([locale ?? "en", "en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The note for an article not in English, in the user's language; undefined for English or unknown. */
export function languageNote(article: ArticleText, t: Translate, locale: string | undefined) {
  const code = articleLanguage(article);
  if (code === "eng" || code === "und") return undefined;
  return t("language.notEnglish", { language: languageName(code, locale) });
}
