// An article's language, detected from its text: English answers as always; another language gets a plain note
// in the user's language; too little text is unknown, and nothing throws.
import { describe, expect, it } from "vitest";
import { MemoryLibrary, sourceFromText } from "../../src/engine/library.ts";
import { articleLanguage, languageName } from "../../src/i18n/language.ts";
import { ButtonCodec } from "../../src/interactions/buttons.ts";
import { loadCommands } from "../../src/interactions/command.ts";
import { handleInteraction } from "../../src/interactions/handler.ts";
import { cardOf } from "../card-view.ts";
import { seedArticle } from "../helpers.ts";

const GERMAN =
  "date 2024-11-05 Der Gemeinderat von Millbrook hat am Montag beschlossen, die alte Feuerwache offen zu halten, nachdem die Bürger eine Woche lang protestiert hatten.\n\n" +
  "„Wir haben jeden gehört, der heute Abend gekommen ist“, sagte die Vorsitzende Priya Natarajan. Die Renovierung des Daches soll vor dem Winter beginnen.";

describe("article language", () => {
  it("reads English, German and too little text", () => {
    expect(articleLanguage(seedArticle())).toBe("eng");
    expect(articleLanguage({ text: GERMAN })).toBe("deu");
    expect(articleLanguage({ text: "Ja." })).toBe("und");
    expect(articleLanguage({ text: "" })).toBe("und");
    expect([languageName("deu", "en"), languageName("deu", "fr"), languageName("deu", "pt-BR")]).toEqual([
      "German",
      "allemand",
      "alemão",
    ]);
  });

  it("says plainly under an answer when the article is not in English, in the user's language", async () => {
    const library = new MemoryLibrary();
    library.add(sourceFromText("feuerwache", "feuerwache.txt", GERMAN));
    library.add(
      sourceFromText(
        "english",
        "english.txt",
        "date 2024-11-05 The council voted on Monday to keep the old fire station open after a week of protests by residents.",
      ),
    );
    const deps = {
      library,
      commands: await loadCommands(),
      buttons: new ButtonCodec("language test secret"),
      onError: (error: unknown) => {
        throw error;
      },
    };
    const summary = (article: string, locale?: string) => {
      const reply = handleInteraction(
        { kind: "command", id: "1", name: "summary", options: { article }, userId: "u", locale },
        deps,
      );
      if (reply.type !== "message") throw new Error(reply.type);
      return cardOf(reply.data).texts[0] ?? "";
    };
    expect(summary("feuerwache")).toContain(
      "-# citebot reads English articles; this one looks like German, so answers may be poor.",
    );
    expect(summary("feuerwache", "fr")).toContain(
      "-# citebot lit les articles en anglais ; celui-ci semble être en allemand, les réponses peuvent être médiocres.",
    );
    expect(summary("english")).not.toContain("citebot reads English articles");
  });
});
