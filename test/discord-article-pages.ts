// Articles invented for the Discord tests of adding articles, and the pages and files that carry them.

export interface TestArticle {
  title: string;
  date: string;
  author: string;
  publisher: string;
  paragraphs: string[];
}

export const NIGHT_BUSES: TestArticle = {
  title: "Night buses return to the Kestrel Valley line after two years",
  date: "2025-06-02",
  author: "Ines Marlow",
  publisher: "Valley Courier",
  paragraphs: [
    "Night buses will run again on the Kestrel Valley line from Monday, the regional transit board said on Thursday, two years after the service was cut to save money.",
    "“Shift workers told us again and again that the last bus left them stranded,” said Rosa Delacourt, the chair of the transit board, at a meeting in the depot at Alder Cross.",
    "The buses will leave the central station every forty minutes between midnight and five in the morning, and the board has hired eleven drivers to staff the new timetable.",
    "Delacourt said the service would cost about two million a year, paid for by a parking charge at the new hospital that the council approved in March.",
    "Nurses at the hospital had collected more than two thousand signatures for the return of the night route, said Tobias Fenn, who organised the petition.",
  ],
};

export const SEED_LANE: TestArticle = {
  title: "Seed library opens in the old post office on Wren Lane",
  date: "2025-04-11",
  author: "Colm Hardy",
  publisher: "Wren Lane Gazette",
  paragraphs: [
    "A seed library opened on Saturday in the old post office on Wren Lane, where gardeners can borrow packets of seeds and return seeds from their own harvest in the autumn.",
    "“We want every balcony in the borough to grow something,” said Amara Voss, the volunteer who started the project with a grant from the parish council.",
    "The shelves hold more than three hundred varieties, from runner beans to rare tomatoes, and volunteers will run a sowing class every second Sunday.",
    "Voss said the library had already lent four hundred packets in its first week, most of them to families with children.",
  ],
};

/** A publisher's page: JSON-LD NewsArticle in a @graph, with navigation and a share bar around the body. */
export function articlePage(a: TestArticle): string {
  const ld = {
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "WebSite", name: a.publisher },
      {
        "@type": ["NewsArticle"],
        headline: a.title,
        datePublished: `${a.date}T07:30:00Z`,
        author: { "@type": "Person", name: a.author },
        publisher: { "@type": "Organization", name: a.publisher },
      },
    ],
  };
  return `<!doctype html><html><head><meta charset="utf-8"><title>${a.title} | ${a.publisher}</title>
<script type="application/ld+json">${JSON.stringify(ld)}</script></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<main><article><h1>${a.title}</h1><p class="byline">By ${a.author}</p>
${a.paragraphs.map((p) => `<p>${p}</p>`).join("\n")}
</article></main><footer><p>© ${a.publisher}</p></footer></body></html>`;
}

/** A front page: many links, no article. */
export function frontPage(): string {
  const links = Array.from(
    { length: 30 },
    (_, i) => `<li><a href="/story-${i}">Story number ${i} from the valley</a></li>`,
  ).join("");
  return `<!doctype html><html><head><title>Valley Courier</title></head><body><h1>Valley Courier</h1><ul>${links}</ul></body></html>`;
}

/** The same article as citebot's own text format (a `.md` attachment or pasted text). */
export function articleText(a: TestArticle): string {
  return `---\ntitle: ${a.title}\ndate: ${a.date}\nauthor: ${a.author}\nsource: ${a.publisher}\n---\n\n${a.paragraphs.join("\n\n")}\n`;
}
