// Stateless buttons: the custom_id carries the request, signed for one server; any codec with the secret reads it.
import { describe, expect, it } from "vitest";
import { ButtonCodec, buttonSecret } from "../../src/interactions/buttons.ts";
import { cardOf } from "../card-view.ts";

const SERVER = "200000000000000001";
const ASKER = "300000000000000001";
const state = {
  action: "page" as const,
  arg: 2,
  request: { command: "quote", article: "harbour-ferry-fares", speaker: "Tomas | Brell 100%", topic: "fuel" },
  ephemeral: true,
};

describe("button custom ids", () => {
  const codec = new ButtonCodec("one secret shared by all workers");

  it("round-trips on another codec with the same secret, within 100 characters", () => {
    const id = codec.encode(state, SERVER, ASKER) as string;
    expect(id.length).toBeLessThanOrEqual(100);
    const other = new ButtonCodec("one secret shared by all workers");
    expect(other.decode(id, SERVER, ASKER)).toEqual({ ...state, byOwner: true });
    expect(other.decode(id, SERVER, "300000000000000002")).toEqual({ ...state, byOwner: false });
  });

  it("refuses an altered id, another server, and another secret", () => {
    const id = codec.encode(state, SERVER, ASKER) as string;
    expect(codec.decode(id.replace("|p|2|", "|p|3|"), SERVER, ASKER)).toBeNull();
    expect(codec.decode(id.replace("fuel", "fuek"), SERVER, ASKER)).toBeNull();
    expect(codec.decode(id, "200000000000000002", ASKER)).toBeNull();
    expect(new ButtonCodec("another secret entirely").decode(id, SERVER, ASKER)).toBeNull();
    expect(codec.decode("cb:page:abc:1", SERVER, ASKER)).toBeNull();
  });

  it("gives no id when the request does not fit in 100 characters", () => {
    const long = { ...state, request: { command: "who", article: "a".repeat(40), query: "b".repeat(60) } };
    expect(codec.encode(long, SERVER, ASKER)).toBeUndefined();
  });

  it("takes BUTTON_SECRET first, then a secret derived from the token, else a random one", () => {
    expect(buttonSecret({ BUTTON_SECRET: "set by the operator!" })).toBe("set by the operator!");
    const fromToken = buttonSecret({ DISCORD_TOKEN: "a.b.c" });
    expect(buttonSecret({ DISCORD_TOKEN: "a.b.c" })).toEqual(fromToken);
    expect(buttonSecret({})).not.toEqual(buttonSecret({}));
  });
});

describe("answers rendered once, buttons per asker", () => {
  it("gives a second asker the same card with their own buttons", async () => {
    const { loadLibrary } = await import("../../src/files/folder-library.ts");
    const { loadCommands } = await import("../../src/interactions/command.ts");
    const { handleInteraction } = await import("../../src/interactions/handler.ts");
    const { SEEDS } = await import("../helpers.ts");
    const codec = new ButtonCodec("one secret shared by all workers");
    const deps = {
      library: loadLibrary(SEEDS),
      commands: await loadCommands(),
      buttons: codec,
      onError: (error: unknown) => {
        throw error;
      },
    };
    const place = { serverId: SERVER, channelId: "400000000000000001" };
    const asked = (userId: string) =>
      handleInteraction({ kind: "command", id: "1", name: "when", options: {}, userId, place }, deps);
    const first = asked(ASKER);
    const second = asked("300000000000000002");
    if (first.type !== "message" || second.type !== "message") throw new Error("expected messages");
    expect(cardOf(second.data).text).toEqual(cardOf(first.data).text);
    const ids = (reply: typeof first) =>
      reply.type === "message" ? cardOf(reply.data).buttons.map((b) => b.id) : [];
    const [firstId] = ids(first);
    const [secondId] = ids(second);
    expect(firstId).not.toBe(secondId);
    expect(codec.decode(secondId as string, SERVER, "300000000000000002")?.byOwner).toBe(true);
    expect(codec.decode(firstId as string, SERVER, "300000000000000002")?.byOwner).toBe(false);
  });
});
