// Pages in the layouts publishers use, around article texts invented for these tests.

export interface PageArticle {
  title: string;
  date: string;
  author?: string;
  /** The article as written: what extraction must give back. */
  paragraphs: string[];
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const paras = (ps: string[]) => ps.map((p) => `<p>${esc(p)}</p>`).join("\n");

const SITE_NAV = `<header class="site-header"><a class="logo" href="/">The Coastal Ledger</a>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/opinion">Opinion</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>`;
const SITE_FOOTER = `<footer class="site-footer"><p>© 2025 The Coastal Ledger. All rights reserved.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>`;
const SHARE_BAR = `<div class="share-bar"><span>Share this article</span><a href="#">Facebook</a><a href="#">X</a><a href="#">Email</a></div>`;
const NEWSLETTER = `<div class="newsletter-signup"><h3>Morning Briefing</h3><p>Sign up for our free morning email with the day's top stories from around the bay.</p><form><input type="email" placeholder="Email"><button>Sign up</button></form></div>`;
const RELATED = `<section class="related-stories"><h2>Related stories</h2><ul>
<li><a href="/a">Island school to close early for summer repairs</a></li>
<li><a href="/b">Council debates new parking rules near the marina</a></li>
<li><a href="/c">Fishing fleet reports its best month in a decade</a></li></ul></section>`;

export const FERRY: PageArticle = {
  title: "Harbour ferry fares to rise twelve percent in April",
  date: "2025-03-14",
  author: "Mara Quill",
  paragraphs: [
    "The harbour authority said on Friday that ferry fares would rise by twelve percent from April, the first increase in six years, citing fuel costs and an ageing fleet that needs constant repair.",
    "“We held prices for as long as we could,” said Tomas Brell, the authority's finance director, at a meeting with commuters in the old customs hall on Thursday night.",
    "Brell said two of the four boats on the bay route were built before 1990 and spent a combined eleven weeks in dry dock last year, leaving crowded sailings and long queues at the north pier.",
    "Commuters push back",
    "Several regular passengers said the increase would hurt workers who cross the bay twice a day, and a petition against the change had gathered nearly four thousand names by Thursday evening.",
    "“A monthly pass already costs more than my electricity bill,” said Lena Okafor, a nurse who travels to the island hospital five days a week.",
    "The authority will hold two public hearings before the council votes on the new fares next month, and it said discounts for students and pensioners would stay in place.",
  ],
};

/** JSON-LD in an @graph, `@type` as an array, the publisher by reference; share bar, figure, newsletter box. */
export function graphPage(a: PageArticle): string {
  const ld = {
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "WebSite", "@id": "https://ledger.example/#site", name: "The Coastal Ledger" },
      { "@type": "Organization", "@id": "https://ledger.example/#org", name: "The Coastal Ledger" },
      {
        "@type": ["NewsArticle", "Article"],
        headline: a.title,
        datePublished: `${a.date}T09:00:00-05:00`,
        dateModified: `${a.date}T15:20:00-05:00`,
        author: [{ "@type": "Person", name: a.author }],
        publisher: { "@id": "https://ledger.example/#org" },
      },
    ],
  };
  const [first, second, ...rest] = a.paragraphs;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${esc(a.title)} | The Coastal Ledger</title>
<meta property="og:title" content="${esc(a.title)}"><meta property="og:type" content="article">
<link rel="canonical" href="https://ledger.example/news/2025/03/ferry-fares">
<script type="application/ld+json">${JSON.stringify(ld)}</script>
<script>window.dataLayer = [];</script></head><body>
${SITE_NAV}
<main><article class="story">
<header class="story-header"><h1>${esc(a.title)}</h1>
<p class="byline">By <a href="/staff/mq">${esc(a.author ?? "")}</a> · <time datetime="${a.date}T09:00:00-05:00">March 14, 2025</time></p></header>
${SHARE_BAR}
<figure class="lead-image"><img src="/img/ferry.jpg" alt="A ferry"><figcaption>The morning ferry leaves the north pier. Photo: Staff photographer</figcaption></figure>
<div class="story-body">
<p>${esc(first ?? "")}</p>
<p>${esc(second ?? "")}</p>
${NEWSLETTER}
${rest.map((p) => (p.length < 40 ? `<h2>${esc(p)}</h2>` : `<p>${esc(p)}</p>`)).join("\n")}
<p class="read-more"><a href="/x">Read more: Island school to close early for summer repairs</a></p>
</div>
${SHARE_BAR}
</article>
<aside class="sidebar"><h2>Most read</h2><ol><li><a href="/m1">Tide tables for the week</a></li><li><a href="/m2">Bridge works begin</a></li></ol></aside>
${RELATED}
</main>
${SITE_FOOTER}
</body></html>`;
}

export const LIBRARY_CLUB: PageArticle = {
  title: "Robots in the reading room: how a small-town library found its busiest club",
  date: "2024-11-02",
  author: "Pieter Vands",
  paragraphs: [
    "On Tuesday evenings the back room of the Welford public library smells of solder and pizza, and the noise would have horrified the librarians who ran it thirty years ago.",
    "The robotics club started in 2022 with four teenagers and a borrowed kit. It now has forty-one members, a waiting list, and a trophy from the county science fair that sits beside the large-print novels.",
    "Head librarian Agnes Moll said the club changed what people expect from the building. “They come for the robots and leave with three books,” she said.",
    "The library spends about two thousand dollars a year on parts, most of it raised at a winter book sale, and volunteers from a nearby engineering firm mentor the older students.",
    "Not everyone was convinced at first. A few regular readers complained about the noise, so the club moved its testing sessions to the basement, where a small arena now stands between the archive shelves.",
    "Moll hopes to open a second session on Saturdays next spring if the town council approves a modest increase in the library's budget.",
  ],
};

/** OpenGraph and article:* meta only, no JSON-LD; the date is only in a <time datetime>. */
export function openGraphPage(a: PageArticle): string {
  return `<!doctype html><html><head><meta charset="utf-8">
<title>${esc(a.title)} – Welford Weekly</title>
<meta property="og:type" content="article"><meta property="og:title" content="${esc(a.title)}">
<meta property="og:site_name" content="Welford Weekly"><meta name="author" content="${esc(a.author ?? "")}">
<meta property="og:url" content="https://welford.example/stories/library-robots">
</head><body>
<div id="top-bar"><a href="/">Welford Weekly</a> <a href="/subscribe" class="btn-subscribe">Subscribe</a></div>
<div class="container"><div class="content-column">
<h1 class="entry-title">${esc(a.title)}</h1>
<div class="entry-meta">Posted <time datetime="${a.date}">November 2, 2024</time> by ${esc(a.author ?? "")}</div>
<div class="entry-content">
${paras(a.paragraphs.slice(0, 3))}
<div class="ad-slot"><p>Advertisement</p></div>
${paras(a.paragraphs.slice(3))}
</div>
<div class="entry-tags">Tags: <a href="/t/libraries">libraries</a>, <a href="/t/schools">schools</a></div>
<div id="comments"><h3>3 comments</h3><p>Great story, my son loves this club!</p></div>
</div>
<div class="widget-area"><h3>Recent posts</h3><ul><li><a href="/p1">Farmers market returns</a></li><li><a href="/p2">New bus timetable</a></li></ul></div>
</div></body></html>`;
}

export const TUNNEL: PageArticle = {
  title: "Mountain rail tunnel reopens after eighteen months of repairs",
  date: "2025-06-30",
  author: "Ines Carvalho",
  paragraphs: [
    "Passenger trains ran through the Harrow Pass tunnel on Monday for the first time since a rockfall closed it in December 2023, cutting the journey between the two valley towns from three hours by bus to forty minutes.",
    "Engineers replaced more than two hundred metres of lining and installed sensors that warn of shifting rock, said Oskar Lind, who led the repair work for the regional rail company.",
    "“The mountain will always move a little,” Lind said. “What changed is that we now hear it before it happens.”",
    "The repairs cost about ninety million euros, a third more than first planned, after crews found water damage deeper inside the tunnel than surveys had shown.",
    "Shop owners in the upper valley said the closure had cost them a season of tourists, and several welcomed the first train with banners at the station.",
  ],
};

/** An AMP page: ⚡ html, amp-img, amp-ad, amp-social-share, JSON-LD with `@type` as a string. */
export function ampPage(a: PageArticle): string {
  const ld = {
    "@context": "http://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: "https://valley.example/rail/tunnel-reopens",
    headline: a.title,
    datePublished: `${a.date}T06:45:00Z`,
    author: { "@type": "Person", name: a.author },
    publisher: { "@type": "Organization", name: "Valley Post" },
  };
  return `<!doctype html><html ⚡ lang="en"><head><meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<title>${esc(a.title)}</title>
<link rel="canonical" href="https://valley.example/rail/tunnel-reopens">
<meta name="viewport" content="width=device-width">
<script type="application/ld+json">${JSON.stringify(ld)}</script>
<style amp-custom>body{font-family:serif}</style></head><body>
<amp-sidebar id="menu" layout="nodisplay"><ul><li><a href="/">Home</a></li><li><a href="/rail">Rail</a></li></ul></amp-sidebar>
<header class="amp-header"><a href="/">Valley Post</a></header>
<article class="amp-article">
<h1>${esc(a.title)}</h1>
<div class="amp-byline">${esc(a.author ?? "")}</div>
<amp-img src="/tunnel.jpg" width="800" height="450" layout="responsive" alt="Tunnel entrance"></amp-img>
<p class="amp-caption">The eastern portal of the tunnel. Credit: Valley Post</p>
${paras(a.paragraphs.slice(0, 2))}
<amp-ad width="300" height="250" type="doubleclick" data-slot="/123/amp"></amp-ad>
${paras(a.paragraphs.slice(2))}
<amp-social-share type="twitter"></amp-social-share><amp-social-share type="email"></amp-social-share>
</article>
<footer><p>Valley Post © 2025</p></footer>
</body></html>`;
}

export const STORM: PageArticle = {
  title: "Storm Ilse live: coastal towns brace as winds reach 120 km/h",
  date: "2025-01-19",
  paragraphs: [
    "Ferries cancelled for the rest of the day",
    "The bay ferry operator has cancelled all remaining sailings, saying waves at the harbour mouth are now above four metres. Passengers with tickets can use them on any sailing this week.",
    "Power cut to eight thousand homes",
    "The grid company says about eight thousand homes on the northern coast have lost power after lines came down near Marsby. Crews are waiting for the wind to drop before they climb the poles.",
    "Schools to stay shut on Monday",
    "The county education office has told parents that all schools south of the river will remain closed on Monday while buildings are checked for roof damage.",
    "Coastguard warns people away from the seafront",
    "The coastguard has asked people not to walk on the promenade to watch the waves, after two people were pulled from the water at Kelby this morning. Both are in hospital and are said to be stable.",
  ],
};

export const STORM_UPDATE_TIMES = ["16:05", "14:40", "13:12", "11:58"];

/** What a reader of the live blog sees: each update's time, heading and text. */
export function liveBlogText(a: PageArticle): string {
  return a.paragraphs.map((p, i) => (i % 2 === 0 ? `${STORM_UPDATE_TIMES[i / 2]} ${p}` : p)).join("\n\n");
}

/** A live blog: LiveBlogPosting, one block per update with a time stamp and a heading. */
export function liveBlogPage(a: PageArticle): string {
  const posts: string[] = [];
  for (let i = 0; i < a.paragraphs.length; i += 2) {
    const times = STORM_UPDATE_TIMES;
    posts.push(`<div class="live-post" id="post-${i}">
<div class="live-post__meta"><time datetime="${a.date}T${times[i / 2]}:00Z">${times[i / 2]}</time></div>
<h2 class="live-post__title">${esc(a.paragraphs[i] ?? "")}</h2>
<div class="live-post__body"><p>${esc(a.paragraphs[i + 1] ?? "")}</p></div>
<div class="live-post__share"><a href="#">Share</a></div></div>`);
  }
  const ld = {
    "@context": "https://schema.org",
    "@type": "LiveBlogPosting",
    headline: a.title,
    datePublished: `${a.date}T08:00:00+00:00`,
    coverageStartTime: `${a.date}T08:00:00+00:00`,
    publisher: { "@type": "NewsMediaOrganization", name: "North Coast News" },
  };
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(a.title)} - North Coast News</title>
<script type="application/ld+json">${JSON.stringify(ld)}</script></head><body>
<nav><a href="/">North Coast News</a> <a href="/live">Live</a></nav>
<main><h1>${esc(a.title)}</h1>
<div class="live-summary"><span class="live-badge">LIVE</span> Updated 16:05</div>
<div class="live-feed">${posts.join("\n")}</div></main>
<footer><p>© North Coast News</p></footer></body></html>`;
}

export const ORCHARD: PageArticle = {
  title: "Apple growers form a cooperative to fight falling prices",
  date: "2025-09-08",
  author: "Ruth Abara",
  paragraphs: [
    "Thirty-two apple growers in the Lenne valley have formed a cooperative to sell their fruit directly to supermarkets, after three years in which the price paid by wholesalers fell below what it costs to grow.",
    "The growers, most of them running family orchards of under twenty hectares, will share a packing shed and a cold store bought with a regional development loan.",
    "“Alone, none of us could say no to a bad contract,” said Henrik Saal, who chairs the new group. “Together we have enough apples that the buyers have to listen.”",
  ],
};

/** A paywalled story: the teaser is in the page, the rest behind a subscription box. */
export function paywallPage(a: PageArticle): string {
  const ld = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: a.title,
    datePublished: `${a.date}T05:30:00+02:00`,
    author: { "@type": "Person", name: a.author },
    publisher: { "@type": "Organization", name: "Valley Farmer" },
    isAccessibleForFree: false,
    hasPart: { "@type": "WebPageElement", isAccessibleForFree: false, cssSelector: ".paywalled" },
  };
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(a.title)} | Valley Farmer</title>
<script type="application/ld+json">${JSON.stringify(ld)}</script></head><body>
<header><a href="/">Valley Farmer</a><a href="/login">Log in</a></header>
<article><h1>${esc(a.title)}</h1><div class="meta">By ${esc(a.author ?? "")}</div>
<div class="article-body">${paras(a.paragraphs)}</div>
<div class="paywalled"><div class="paywall-box"><h3>This article is for subscribers</h3>
<p>To continue reading, subscribe to Valley Farmer for just 2 euros a week. Already a subscriber? Log in.</p>
<a class="paywall-button" href="/subscribe">Subscribe now</a></div></div>
</article><footer><p>© Valley Farmer</p></footer></body></html>`;
}

export const CAFE: PageArticle = {
  title: "Café Lumière reopens on the quay with a new chef",
  date: "2024-05-21",
  author: "Noé Lefèvre",
  paragraphs: [
    "After a winter of building work, Café Lumière reopened on the old quay on Saturday with a shorter menu, a larger terrace and a new chef, Anaïs Pérez, who trained in Lyon and spent six years cooking on ferries.",
    "“I wanted food that tastes of the harbour — mussels, bread, good butter,” Pérez said on Friday while her team unpacked crates of plates.",
    "The café, which first opened in 1962, was sold last year to a group of three friends who grew up in the town. They kept the name, the zinc bar and the faded photographs of the quay.",
    "Prices are a little higher than before: a bowl of mussels with fries costs 16 euros. The owners say the terrace will stay open until eleven o’clock on summer evenings.",
  ],
};

/** An older site in windows-1252, declared in a <meta http-equiv>, not in the HTTP header. */
export function windows1252Page(a: PageArticle): string {
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>${esc(a.title)}</title><meta name="date" content="${a.date}"><meta name="author" content="${esc(a.author ?? "")}">
</head><body><table width="100%"><tr><td class="menu"><a href="/">Accueil</a><br><a href="/news">News</a></td>
<td class="main"><h1>${esc(a.title)}</h1><div class="text">${paras(a.paragraphs)}</div></td></tr></table>
<div class="copyright">© 2024 Quay Gazette</div></body></html>`;
}

/** The same page in windows-1252 bytes (every character of the page is in that code page). */
export function encodeWindows1252(text: string): Buffer {
  const specials: Record<string, number> = {
    "€": 0x80,
    "‚": 0x82,
    ƒ: 0x83,
    "„": 0x84,
    "…": 0x85,
    "†": 0x86,
    "‡": 0x87,
    ˆ: 0x88,
    "‰": 0x89,
    Š: 0x8a,
    "‹": 0x8b,
    Œ: 0x8c,
    Ž: 0x8e,
    "‘": 0x91,
    "’": 0x92,
    "“": 0x93,
    "”": 0x94,
    "•": 0x95,
    "–": 0x96,
    "—": 0x97,
    "˜": 0x98,
    "™": 0x99,
    š: 0x9a,
    "›": 0x9b,
    œ: 0x9c,
    ž: 0x9e,
    Ÿ: 0x9f,
  };
  return Buffer.from(
    [...text].map((ch) => {
      const special = specials[ch];
      if (special !== undefined) return special;
      const code = ch.codePointAt(0) ?? 0x3f;
      if (code > 0xff) throw new Error(`not in windows-1252: ${ch}`);
      return code;
    }),
  );
}

/** A news site's front page: many headlines, each a link with a line of summary. */
export function homePage(): string {
  const stories = [
    [
      "Harbour ferry fares to rise twelve percent in April",
      "Commuters say the increase will hurt shift workers.",
    ],
    ["Mountain rail tunnel reopens", "Trains cut the valley journey to forty minutes."],
    ["Storm Ilse: schools shut on Monday", "The county says roofs must be checked first."],
    ["Apple growers form a cooperative", "Thirty-two orchards will share a cold store."],
    ["Library robotics club wins county prize", "Forty-one members and a waiting list."],
    ["Council approves new cycle lanes", "Work on the seafront route starts in May."],
    ["Lifeboat crew honoured for winter rescue", "Five volunteers receive bravery awards."],
    ["Fish market to move to the north pier", "Traders say the old hall is too small."],
    ["Hospital opens new maternity ward", "The ward has twenty beds and a birthing pool."],
    ["Local team reaches regional final", "A late goal sealed the semi-final win."],
  ];
  return `<!doctype html><html><head><meta charset="utf-8"><title>The Coastal Ledger – News from around the bay</title>
<meta property="og:type" content="website"><meta property="og:site_name" content="The Coastal Ledger"></head><body>
${SITE_NAV}
<main class="front"><section class="top-stories"><h2>Top stories</h2>
${stories
  .map(
    ([headline, teaser]) =>
      `<div class="card"><h3><a href="/news/${encodeURIComponent(headline ?? "")}">${esc(headline ?? "")}</a></h3><p><a href="/news/x">${esc(teaser ?? "")}</a></p></div>`,
  )
  .join("\n")}
</section></main>${SITE_FOOTER}</body></html>`;
}

/** A sign-in wall instead of the article. */
export function loginPage(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Sign in | The Coastal Ledger</title>
<meta property="og:type" content="article"></head><body>${SITE_NAV}
<main><div class="login-wall"><h1>Sign in to keep reading</h1>
<p>Create a free account or sign in to read this story and get unlimited access to local news from around the bay.</p>
<div class="login-form"><label>Email <input type="email" name="email"></label>
<label>Password <input type="password" name="password"></label><a href="/login">Sign in</a></div></div></main>
${SITE_FOOTER}</body></html>`;
}

export const WATER_REPORT: PageArticle = {
  title: "Annual Report of the Bay Water Board",
  date: "2025-04-02",
  author: "Bay Water Board",
  paragraphs: [
    "The Bay Water Board supplied an average of 41 million litres of drinking water a day during the year, two percent less than the year before, as households used less water in a cool and wet summer.",
    "Leakage from the network fell to 18 percent of the water put into supply, down from 22 percent, after crews replaced 36 kilometres of old cast iron mains in the harbour district and the eastern suburbs.",
    "The board met every drinking water quality standard in all but three of its 12,400 samples. In each of those three cases the problem was found in a customer's own pipes and was fixed within a week.",
    "Capital spending reached 58 million, most of it on the new treatment works at Holm Ridge, which is due to open in the autumn and will replace two plants built in the 1950s.",
    "The board expects bills to rise by four percent next year to pay for the remaining work on the treatment works and for a second reservoir pipeline under the river.",
  ],
};

/** A one-page PDF written by hand: Helvetica text, 14 pt leading, a blank line between paragraphs. */
export function makePdf(a: PageArticle): Buffer {
  const escapePdf = (s: string) => s.replace(/\\/g, "\\\\").replace(/\(/g, "\\(").replace(/\)/g, "\\)");
  const wrap = (text: string, width = 88) => {
    const lines: string[] = [];
    let line = "";
    for (const word of text.split(" ")) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    return lines;
  };
  const body: string[] = [];
  for (const paragraph of a.paragraphs) {
    for (const line of wrap(paragraph)) body.push(`(${escapePdf(line)}) Tj T*`);
    body.push("T*");
  }
  const stream = `BT /F1 10 Tf 14 TL 60 760 Td ${body.join("\n")} ET`;
  const compactDate = a.date.replace(/-/g, "");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Title (${escapePdf(a.title)}) /Author (${escapePdf(a.author ?? "")}) /CreationDate (D:${compactDate}093000Z) >>`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** Word-level F1 between an extracted body and the text as written (case and punctuation ignored). */
export function wordF1(extracted: string, expected: string): number {
  const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const got = words(extracted);
  const want = new Map<string, number>();
  for (const w of words(expected)) want.set(w, (want.get(w) ?? 0) + 1);
  let overlap = 0;
  for (const w of got) {
    const n = want.get(w) ?? 0;
    if (n > 0) {
      overlap++;
      want.set(w, n - 1);
    }
  }
  const expectedCount = words(expected).length;
  if (overlap === 0) return 0;
  const precision = overlap / got.length;
  const recall = overlap / expectedCount;
  return (2 * precision * recall) / (precision + recall);
}

/** A long invented article (for the time-limit test and the benchmark): about `targetBytes` of page. */
export function longArticle(targetBytes: number): PageArticle {
  const who = [
    "The harbour trust",
    "A council spokesperson",
    "The ferry operator",
    "Local traders",
    "The county engineer",
  ];
  const did = ["said on Tuesday that", "warned that", "confirmed that", "argued that", "told reporters that"];
  const what = [
    "repairs to the north pier would take another month",
    "the new timetable adds two early sailings",
    "ticket sales rose sharply over the holiday weekend",
    "the old customs hall will become a market",
    "storm damage to the sea wall was worse than feared",
  ];
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const sentences = [0, 1, 2].map(
      (k) => `${who[(i + k) % 5]} ${did[(i * 3 + k) % 5]} ${what[(i * 7 + k) % 5]} (item ${i}.${k}).`,
    );
    const paragraph = sentences.join(" ");
    paragraphs.push(paragraph);
    size += paragraph.length + 8;
  }
  return {
    title: "Harbour works: the full record of the year",
    date: "2025-12-30",
    author: "Mara Quill",
    paragraphs,
  };
}
