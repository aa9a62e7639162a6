// Whose library an interaction reads, and when its replies must be private, from the facts Discord sends.
import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/messages.ts";
import { libraryName, type PlaceFacts, placeFrom } from "../../src/interactions/place.ts";

const USER = "510000000000000001";
const GUILD = "520000000000000002";
const CHANNEL = "530000000000000003";
const EXTERNAL_APPS = (1n << 50n).toString();

const cases: { name: string; facts: PlaceFacts; place: ReturnType<typeof placeFrom> }[] = [
  {
    name: "a server that installed the app shares the server's library, and threads may be opened",
    facts: { userId: USER, guildId: GUILD, channelId: CHANNEL, channelType: 0, owners: { "0": GUILD } },
    place: { serverId: GUILD, channelId: CHANNEL, threads: true, inThread: false },
  },
  {
    name: "an older payload without owners is a server install",
    facts: { userId: USER, guildId: GUILD, channelId: CHANNEL },
    place: { serverId: GUILD, channelId: CHANNEL, threads: true, inThread: false },
  },
  {
    name: "a thread in an installed server",
    facts: {
      userId: USER,
      guildId: GUILD,
      channelId: "540000000000000004",
      channelType: 11,
      owners: { "0": GUILD },
    },
    place: { serverId: GUILD, channelId: "540000000000000004", threads: true, inThread: true },
  },
  {
    name: "a DM reads the user's own library",
    facts: { userId: USER, channelId: CHANNEL, channelType: 1, owners: { "1": USER } },
    place: { serverId: `user:${USER}`, channelId: CHANNEL, privateOnly: false, inThread: false },
  },
  {
    name: "a server where only the user installed the app, member without Use External Apps: private",
    facts: { userId: USER, guildId: GUILD, channelId: CHANNEL, owners: { "1": USER }, permissions: "2048" },
    place: { serverId: `user:${USER}`, channelId: CHANNEL, privateOnly: true, inThread: false },
  },
  {
    name: "the same with Use External Apps: public",
    facts: {
      userId: USER,
      guildId: GUILD,
      channelId: CHANNEL,
      owners: { "1": USER },
      permissions: EXTERNAL_APPS,
    },
    place: { serverId: `user:${USER}`, channelId: CHANNEL, privateOnly: false, inThread: false },
  },
];

describe("the place of an interaction", () => {
  for (const { name, facts, place } of cases)
    it(name, () => {
      expect(placeFrom(facts)).toEqual(place);
    });

  it("names the library a reply talks about", () => {
    const en = translator("en");
    expect(libraryName({ serverId: GUILD, channelId: CHANNEL }, en)).toBe("this server's library");
    expect(libraryName({ serverId: `user:${USER}`, channelId: CHANNEL }, en)).toBe("your library");
    expect(libraryName({ serverId: `user:${USER}`, channelId: CHANNEL }, translator("de"))).toBe(
      "deine Bibliothek",
    );
  });
});
