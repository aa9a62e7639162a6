// What answering an interaction needs, built once from the configuration: the gateway bot and the HTTP endpoint
// share it, so both answer the same way.
import type { Logger } from "pino";
import type { ArticleService } from "../app/article-service.ts";
import { fetchOptionsFrom } from "../app/open-articles.ts";
import type { Config } from "../config.ts";
import { fetchResource } from "../ingest/fetch.ts";
import type { Cooldowns } from "../store/shared-state.ts";
import { ButtonCodec, buttonSecret } from "./buttons.ts";
import type { Channels } from "./channels.ts";
import type { HandlerDeps } from "./handler.ts";
import type { RouteDeps } from "./route.ts";

export interface RouteDepsOptions {
  config: Config;
  library: HandlerDeps["library"];
  commands: HandlerDeps["commands"];
  articles: ArticleService | undefined;
  /** The opened services' shared state (`OpenArticles.shared`): every process must use the same one. */
  cooldowns: Cooldowns;
  logger: Logger;
  /** Posts on the bot's own: follow-up threads. */
  channels?: Channels | undefined;
}

export function routeDepsFor({
  config,
  library,
  commands,
  articles,
  cooldowns,
  logger,
  channels,
}: RouteDepsOptions): RouteDeps {
  const fetchOptions = fetchOptionsFrom(config);
  return {
    library,
    articles,
    download: async (attachment) => (await fetchResource(attachment.url, fetchOptions)).bytes,
    commands,
    buttons: new ButtonCodec(buttonSecret(config)),
    cooldowns,
    cooldownMs: config.COMMAND_COOLDOWN_MS,
    channels,
    onError: (error, input) =>
      logger.error({ err: error, interactionId: input.id, kind: input.kind }, "interaction failed"),
  };
}
