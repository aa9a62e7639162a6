// Claims with the label a careful reader gives them, over the seed article and ten invented test articles. The
// eval reports how many labels the checker gets right, per label and out of sample (the checker's thresholds tuned
// on the articles of one half, scored on the other, both ways), and how often it calls a false claim supported;
// test/check-claims.test.ts holds the same figures as floors. Every claim is a sentence written for this table.
import type { ClaimLabel } from "../engine/index.ts";

export interface ClaimRow {
  /** Article file, relative to the repository root. */
  file: string;
  claim: string;
  label: ClaimLabel;
  /** What makes the label: a number, a number word, a date, a name, a place, a negation, or the fact itself. */
  tests:
    | "number"
    | "number word"
    | "date"
    | "relative date"
    | "name"
    | "place"
    | "negation"
    | "fact"
    | "synonym"
    | "voice"
    | "nominalisation"
    | "antonym"
    | "ordinal"
    | "survived or died";
}

const SEED = "seeds/kenyan-officer-killed-in-haiti.txt";
const BRIDGE = "test/fixtures/kestrel-bridge-closure.txt";
const MILL = "test/fixtures/greyfield-mill-job-cuts.txt";
const FLOOD = "test/fixtures/check/brenmoor-river-flood.txt";
const SHOOTING = "test/fixtures/check/corran-street-shooting.txt";
const ELECTION = "test/fixtures/check/wendmark-mayor-election.txt";
const FERRY = "test/fixtures/ask/harwick-ferry-suspended.md";
const SOLAR = "test/fixtures/ask/orchard-school-solar.md";
const WILDFIRE = "test/fixtures/ask/kestrel-park-wildfire.md";
const STATION = "test/fixtures/millbrook-fire-station.txt";
const LIBRARY = "test/fixtures/riverside-library-reopens.md";

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
  // Written after the rule-based checker was tuned on the rows above.
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

  // Written for the learned checker: paraphrase (synonym, voice, nominalisation, numbers written otherwise) and
  // contradiction of each kind (another number, date, name, an opposite, a negation, an ordinal, survived or died).
  {
    file: FLOOD,
    claim: "Two people died when the River Tamsel flooded Brenmoor.",
    label: "supported",
    tests: "synonym",
  },
  {
    file: FLOOD,
    claim: "Around twelve hundred residents had to leave their homes.",
    label: "supported",
    tests: "number",
  },
  {
    file: FLOOD,
    claim: "Residents of the Lower Quay estate asked for help on Sunday evening.",
    label: "supported",
    tests: "nominalisation",
  },
  { file: FLOOD, claim: "Firefighters pulled a woman from the water.", label: "supported", tests: "voice" },
  {
    file: FLOOD,
    claim: "The river rose to 4.8 metres at the town bridge.",
    label: "supported",
    tests: "synonym",
  },
  {
    file: FLOOD,
    claim: "150 soldiers were sent by the army to help with the evacuation.",
    label: "supported",
    tests: "voice",
  },
  {
    file: FLOOD,
    claim: "The water company said a fault at its pumping station did not make the flooding worse.",
    label: "supported",
    tests: "negation",
  },
  {
    file: FLOOD,
    claim: "The woman who was travelling with him died.",
    label: "contradicted",
    tests: "survived or died",
  },
  {
    file: FLOOD,
    claim: "The first death was confirmed on Monday afternoon.",
    label: "contradicted",
    tests: "ordinal",
  },
  {
    file: FLOOD,
    claim: "The river reached 5.8 metres at the town bridge.",
    label: "contradicted",
    tests: "number",
  },
  {
    file: FLOOD,
    claim: "The previous record, 4.1 metres, was set in 2009.",
    label: "contradicted",
    tests: "date",
  },
  {
    file: FLOOD,
    claim: "Nadia Ferrante said residents were warned early enough.",
    label: "contradicted",
    tests: "negation",
  },
  {
    file: FLOOD,
    claim: "Rail services between Brenmoor and Halsey were suspended until Friday.",
    label: "contradicted",
    tests: "date",
  },
  {
    file: FLOOD,
    claim: "Five rest centres were opened in school halls.",
    label: "contradicted",
    tests: "number word",
  },
  {
    file: FLOOD,
    claim: "Nadia Ferrante lost her car in the flood.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: FLOOD,
    claim: "Schools in Brenmoor will stay closed for a week.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: FLOOD,
    claim: "The flood caused damage worth 30 million euros.",
    label: "not in the article",
    tests: "number",
  },
  {
    file: FLOOD,
    claim: "The army sent helicopters to rescue stranded drivers.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: SHOOTING,
    claim: "A police officer was shot dead in Corran on Saturday.",
    label: "supported",
    tests: "synonym",
  },
  { file: SHOOTING, claim: "Markovic died in hospital two hours later.", label: "supported", tests: "fact" },
  { file: SHOOTING, claim: "Police arrested two suspects at the scene.", label: "supported", tests: "voice" },
  {
    file: SHOOTING,
    claim: "Constable Tomas Reyes was injured in the leg.",
    label: "supported",
    tests: "synonym",
  },
  {
    file: SHOOTING,
    claim: "The robbers stole watches and rings worth about 300,000 euros.",
    label: "supported",
    tests: "synonym",
  },
  {
    file: SHOOTING,
    claim: "Flags on police buildings were lowered to half-mast on Sunday.",
    label: "supported",
    tests: "relative date",
  },
  {
    file: SHOOTING,
    claim: "It was the first killing of a police officer in Corran this year.",
    label: "contradicted",
    tests: "ordinal",
  },
  {
    file: SHOOTING,
    claim: "Sergeant Elena Markovic survived the shooting.",
    label: "contradicted",
    tests: "survived or died",
  },
  {
    file: SHOOTING,
    claim: "Three suspects were arrested at the scene.",
    label: "contradicted",
    tests: "number word",
  },
  {
    file: SHOOTING,
    claim: "The government would give the police 60 new armoured vehicles.",
    label: "contradicted",
    tests: "number",
  },
  {
    file: SHOOTING,
    claim: "Ruth Baines praised Markovic as a brave officer who ran towards danger.",
    label: "contradicted",
    tests: "name",
  },
  {
    file: SHOOTING,
    claim: "She had served with the force for 28 years.",
    label: "contradicted",
    tests: "number",
  },
  {
    file: SHOOTING,
    claim: "The gunfight happened on Friday.",
    label: "contradicted",
    tests: "relative date",
  },
  {
    file: SHOOTING,
    claim: "The jewellery shop had been robbed before.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: SHOOTING,
    claim: "Markovic was promoted to sergeant in 2015.",
    label: "not in the article",
    tests: "date",
  },
  {
    file: SHOOTING,
    claim: "The robbers were armed with rifles.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: SHOOTING,
    claim: "The opposition called for the interior minister to resign.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: ELECTION,
    claim: "Kowalczyk is the first woman to lead Wendmark.",
    label: "supported",
    tests: "ordinal",
  },
  {
    file: ELECTION,
    claim: "Lund admitted defeat late on Thursday night.",
    label: "supported",
    tests: "synonym",
  },
  {
    file: ELECTION,
    claim: "Kowalczyk received 52 percent of the vote.",
    label: "supported",
    tests: "synonym",
  },
  { file: ELECTION, claim: "Turnout increased to 61 percent.", label: "supported", tests: "synonym" },
  {
    file: ELECTION,
    claim: "Kowalczyk was elected to the city council in 2019.",
    label: "supported",
    tests: "voice",
  },
  {
    file: ELECTION,
    claim: "Bus drivers went on strike three times in 2024.",
    label: "supported",
    tests: "number word",
  },
  {
    file: ELECTION,
    claim: "Kowalczyk lost the race for mayor of Wendmark.",
    label: "contradicted",
    tests: "antonym",
  },
  { file: ELECTION, claim: "Turnout fell to 61 percent.", label: "contradicted", tests: "antonym" },
  { file: ELECTION, claim: "She will take office on July 1.", label: "contradicted", tests: "date" },
  { file: ELECTION, claim: "Lund received 42 percent of the vote.", label: "contradicted", tests: "number" },
  {
    file: ELECTION,
    claim: "Lund had led Wendmark for twelve years.",
    label: "contradicted",
    tests: "number word",
  },
  {
    file: ELECTION,
    claim: "Kowalczyk is the second woman to lead the city.",
    label: "contradicted",
    tests: "ordinal",
  },
  { file: ELECTION, claim: "Lund did not concede defeat.", label: "contradicted", tests: "negation" },
  {
    file: ELECTION,
    claim: "Kowalczyk plans to raise local taxes.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: ELECTION,
    claim: "Lund will run for parliament next year.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: ELECTION,
    claim: "The Green Civic party also won a majority on the city council.",
    label: "not in the article",
    tests: "fact",
  },
  { file: ELECTION, claim: "Kowalczyk was born in Wendmark.", label: "not in the article", tests: "place" },
  {
    file: FERRY,
    claim: "Three cracks in the concrete supports were found by inspectors.",
    label: "supported",
    tests: "voice",
  },
  {
    file: FERRY,
    claim: "The regional government has promised to pay half of the repair bill.",
    label: "supported",
    tests: "fact",
  },
  {
    file: FERRY,
    claim: "Inspectors found five cracks in the concrete supports.",
    label: "contradicted",
    tests: "number word",
  },
  {
    file: FERRY,
    claim: "Cars will be carried on the temporary service.",
    label: "contradicted",
    tests: "negation",
  },
  { file: FERRY, claim: "The ferry company will cut its fares.", label: "not in the article", tests: "fact" },
  {
    file: SOLAR,
    claim: "412 panels were fitted to the school's roof over the Easter holidays.",
    label: "supported",
    tests: "number",
  },
  {
    file: SOLAR,
    claim: "Parents raised 53,000 euros through a sponsored walk.",
    label: "contradicted",
    tests: "number",
  },
  {
    file: SOLAR,
    claim: "Orchard Lane was the second school in the district to run entirely on solar power.",
    label: "contradicted",
    tests: "ordinal",
  },
  { file: SOLAR, claim: "The panels were made in China.", label: "not in the article", tests: "place" },
  {
    file: WILDFIRE,
    claim: "About 140 hectares of heathland burned in Kestrel Park on Sunday.",
    label: "supported",
    tests: "relative date",
  },
  { file: WILDFIRE, claim: "Nobody was hurt in the fire.", label: "supported", tests: "synonym" },
  {
    file: WILDFIRE,
    claim: "Several people were injured in the fire.",
    label: "contradicted",
    tests: "negation",
  },
  {
    file: WILDFIRE,
    claim: "Eighty firefighters from four stations fought the blaze.",
    label: "contradicted",
    tests: "number word",
  },
  {
    file: WILDFIRE,
    claim: "Police arrested a man for starting the fire.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: STATION,
    claim: "The council decided on Monday to keep the old fire station open.",
    label: "supported",
    tests: "synonym",
  },
  {
    file: STATION,
    claim: "Castell said the repairs would cost about 900,000 pounds.",
    label: "contradicted",
    tests: "number",
  },
  {
    file: STATION,
    claim: "The fire station will get a new engine.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: LIBRARY,
    claim: "The rebuild took two years and cost the city 14 million euros.",
    label: "supported",
    tests: "number",
  },
  {
    file: LIBRARY,
    claim: "The old building was closed in March 2022.",
    label: "contradicted",
    tests: "date",
  },
  { file: LIBRARY, claim: "The library will open on Sundays.", label: "not in the article", tests: "fact" },
  {
    file: FLOOD,
    claim: "The mayor of Brenmoor resigned after the flood.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: SHOOTING,
    claim: "Constable Tomas Reyes was released from hospital on Sunday.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: SHOOTING,
    claim: "The robbers escaped in a stolen car.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: ELECTION,
    claim: "Kowalczyk will cut the number of bus routes.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: FERRY,
    claim: "The pier was built by Marlow Consulting.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: FERRY,
    claim: "Owen Pryce closed his pharmacy during the closure.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: SOLAR,
    claim: "The school will install a wind turbine next year.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: WILDFIRE,
    claim: "Hannah Cole's shop was damaged by smoke.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: WILDFIRE,
    claim: "Rangers will plant new heather in the autumn.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: STATION,
    claim: "Natarajan will stand for election next year.",
    label: "not in the article",
    tests: "fact",
  },
  { file: LIBRARY, claim: "Ferreira plans to retire next year.", label: "not in the article", tests: "fact" },
  {
    file: LIBRARY,
    claim: "The new library has a café on the ground floor.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: MILL,
    claim: "The mill will move its production to Asia.",
    label: "not in the article",
    tests: "fact",
  },
  {
    file: SEED,
    claim: "Kenyan police officers will leave Haiti next month.",
    label: "not in the article",
    tests: "fact",
  },
];
