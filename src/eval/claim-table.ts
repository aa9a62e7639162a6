// Claims with the label a careful reader gives them, over the seed article and two invented test articles.
// The eval reports how many labels the checker gets right and how often it calls a false claim supported;
// test/check-claims.test.ts holds the same figures as floors.
import type { ClaimLabel } from "../engine/index.ts";

export interface ClaimRow {
  /** Article file, relative to the repository root. */
  file: string;
  claim: string;
  label: ClaimLabel;
  /** What makes the label: a number, a number word, a date, a name, a place, a negation, or the fact itself. */
  tests: "number" | "number word" | "date" | "relative date" | "name" | "place" | "negation" | "fact";
}

const SEED = "seeds/kenyan-officer-killed-in-haiti.txt";
const BRIDGE = "test/fixtures/kestrel-bridge-closure.txt";
const MILL = "test/fixtures/greyfield-mill-job-cuts.txt";

export const CLAIM_TABLE: readonly ClaimRow[] = [
  // The seed: a Kenyan officer killed in Haiti (dated 2025-02-24).
  {
    file: SEED,
    claim: "Kenyan authorities said the officer was fatally shot on Sunday.",
    label: "supported",
    tests: "relative date",
  },
  {
    file: SEED,
    claim: "The shooting took place in the Artibonite region.",
    label: "supported",
    tests: "place",
  },
  {
    file: SEED,
    claim: "In February, two hundred more police officers from Kenya joined the force.",
    label: "supported",
    tests: "number word",
  },
  { file: SEED, claim: "Otunge said the officer died from his injuries.", label: "supported", tests: "name" },
  {
    file: SEED,
    claim: "The mission arrived in the Caribbean country in June 2024.",
    label: "supported",
    tests: "date",
  },
  {
    file: SEED,
    claim: "President Jovenel Moïse was assassinated in 2021.",
    label: "supported",
    tests: "date",
  },
  { file: SEED, claim: "The Gran Grif gang controls the region.", label: "supported", tests: "fact" },
  {
    file: SEED,
    claim: "In March, 200 more police officers from Kenya joined the force.",
    label: "contradicted",
    tests: "date",
  },
  {
    file: SEED,
    claim: "Jack Ombaka is the commander of the Kenyan forces.",
    label: "contradicted",
    tests: "name",
  },
  {
    file: SEED,
    claim: "The officer was not airlifted out of the area.",
    label: "contradicted",
    tests: "negation",
  },
  { file: SEED, claim: "President Moïse was assassinated in 2019.", label: "contradicted", tests: "date" },
  {
    file: SEED,
    claim: "Otunge thanked hospital staff for their help.",
    label: "contradicted",
    tests: "name",
  },
  { file: SEED, claim: "The UN sent 600 soldiers to Haiti.", label: "not in the article", tests: "fact" },
  {
    file: SEED,
    claim: "The mission's spokesperson resigned on Monday.",
    label: "not in the article",
    tests: "fact",
  },

  // Invented: a bridge closes for repairs (dated Thursday 2026-03-12).
  {
    file: BRIDGE,
    claim: "The Kestrel Bridge will close for 9 months.",
    label: "supported",
    tests: "number word",
  },
  {
    file: BRIDGE,
    claim: "Engineers found cracks in two steel supports in January.",
    label: "supported",
    tests: "number word",
  },
  { file: BRIDGE, claim: "The repairs will cost 14 million euros.", label: "supported", tests: "number" },
  { file: BRIDGE, claim: "The Marrow Tunnel opened in 1998.", label: "supported", tests: "date" },
  {
    file: BRIDGE,
    claim: "The authority denied that the closure was linked to the storm.",
    label: "supported",
    tests: "negation",
  },
  {
    file: BRIDGE,
    claim: "The bridge will close starting on Tuesday.",
    label: "contradicted",
    tests: "relative date",
  },
  {
    file: BRIDGE,
    claim: "Engineers found cracks in three of the steel supports.",
    label: "contradicted",
    tests: "number word",
  },
  { file: BRIDGE, claim: "Tomas Brandt is the transport director.", label: "contradicted", tests: "name" },
  {
    file: BRIDGE,
    claim: "Voss said the cracks were caused by the storm.",
    label: "contradicted",
    tests: "negation",
  },
  {
    file: BRIDGE,
    claim: "The ferries will run every ten minutes during the morning rush.",
    label: "contradicted",
    tests: "number word",
  },
  {
    file: BRIDGE,
    claim: "The transport authority plans to build a second bridge.",
    label: "not in the article",
    tests: "fact",
  },
  { file: BRIDGE, claim: "Voss will resign after the repairs.", label: "not in the article", tests: "fact" },
  {
    file: BRIDGE,
    claim: "Toll charges in the Marrow Tunnel will double.",
    label: "not in the article",
    tests: "fact",
  },

  // Invented: a textile mill cuts jobs (dated Friday 2025-10-03).
  {
    file: MILL,
    claim: "The mill will cut two hundred and forty jobs.",
    label: "supported",
    tests: "number word",
  },
  { file: MILL, claim: "The mill employs about 900 people.", label: "supported", tests: "number" },
  { file: MILL, claim: "Lindqvist is the chief executive.", label: "supported", tests: "name" },
  { file: MILL, claim: "The mill opened in 1871.", label: "supported", tests: "date" },
  {
    file: MILL,
    claim: "The company announced the job cuts on Wednesday.",
    label: "contradicted",
    tests: "relative date",
  },
  {
    file: MILL,
    claim: "Daniel Achebe is the chief executive of the mill.",
    label: "contradicted",
    tests: "name",
  },
  { file: MILL, claim: "The union was consulted.", label: "contradicted", tests: "negation" },
  { file: MILL, claim: "The company received the grant in 2020.", label: "contradicted", tests: "date" },
  {
    file: MILL,
    claim: "The mill will close completely next year.",
    label: "not in the article",
    tests: "fact",
  },
  { file: MILL, claim: "The union plans a strike on Monday.", label: "not in the article", tests: "fact" },
  { file: MILL, claim: "The government will buy the mill.", label: "not in the article", tests: "fact" },
  {
    file: MILL,
    claim: "Lindqvist earns 2 million pounds a year.",
    label: "not in the article",
    tests: "fact",
  },
  { file: MILL, claim: "Greyfield has a new hospital.", label: "not in the article", tests: "fact" },
];

/**
 * Written after the checker was tuned on the table above and never tuned on: its figures say how the checker
 * does on claims it has not seen.
 */
export const HELD_OUT_CLAIM_TABLE: readonly ClaimRow[] = [
  {
    file: SEED,
    claim: "Godfrey Otunge commands the Kenyan forces in Haiti.",
    label: "supported",
    tests: "name",
  },
  {
    file: SEED,
    claim: "The officer was airlifted out of the area on Friday.",
    label: "not in the article",
    tests: "relative date",
  },
  { file: SEED, claim: "Residents in Pont-Sonde asked for help.", label: "supported", tests: "place" },
  {
    file: SEED,
    claim: "The Kenyan-led mission arrived in Haiti in June 2025.",
    label: "contradicted",
    tests: "date",
  },
  {
    file: SEED,
    claim: "Ombaka said the mission would not pursue the gangs.",
    label: "contradicted",
    tests: "negation",
  },
  {
    file: SEED,
    claim: "Guatemala deployed soldiers and police to Haiti.",
    label: "supported",
    tests: "place",
  },
  { file: SEED, claim: "Brazil deployed soldiers to Haiti.", label: "not in the article", tests: "place" },
  {
    file: BRIDGE,
    claim: "About 38,000 vehicles cross the bridge every day.",
    label: "supported",
    tests: "number",
  },
  {
    file: BRIDGE,
    claim: "About 83,000 vehicles cross the bridge every day.",
    label: "contradicted",
    tests: "number",
  },
  { file: BRIDGE, claim: "The Marrow Tunnel has six lanes.", label: "contradicted", tests: "number word" },
  {
    file: BRIDGE,
    claim: "Mayor Halvorsen announced a public meeting on Thursday, March 19.",
    label: "supported",
    tests: "date",
  },
  {
    file: BRIDGE,
    claim: "A temporary footbridge will be built next to the old bridge.",
    label: "supported",
    tests: "fact",
  },
  {
    file: BRIDGE,
    claim: "Ruth Okafor said her sales doubled during the closure in 2019.",
    label: "contradicted",
    tests: "fact",
  },
  {
    file: MILL,
    claim: "Achebe said the union would ask for talks next week.",
    label: "supported",
    tests: "name",
  },
  {
    file: MILL,
    claim: "The council will open a jobs advice centre at the town hall.",
    label: "contradicted",
    tests: "place",
  },
  {
    file: MILL,
    claim: "Samuel Orrin has worked at the mill for 22 years.",
    label: "supported",
    tests: "number",
  },
  {
    file: MILL,
    claim: "Samuel Orrin has worked at the mill for 12 years.",
    label: "contradicted",
    tests: "number",
  },
  {
    file: MILL,
    claim: "Shares in Halden Group fell 4 percent on Thursday.",
    label: "supported",
    tests: "number",
  },
  {
    file: MILL,
    claim: "The mill lost three of its largest customers.",
    label: "contradicted",
    tests: "number word",
  },
];
