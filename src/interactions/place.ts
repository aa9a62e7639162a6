// Where an interaction happened and whose library it reads. A server that installed citebot shares one library;
// anywhere else (DMs, group DMs, a server where only the user installed the app) the user's own library is used.
// Both transports read the same facts off the interaction (owners, channel, permissions) and call `placeFrom`.

import type { Translate } from "../i18n/messages.ts";

/** Discord's Use External Apps permission: without it, a user-installed app may answer only privately. */
const USE_EXTERNAL_APPS = 1n << 50n;
/** Channel types of threads (announcement, public, private). */
const THREAD_TYPES: ReadonlySet<number> = new Set([10, 11, 12]);

/** Where an interaction happened. */
export interface Place {
  /** The library read and written: the guild's id, or `user:<id>` for the user's own library. */
  serverId: string;
  channelId: string;
  /** Replies must be private (a user-installed app in a server whose member lacks Use External Apps). */
  privateOnly?: boolean | undefined;
  /** The bot can open threads here: a server that installed the app. */
  threads?: boolean | undefined;
  /** The interaction came from inside a thread. */
  inThread?: boolean | undefined;
}

const USER_PREFIX = "user:";

/** The id of a user's own library. */
export const userLibrary = (userId: string) => `${USER_PREFIX}${userId}`;

export const isUserLibrary = (serverId: string) => serverId.startsWith(USER_PREFIX);

/** How replies name the library a place reads, in the user's language. */
export const libraryName = (place: Place, t: Translate) =>
  t(isUserLibrary(place.serverId) ? "library.user" : "library.server");

/** The facts of an interaction that decide its place, as both transports read them. */
export interface PlaceFacts {
  userId: string;
  guildId?: string | null | undefined;
  channelId?: string | null | undefined;
  channelType?: number | null | undefined;
  /**
   * `authorizing_integration_owners`: `"0"` is the guild that installed the app. Absent (an older payload)
   * means a server interaction is a server install.
   */
  owners?: Readonly<Record<string, string | undefined>> | undefined;
  /** The member's permission bits, as Discord sends them. */
  permissions?: bigint | string | null | undefined;
}

export function placeFrom(facts: PlaceFacts): Place {
  const { guildId, userId } = facts;
  const inThread = facts.channelType != null && THREAD_TYPES.has(facts.channelType);
  const serverInstalled = guildId != null && (facts.owners === undefined || facts.owners["0"] === guildId);
  if (guildId != null && serverInstalled)
    return { serverId: guildId, channelId: facts.channelId ?? guildId, threads: true, inThread };
  const own = userLibrary(userId);
  const permissions = facts.permissions == null ? 0n : BigInt(facts.permissions);
  return {
    serverId: own,
    channelId: facts.channelId ?? own,
    privateOnly: guildId != null && (permissions & USE_EXTERNAL_APPS) === 0n,
    inThread,
  };
}

/** A DM with no place given (tests, older payloads): the user's own library. */
export const ownPlace = (userId: string): Place => ({
  serverId: userLibrary(userId),
  channelId: userLibrary(userId),
});
