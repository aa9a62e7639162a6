// Invented news articles for the benchmarks: a small deterministic generator, so `npm run bench` needs no
// data outside the repository. Each article has a cast (people with roles, a body, a town), dates of several
// kinds, amounts, direct and reported quotes, in paragraphs of one to three sentences. Nothing here is real.

import { MONTH_NAMES } from "../src/engine/lexicon/index.ts";

/** A deterministic pseudo-random sequence (mulberry32). */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  "Amara",
  "Bruno",
  "Celia",
  "Dmitri",
  "Elif",
  "Farid",
  "Greta",
  "Hamish",
  "Ines",
  "Joel",
  "Keiko",
  "Lucas",
  "Maren",
  "Nikos",
  "Odile",
  "Priya",
  "Rafael",
  "Sanne",
  "Tomasz",
  "Wanjiru",
];
const LAST = [
  "Achterberg",
  "Balogun",
  "Castellano",
  "Dragomir",
  "Ekwueme",
  "Fairweather",
  "Grusin",
  "Halloran",
  "Ishikawa",
  "Jovanovic",
  "Kettering",
  "Lindqvist",
  "Mbatha",
  "Noorani",
  "Okonkwo",
  "Pellegrini",
  "Quennell",
  "Rasmussen",
  "Szabo",
  "Varga",
];
const ROLES = [
  "the mayor",
  "a police spokesperson",
  "the harbour master",
  "a union organiser",
  "the health minister",
  "a local shopkeeper",
  "the council's finance chief",
  "a fire brigade commander",
  "the school's head teacher",
  "an engineer on the project",
];
const BODIES = [
  "the Coastal Rail Authority",
  "the Northern Water Board",
  "the Regional Police Service",
  "the Harbour Workers' Union",
  "the Valley Hospital Trust",
  "the Ministry of Transport",
  "the Riverside Housing Cooperative",
  "the National Weather Office",
];
const TOWNS = [
  "Harbourton",
  "Kelvale",
  "Marrowby",
  "Northcliff",
  "Port Elgin",
  "Redwater",
  "Saltmere",
  "Thornbury",
  "Westhaven",
  "Yarrowdale",
];
const REGIONS = ["the northern province", "the coastal region", "the eastern valley", "the island district"];
const THINGS = [
  "the old pier",
  "the ring road",
  "a new ferry terminal",
  "the flood barrier",
  "the town's only maternity ward",
  "a wind farm off the coast",
  "the night bus service",
  "the central library",
];
const COUNTED = [
  "residents",
  "passengers",
  "workers",
  "pupils",
  "households",
  "officers",
  "volunteers",
  "homes",
];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const RELATIVE = [
  "last week",
  "on Friday evening",
  "earlier this month",
  "last year",
  "two days ago",
  "this morning",
];
const FUTURE = [
  "next week",
  "by the end of the year",
  "in the spring",
  "within three months",
  "next Tuesday",
];

interface Cast {
  people: { name: string; surname: string; role: string }[];
  body: string;
  town: string;
  region: string;
  thing: string;
  year: number;
}

function castOf(next: () => number, year: number): Cast {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
  const people = Array.from({ length: 2 + Math.floor(next() * 3) }, () => {
    const surname = pick(LAST);
    return { name: `${pick(FIRST)} ${surname}`, surname, role: pick(ROLES) };
  });
  return { people, body: pick(BODIES), town: pick(TOWNS), region: pick(REGIONS), thing: pick(THINGS), year };
}

/** One sentence of a story about the cast: an event, an amount, a date, a quote or a statement. */
function sentence(next: () => number, cast: Cast): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T;
  const person = pick(cast.people);
  const other = pick(cast.people);
  const count = (1 + Math.floor(next() * 60)) * (next() < 0.5 ? 10 : 25);
  const amount = `${(1 + next() * 40).toFixed(1)} million`;
  const share = 2 + Math.floor(next() * 40);
  const day = `${1 + Math.floor(next() * 28)} ${pick(MONTH_NAMES)}`;
  const past = pick([
    `on ${pick(WEEKDAYS)}`,
    `on ${day}`,
    pick(RELATIVE),
    `in ${pick(MONTH_NAMES)} ${cast.year - 1}`,
  ]);
  const templates = [
    () => `Police in ${cast.town} said ${count} ${pick(COUNTED)} were moved from their homes ${past}.`,
    () => `${cast.body} closed ${cast.thing} ${past} after inspectors found cracks in its supports.`,
    () => `"We will not leave anyone behind," ${person.name}, ${person.role}, said ${past}.`,
    () =>
      `"${pick(["The numbers speak for themselves", "Nobody told us anything", "This was avoidable", "We are doing everything we can"])}," said ${person.surname}.`,
    () =>
      `${person.surname} said the work on ${cast.thing} would cost about €${amount} and finish ${pick(FUTURE)}.`,
    () =>
      `According to ${cast.body}, fares rose ${share}% in ${cast.year - 1}, the steepest rise since ${cast.year - 12}.`,
    () =>
      `${person.name} told reporters in ${cast.town} that ${other.surname} had been warned about the risk in ${pick(MONTH_NAMES)}.`,
    () =>
      `The storm cut power to ${count} ${pick(COUNTED)} across ${cast.region} ${past}, and crews worked through the night.`,
    () =>
      `${other.name}, ${other.role}, said: "${pick(["It will take years to repair", "The gang the police blame is a handful of teenagers", "People here are angry and tired", "We asked for help three times"])}."`,
    () => `A vote on the plan is expected ${pick(FUTURE)}, ${person.surname} said in a statement.`,
    () =>
      `Since ${cast.year - 3}, the number of ${pick(COUNTED)} in ${cast.town} has fallen by nearly a third, to about ${count}.`,
    () => `The council in ${cast.town} approved a budget of $${amount} for ${cast.thing} ${past}.`,
  ];
  const text = pick(templates)();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An invented article of about `words` words, dated in 2024, the same for the same seed. */
export function makeArticle(words: number, seed: number): string {
  const next = random(seed);
  const day = 1 + Math.floor(next() * 28);
  const month = 1 + Math.floor(next() * 12);
  const cast = castOf(next, 2024);
  const parts: string[] = [];
  let count = 0;
  while (count < words) {
    const paragraph = Array.from({ length: 1 + Math.floor(next() * 3) }, () => sentence(next, cast)).join(
      " ",
    );
    parts.push(paragraph);
    count += paragraph.split(/\s+/).length;
  }
  return `date 2024-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")} ${parts.join("\n\n")}\n`;
}
