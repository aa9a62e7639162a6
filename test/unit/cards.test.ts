// Answer cards (Components V2) through the one handler: the card's parts, Show context, Shorter/Longer, the
// Source link's text fragment, the fallback to an embed, and citebot's own words in the user's language.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answer, answerRequestSchema } from "../../src/engine/index.ts";
import { MemoryLibrary, sourceFromText } from "../../src/engine/library.ts";
import { translator } from "../../src/i18n/messages.ts";
import { ButtonCodec } from "../../src/interactions/buttons.ts";
import { loadCommands } from "../../src/interactions/command.ts";
import {
  type HandlerDeps,
  handleInteraction,
  type InteractionInput,
} from "../../src/interactions/handler.ts";
import { ACCENT, renderCard, sourceUrl } from "../../src/render/cards.ts";
import { IS_COMPONENTS_V2 } from "../../src/render/limits.ts";
import type { Reply } from "../../src/render/reply.ts";
import { cardOf } from "../card-view.ts";
import { messagePayloadSchema } from "../discord-limits-schema.ts";
import { FIXTURES } from "../helpers.ts";

const library = new MemoryLibrary();
library.add(
  sourceFromText(
    "riverside",
    "riverside-library-reopens.md",
    readFileSync(join(FIXTURES, "riverside-library-reopens.md"), "utf8"),
  ),
);
const place = { serverId: "500000000000000001", channelId: "500000000000000002" };
const ASKER = "600000000000000001";

const deps = async (): Promise<HandlerDeps> => ({
  library,
  commands: await loadCommands(),
  buttons: new ButtonCodec("cards test secret"),
  onError: (error: unknown) => {
    throw error;
  },
});

const data = (reply: Reply) => {
  if (reply.type !== "message" && reply.type !== "update") throw new Error(`not a message: ${reply.type}`);
  return reply.data;
};

const command = (name: string, options: Record<string, string | number | boolean>, extra: object = {}) =>
  ({ kind: "command", id: "1", name, options, userId: ASKER, place, ...extra }) as InteractionInput;

const click = (customId: string, userId = ASKER, locale?: string): InteractionInput => ({
  kind: "button",
  id: "2",
  customId,
  userId,
  place,
  locale,
});

describe("an answer card", () => {
  it("holds the answer line, each excerpt with its ¶ and a Show context button, and the Source link", async () => {
    const reply = data(handleInteraction(command("who", { query: "Castellanos" }), await deps()));
    expect(messagePayloadSchema.safeParse(reply).success).toBe(true);
    expect(reply.flags).toBe(IS_COMPONENTS_V2);
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    const card = cardOf(reply);
    expect(card.accent).toBe(ACCENT.who);
    expect(card.title).toBe("Who: Zoë Castellanos");
    expect(card.texts[1]).toBe(
      "> Mayor **Zoë Castellanos** cut the ribbon in front of about 300 residents.\n-# ¶2",
    );
    expect(card.footer).toBe("Riverside library reopens after two-year rebuild · 2025-06-12 · ¶ = paragraph");
    expect(card.buttons.map((b) => b.label)).toEqual(["Show context", "Ask a follow-up", "Source"]);
    expect(card.buttons[2]?.url).toBe(
      "https://example.org/news/riverside-library#:~:text=Mayor%20Zo%C3%AB%20Castellanos%20cut%20the%20ribbon%20in%20front",
    );
  });

  it("takes its colour from the verdict of a check", async () => {
    const d = await deps();
    const accent = (claim: string) => cardOf(data(handleInteraction(command("check", { claim }), d))).accent;
    expect(accent("The library reopened on Tuesday.")).toBe(ACCENT.supported);
    expect(accent("The library reopened on Friday.")).toBe(ACCENT.contradicted);
    expect(accent("The library has a swimming pool.")).toBe(ACCENT.notInArticle);
  });

  it("Show context shows the paragraph before and after, privately, with the cited part in bold", async () => {
    const d = await deps();
    const card = cardOf(data(handleInteraction(command("who", { query: "Castellanos" }), d)));
    const context = data(handleInteraction(click(card.buttons[0]?.id ?? ""), d));
    expect(messagePayloadSchema.safeParse(context).success).toBe(true);
    expect(context.flags).toBe(IS_COMPONENTS_V2 | 64);
    const shown = cardOf(context);
    expect(shown.title).toBe("¶2");
    expect(shown.texts.slice(1, 4).map((t) => t.split("\n")[0])).toEqual([
      "-# ¶1",
      "> **Mayor Zoë Castellanos cut the ribbon in front of about 300 residents.** **“This building belongs to every family in Riverside,”** Castellanos said. **“We kept our promise — and we kept it on budget.”**",
      "-# ¶3",
    ]);
  });

  it("gets shorter and longer with Shorter/Longer, 1 to 7 sentences, for the asker only", async () => {
    const d = await deps();
    const first = data(handleInteraction(command("summary", { sentences: 2 }), d));
    const sentences = (payload: typeof first) =>
      cardOf(payload).texts.filter((t) => t.startsWith("> ")).length;
    expect(sentences(first)).toBe(2);
    const button = (payload: typeof first, label: string) =>
      cardOf(payload).buttons.find((b) => b.label === label) ?? { id: "", disabled: true };
    const shorter = handleInteraction(click(button(first, "Shorter").id), d);
    expect(shorter.type).toBe("update");
    expect(sentences(data(shorter))).toBe(1);
    expect(button(data(shorter), "Shorter").disabled).toBe(true);
    const longer = handleInteraction(click(button(first, "Longer").id), d);
    expect(sentences(data(longer))).toBe(3);
    expect(button(data(longer), "Longer").disabled).toBe(false);
    const other = data(handleInteraction(click(button(first, "Longer").id, "600000000000000002"), d));
    expect(other.content).toBe(
      "Only the person who asked can change this answer's length. Run /summary yourself to get your own.",
    );
    expect(other.flags).toBe(64);
  });

  it("stops Longer where the article has nothing more to give", async () => {
    const d = await deps();
    let reply = data(handleInteraction(command("summary", { sentences: 5 }), d));
    const longer = () => cardOf(reply).buttons.find((b) => b.label === "Longer");
    for (let i = 0; i < 5 && longer()?.disabled === false; i++)
      reply = data(handleInteraction(click(longer()?.id ?? ""), d));
    const count = cardOf(reply).texts.filter((t) => t.startsWith("> ")).length;
    expect(count).toBeLessThanOrEqual(7);
    expect(longer()?.disabled).toBe(true);
  });

  it("speaks German to a de user, while the answer stays in the article's words", async () => {
    const d = await deps();
    const found = data(handleInteraction(command("summary", { sentences: 2 }, { locale: "de" }), d));
    expect(cardOf(found).buttons.map((b) => b.label)).toEqual([
      "Kontext zeigen",
      "Kontext zeigen",
      "Kürzer",
      "Länger",
      "Nachfrage stellen",
      "Quelle",
    ]);
    expect(cardOf(found).footer).toBe(
      "Riverside library reopens after two-year rebuild · 2025-06-12 · ¶ = Absatz",
    );
    const missing = data(
      handleInteraction(command("ask", { question: "Who designed the swimming pool?" }, { locale: "de" }), d),
    );
    expect(cardOf(missing).texts[0]?.split("\n").slice(1, 2)).toEqual(["Das steht nicht im Artikel."]);
    expect(cardOf(missing).text).toContain("citebot antwortet nur mit den eigenen Worten des Artikels.");
    const stale = data(handleInteraction(click("b1|forged|p|0", ASKER, "de"), d));
    expect(stale.content).toBe(
      "Diese Schaltflächen sind abgelaufen (der Bot wurde neu gestartet oder die Antwort ist alt). Führe den Befehl erneut aus.",
    );
  });
});

describe("the card renderer", () => {
  it("gives undefined when a page breaks a card's limits, so the handler sends the embed", () => {
    const long = Array.from(
      { length: 6 },
      (_, i) =>
        `"${"This is a long quoted sentence that goes on and on. ".repeat(13)}Part ${i}," Ana Silva said.`,
    ).join("\n\n");
    const lib = new MemoryLibrary();
    lib.add(sourceFromText("long", "long", `date 2024-01-01 ${long}`));
    const quotes = answer(
      lib.get("long")!,
      answerRequestSchema.parse({ command: "quote", speaker: "Silva" }),
    );
    // A page the embed holds (its title and footer are counted apart), with a long title and article title.
    const a = {
      ...quotes,
      query: `speaker:${"Silva ".repeat(45)}`,
      article: { ...quotes.article, title: "T".repeat(180) },
    };
    expect(renderCard(a, { t: translator("en") })).toBeUndefined();
    expect(renderCard(quotes, { t: translator("en") })).toBeDefined();
  });

  it("makes a text fragment of the excerpt's first words, with - and , escaped", () => {
    expect(sourceUrl("https://example.org/a", "Far-reaching cuts, the council said, were due.")).toBe(
      "https://example.org/a#:~:text=Far%2Dreaching%20cuts%2C%20the%20council%20said%2C%20were%20due.",
    );
    expect(sourceUrl("https://example.org/a#top", "Hello")).toBe("https://example.org/a#top:~:text=Hello");
  });
});
