// Property tests: for any article text and any option strings, the engine never throws and every rendered
// Discord payload is within Discord's limits and pings no one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ask, RequestError } from "../../src/app/ask.ts";
import { MemoryLibrary, sourceFromText } from "../../src/engine/library.ts";
import { ArticleError } from "../../src/engine/parse/article-file.ts";
import { ButtonCodec } from "../../src/interactions/buttons.ts";
import { loadCommands } from "../../src/interactions/command.ts";
import { handleInteraction } from "../../src/interactions/handler.ts";
import { paginate, renderAnswer, renderContext } from "../../src/render/render.ts";
import { choicesSchema, messagePayloadSchema } from "../discord-limits-schema.ts";

const HOSTILE = [
  "@everyone",
  "@here",
  "<@&123456789012345678>",
  "<@123456789012345678>",
  "**bold** __u__ ~~s~~ ||spoiler|| `code` ```block```",
  "# heading",
  "> quote",
  "[link](https://example.org)",
  "\u200b\u200d\u2060",
  "مرحبا بالعالم",
  "שלום",
  "😀👩‍👩‍👧‍👦🇰🇪",
  '"We will win," Ana Lima said. "Always."',
  "“Half-open quote",
  "Sunday, June 2024, since 2021, this past week",
  "Mr. Dr. U.S. e.g. J. R. R. Tolkien",
  "\n\n",
  "\r\n",
  "\t",
  "...",
  ",,,,",
];

const piece = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.lorem({ maxCount: 12, mode: "sentences" }),
);
const articleText = fc.array(piece, { minLength: 1, maxLength: 30 }).map((parts) => parts.join(" "));
const option = fc.oneof(
  fc.constantFrom(...HOSTILE, "", " "),
  fc.string({ unit: "grapheme", maxLength: 120 }),
  fc.string({ maxLength: 400 }),
);
const date = fc.option(
  fc
    .date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

function libraryOf(text: string, day: string | null): MemoryLibrary | null {
  const library = new MemoryLibrary();
  try {
    library.add(sourceFromText("a", "a", `${day ? `date ${day} ` : ""}${text}`));
  } catch (error) {
    if (error instanceof ArticleError) return null;
    throw error;
  }
  return library;
}

function expectValid(payload: unknown) {
  const parsed = messagePayloadSchema.safeParse(payload);
  if (!parsed.success)
    throw new Error(`${parsed.error.issues[0]?.message}: ${JSON.stringify(payload).slice(0, 500)}`);
  expect((payload as { allowed_mentions: { parse: unknown[] } }).allowed_mentions.parse).toEqual([]);
}

/** The option each command autocompletes on (the rest autocomplete `article`). */
const FOCUSED: Record<string, string> = { quote: "speaker", who: "query", ask: "article", check: "article" };

describe("any article, any options", () => {
  it("never throws and always renders within Discord's limits", () => {
    fc.assert(
      fc.property(
        articleText,
        date,
        option,
        option,
        fc.integer({ min: -5, max: 15 }),
        (text, day, query, speaker, sentences) => {
          const library = libraryOf(text, day);
          if (!library) return;
          for (const input of [
            { command: "summary", sentences },
            { command: "quote", speaker, topic: query },
            { command: "who", query },
            { command: "who" },
            { command: "when", query },
            { command: "when" },
            { command: "ask", query },
            { command: "check", query },
          ]) {
            let answer: ReturnType<typeof ask>;
            try {
              answer = ask(library, input);
            } catch (error) {
              if (error instanceof RequestError) continue;
              throw error;
            }
            for (const c of answer.citations)
              expect(c.excerpt).toBe(library.get("a")?.text.slice(c.start, c.end));
            const pages = paginate(answer).length;
            for (let page = 0; page < pages; page++)
              expectValid(
                renderAnswer(answer, {
                  page,
                  buttonId: (action, arg) => `${action}:${arg}`,
                  ephemeral: page % 2 === 0,
                }),
              );
            const article = library.get("a");
            if (article)
              for (const p of article.paragraphs.slice(0, 3))
                expectValid(renderContext(article, p.number, answer.citations));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("answers any option through the interaction handler with a valid payload", async () => {
    const commands = await loadCommands();
    const library = libraryOf(
      'date 2025-02-24 "We salute our fallen hero," Jack Ombaka said. The @everyone gang controls <@&1> the region.',
      null,
    ) as MemoryLibrary;
    const deps = {
      library,
      commands,
      buttons: new ButtonCodec(),
      // Any input must be answered or refused with a note; an error reported here fails the property.
      onError: (error: unknown) => {
        throw error;
      },
    };
    fc.assert(
      fc.property(
        fc.constantFrom("summary", "quote", "who", "when", "ask", "check"),
        option,
        option,
        fc.boolean(),
        (name, value, article, ephemeral) => {
          const options = {
            query: value,
            speaker: value,
            topic: value,
            question: value,
            claim: value,
            article,
            private: ephemeral,
          };
          const reply = handleInteraction({ kind: "command", id: "1", name, options, userId: "u" }, deps);
          if (reply.type === "autocomplete") throw new Error("unexpected autocomplete");
          expectValid(reply.data);
          const completion = handleInteraction(
            {
              kind: "autocomplete",
              id: "2",
              name,
              options,
              focused: { name: FOCUSED[name] ?? "query", value },
              userId: "u",
            },
            deps,
          );
          if (completion.type !== "autocomplete") throw new Error("expected choices");
          expect(choicesSchema.safeParse(completion.choices).success).toBe(true);
          const button = handleInteraction(
            { kind: "button", id: "3", customId: `cb:page:${value.slice(0, 20)}:1`, userId: "u" },
            deps,
          );
          if (button.type !== "autocomplete") expectValid(button.data);
        },
      ),
      { numRuns: 200 },
    );
  });
});
