// Messages the bot sends on its own rather than as an interaction's reply: a feed's new items and a follow-up's
// thread. The gateway bot passes its client's REST; the HTTP endpoint makes one from DISCORD_TOKEN.
import { DiscordAPIError, REST, Routes } from "discord.js";
import { z } from "zod";
import type { MessagePayload } from "../render/reply.ts";

export interface Channels {
  /** Opens the thread on a message (or finds the one already there); resolves to the thread's channel id. */
  openThread(channelId: string, messageId: string, name: string): Promise<string>;
  post(channelId: string, data: MessagePayload): Promise<void>;
}

/** Discord's code for "a thread has already been created for this message". */
const THREAD_ALREADY_CREATED = 160004;
/** A thread is archived after a day without messages (Discord reopens it on the next one). */
const ARCHIVE_AFTER_MINUTES = 1440;
const THREAD_NAME_MAX = 100;
/** The part of Discord's answer to a new thread that is read: its id. */
const createdThread = z.object({ id: z.string() });

export function restChannels(rest: REST): Channels {
  return {
    async openThread(channelId, messageId, name) {
      try {
        const thread = createdThread.parse(
          await rest.post(Routes.threads(channelId, messageId), {
            body: { name: name.slice(0, THREAD_NAME_MAX), auto_archive_duration: ARCHIVE_AFTER_MINUTES },
          }),
        );
        return thread.id;
      } catch (error) {
        // A thread started from a message has the message's id.
        if (error instanceof DiscordAPIError && error.code === THREAD_ALREADY_CREATED) return messageId;
        throw error;
      }
    },
    async post(channelId, { files, ...body }) {
      await rest.post(Routes.channelMessages(channelId), {
        body: files?.length
          ? {
              ...body,
              attachments: files.map((f, id) => ({ id, filename: f.name, description: f.description })),
            }
          : body,
        ...(files?.length ? { files: files.map((f) => ({ name: f.name, data: Buffer.from(f.data) })) } : {}),
      });
    },
  };
}

/** REST for a process with no gateway client (the HTTP endpoint): needs the bot token. */
export function tokenChannels(token: string, apiBase: string | undefined): Channels {
  return restChannels(new REST(apiBase ? { api: apiBase } : {}).setToken(token));
}
