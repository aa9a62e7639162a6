// What answering an interaction needs, built once from the configuration: the gateway bot and the HTTP endpoint
// share it, so both answer the same way.
import type { Logger } from "pino";
import type { ArticleService } from "../app/article-service.ts";
import { fetchOptionsFrom } from "../app/open-articles.ts";
import type { Config } from "../config.ts";
import { fetchResource } from "../ingest/fetch.ts";
import { ButtonCodec, buttonSecret } from "./buttons.ts";
import { Cooldowns, type HandlerDeps } from "./handler.ts";
import type { RouteDeps } from "./route.ts";

export interface RouteDepsOptions {
  config: Config;
  library: HandlerDeps["library"];
  commands: HandlerDeps["commands"];
  articles: ArticleService | undefined;
  logger: Logger;
}

export function routeDepsFor({ config, library, commands, articles, logger }: RouteDepsOptions): RouteDeps {
  const fetchOptions = fetchOptionsFrom(config);
  return {
    library,
    articles,
    download: async (attachment) => (await fetchResource(attachment.url, fetchOptions)).bytes,
    commands,
    buttons: new ButtonCodec(buttonSecret(config)),
    cooldowns: new Cooldowns(config.COMMAND_COOLDOWN_MS),
    now: () => Date.now(),
    onError: (error, input) =>
      logger.error({ err: error, interactionId: input.id, kind: input.kind }, "interaction failed"),
  };
}
