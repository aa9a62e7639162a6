// Issue patterns 2 (capitalised words that are not people) and 3 (roles), on sentences of our own.
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/engine/parse/analyze.ts";
import type { Entity } from "../../src/engine/types.ts";

const entities = (text: string): Entity[] =>
  analyzeArticle({ meta: { id: "t", title: "t", date: null }, text }).entities;
const people = (text: string) => entities(text).filter((e) => e.type === "person");

describe("capitalised words that are not people", () => {
  it.each([
    ["a list name", "Ada Brook ran 13.02 and is now sixth on the UK All-Time list.", ["Ada Brook"]],
    ["a party shorthand", "Lib Dem leader Jo Park said the vote was lost.", ["Jo Park"]],
    ["a sentence-initial adverb", "Currently, says Dr Ann Park, the lab is closed.", ["Ann Park"]],
    ["an honorific alone", "Mr. Dor declined to comment.", ["Dor"]],
    ["ranks alone", "Retired Lt. Gen. Ann Cole said the plan had failed.", ["Ann Cole"]],
    ["an organisation", "Scientists at Climate Central warned of floods.", []],
    ["a nationality glued to a name", "Russian Ivan Petrov won the race.", ["Ivan Petrov"]],
    ["a nickname in quotes", 'Ernesto "Che" Guevara was born in Rosario.', ['Ernesto "Che" Guevara']],
    ["a nationality WordNet derives from a place", "The Greek and Cypriot volunteers were thanked.", []],
    [
      "a name whose surname stands alone as a person later",
      "Jordan Dale manages the port. Dale met the crew on Monday.",
      ["Jordan Dale"],
    ],
  ])("%s", (_, text, names) => {
    expect(people(text).map((p) => p.name)).toEqual(names);
  });

  it("types Climate Central as an organisation", () => {
    expect(entities("Scientists at Climate Central warned of floods.").map((e) => [e.name, e.type])).toEqual([
      ["Climate Central", "organization"],
    ]);
  });
});

describe("roles", () => {
  it.each([
    ["a party role", "Tory co-chairman Liam Fox said the talks were over.", "Liam Fox", "Tory co-chairman"],
    ["an appositive job", "Dr Ann Park, director of the lab, said no.", "Ann Park", "director of the lab"],
    ["an outlet and job", "He cut off MSNBC anchor Jo Reyes on Monday.", "Jo Reyes", "MSNBC anchor"],
    ["never a bare honorific", "Dr Ann Park said the results were clear.", "Ann Park", null],
    ["never a bare rank", "Lt. Gen. Ann Cole said the plan had failed.", "Ann Cole", null],
    ["a title that is a job", "President Ana Lund spoke on Monday.", "Ana Lund", "President"],
  ])("%s", (_, text, name, role) => {
    const person = people(text).find((p) => p.name === name);
    expect(person?.role).toBe(role);
    if (person?.role && person.roleSpan)
      expect(text.slice(person.roleSpan.start, person.roleSpan.end)).toBe(role);
  });

  it("gives a person named with `of` an organisation as affiliation", () => {
    const text = "Ann Park of Columbia University said the data were sound.";
    const park = people(text)[0];
    expect([park?.name, park?.affiliation]).toEqual(["Ann Park", "Columbia University"]);
    expect(text.slice(park?.affiliationSpan?.start, park?.affiliationSpan?.end)).toBe("Columbia University");
  });
});

describe("gender", () => {
  it("comes from an honorific, else a first name, else stays unknown", () => {
    const text = "Mrs Lund met Peter Vale and Ode Okoro. Mrs Lund said no.";
    expect(people(text).map((p) => [p.name, p.gender])).toEqual([
      ["Peter Vale", "male"],
      ["Ode Okoro", null],
      ["Lund", "female"],
    ]);
  });
});
