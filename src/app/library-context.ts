// The full-text search beside an ArticleService, kept per service so the adapters' shared contexts need no
// new field: the store's index for stored articles and an in-memory index of the built-in ones.
import type { ArticleService } from "./article-service.ts";
import { LibrarySearch } from "./library-answers.ts";

const searches = new WeakMap<ArticleService, LibrarySearch>();

/** The library search over this service's store and built-in articles (made on first use). */
export function librarySearch(service: ArticleService): LibrarySearch {
  let search = searches.get(service);
  if (!search) {
    search = new LibrarySearch(service.store, service.seeds);
    searches.set(service, search);
  }
  return search;
}
