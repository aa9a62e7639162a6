// The feed service of a running bot, found from its ArticleService (which every action command is given), so
// the commands' shared context needs no new field. Registered at start-up where feeds can be kept.
import type { ArticleService } from "../app/article-service.ts";
import type { FeedService } from "./feed-service.ts";

const services = new WeakMap<ArticleService, FeedService>();

export function registerFeeds(articles: ArticleService, feeds: FeedService): void {
  services.set(articles, feeds);
}

export function feedsOf(articles: ArticleService): FeedService | undefined {
  return services.get(articles);
}
