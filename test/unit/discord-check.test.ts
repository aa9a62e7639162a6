// /check and the message command "Check against the article": private answers with a Share button that posts
// the shown answer to the channel, pinging no one; over the HTTP endpoint the message comes with the click.
import type { APIMessageTopLevelComponent } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { MemoryLibrary, sourceFromText } from "../../src/engine/library.ts";
import { parseInteraction } from "../../src/http/interaction-input.ts";
import { ButtonCodec } from "../../src/interactions/buttons.ts";
import { loadCommands } from "../../src/interactions/command.ts";
import { type HandlerDeps, handleInteraction } from "../../src/interactions/handler.ts";
import { ACCENT } from "../../src/render/cards.ts";
import { IS_COMPONENTS_V2 } from "../../src/render/limits.ts";
import type { Reply } from "../../src/render/reply.ts";
import { cardOf } from "../card-view.ts";
import { messagePayloadSchema } from "../discord-limits-schema.ts";

/** A server that installed the app: its members share one library. */
const SERVER = { serverId: "900000000000000001", channelId: "900000000000000002" };

const ARTICLE =
  "date 2026-05-06 The Harlow ferry resumed service on Friday after a two-week strike, the operator said.\n\n" +
  "About 1,200 passengers use the ferry every day, operator chief Nadia Brenner said.";

const library = new MemoryLibrary();
library.add(sourceFromText("ferry", "ferry", ARTICLE));

const deps = async (): Promise<HandlerDeps> => ({
  library,
  commands: await loadCommands(),
  buttons: new ButtonCodec("a test secret"),
  onError: (error: unknown) => {
    throw error;
  },
});

type MessageReply = Extract<Reply, { type: "message" | "update" }>;
const message = (reply: Reply): MessageReply["data"] => {
  if (reply.type !== "message" && reply.type !== "update") throw new Error(`not a message: ${reply.type}`);
  return reply.data;
};
const buttons = (reply: Reply) => cardOf(message(reply)).buttons;

describe("Check against the article (message command)", () => {
  const claims = "The ferry resumed service on Thursday. About 1,200 passengers use the ferry every day.";

  it("answers privately from the message's own text, with context buttons and Share", async () => {
    const reply = handleInteraction(
      {
        kind: "command",
        id: "1",
        name: "Check against the article",
        options: {},
        userId: "u",
        place: SERVER,
        target: { content: claims, attachments: [] },
      },
      await deps(),
    );
    const data = message(reply);
    expect(messagePayloadSchema.safeParse(data).success).toBe(true);
    expect(data.flags).toBe(64 | IS_COMPONENTS_V2);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const card = cardOf(data);
    // A contradicted claim makes the card red.
    expect(card.accent).toBe(ACCENT.contradicted);
    expect(card.texts[0]?.split("\n").slice(1, 4)).toEqual([
      "2 claims: 1 supported, 1 contradicted, 0 not in the article.",
      "Contradicted — “The ferry resumed service on Thursday”: Thursday → Friday (¶1)",
      "Supported — “About 1,200 passengers use the ferry every day” (¶2)",
    ]);
    expect(buttons(reply).map((b) => b.label)).toEqual([
      "Show context",
      "Show context",
      "Ask a follow-up",
      "Share to channel",
    ]);
  });

  it("says plainly when the message has no text", async () => {
    const reply = handleInteraction(
      {
        kind: "command",
        id: "2",
        name: "Check against the article",
        options: {},
        userId: "u",
        place: SERVER,
        target: { content: "  ", attachments: [] },
      },
      await deps(),
    );
    expect(message(reply).content).toBe(
      "That message has no text to check (only a message's own words are read)",
    );
  });

  it("Share posts the shown answer to the channel, for the asker only, pinging no one", async () => {
    const d = await deps();
    const first = handleInteraction(
      {
        kind: "command",
        id: "3",
        name: "Check against the article",
        options: {},
        userId: "u",
        place: SERVER,
        target: { content: claims, attachments: [] },
      },
      d,
    );
    const shown = (message(first).components ?? []) as APIMessageTopLevelComponent[];
    const share = buttons(first).find((b) => b.label === "Share to channel")?.id ?? "";
    const click = (userId: string) =>
      handleInteraction(
        {
          kind: "button",
          id: "4",
          customId: share,
          userId,
          place: SERVER,
          message: { embeds: [], components: shown },
        },
        d,
      );
    const shared = message(click("u"));
    // The card as it was shown, public, with no buttons left to press.
    expect(shared.flags).toBe(IS_COMPONENTS_V2);
    expect(shared.allowed_mentions).toEqual({ parse: [] });
    expect(cardOf(shared).text).toBe(cardOf(message(first)).text);
    expect(cardOf(shared).accent).toBe(ACCENT.contradicted);
    expect(cardOf(shared).buttons).toEqual([]);
    expect(message(click("v")).content).toBe("Only the person who ran the check can share it.");
  });
});

describe("/check claim:", () => {
  it("answers in public unless private, and private answers can be shared", async () => {
    const d = await deps();
    const ask = (options: Record<string, string | boolean>) =>
      handleInteraction({ kind: "command", id: "5", name: "check", options, userId: "u", place: SERVER }, d);
    const open = ask({ claim: "The ferry resumed service on Friday." });
    expect(message(open).flags).toBe(IS_COMPONENTS_V2);
    expect(cardOf(message(open)).title).toBe("Check: The ferry resumed service on Friday");
    expect(cardOf(message(open)).accent).toBe(ACCENT.supported);
    expect(buttons(open).map((b) => b.label)).toEqual(["Show context", "Ask a follow-up"]);
    const hidden = ask({ claim: "The ferry resumed service on Friday.", private: true });
    expect(buttons(hidden).map((b) => b.label)).toEqual([
      "Show context",
      "Ask a follow-up",
      "Share to channel",
    ]);
  });
});

describe("the HTTP endpoint's message command and Share click", () => {
  const base = { id: "9", application_id: "1", token: "t", guild_id: "g", channel_id: "c" };

  it("takes the checked message from data.resolved.messages", () => {
    const parsed = parseInteraction(
      JSON.stringify({
        ...base,
        type: 2,
        member: { user: { id: "u" } },
        data: {
          name: "Check against the article",
          type: 3,
          target_id: "42",
          resolved: { messages: { "42": { content: "The ferry resumed on Friday." } } },
        },
      }),
    );
    expect(parsed.input?.kind === "command" && parsed.input.target?.content).toBe(
      "The ferry resumed on Friday.",
    );
  });

  it("takes the clicked message's embeds for Share", () => {
    const parsed = parseInteraction(
      JSON.stringify({
        ...base,
        type: 3,
        member: { user: { id: "u" } },
        message: {
          embeds: [{ title: "Check: x", description: "Supported", color: 1, footer: { text: "f" } }],
        },
        data: { custom_id: "b1|x" },
      }),
    );
    expect(parsed.input?.kind === "button" && parsed.input.message).toEqual({
      embeds: [{ title: "Check: x", description: "Supported", color: 1, footer: { text: "f" } }],
    });
  });
});
