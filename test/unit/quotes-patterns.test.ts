// Issue 9, patterns 1, 4 (the speaker side) and 6, on articles of our own words.
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../src/engine/parse/analyze.ts";

const parse = (text: string) => analyzeArticle({ meta: { id: "t", title: "t", date: null }, text });
const quotes = (text: string) => parse(text).quotes.map((q) => [q.paragraph, q.direct, q.text, q.speaker]);

describe("pattern 1: a pronoun speaker is the person it agrees with and who was acting", () => {
  it("gives `he` to the senator who praised, not to the woman praised", () => {
    const text = [
      "Senator Tom Hale visited the harbour on Monday.",
      'Senator Hale praised Maria Ortiz. "She is ready," he said.',
    ].join("\n\n");
    expect(quotes(text)).toEqual([[2, true, '"She is ready,"', "Tom Hale"]]);
  });

  it("gives `she` to the woman named, over a man named later", () => {
    const text = [
      "Mrs. Lena Varga opened the new library on Saturday.",
      'Mr. Odell Brand, the architect, watched. "Every shelf is full," she said.',
    ].join("\n\n");
    const [quote] = parse(text).quotes.filter((q) => q.direct);
    expect(quote?.speaker).toBe("Lena Varga");
  });

  it("reads a person's gender from the article's own pronouns", () => {
    const text = [
      "Corin Ashe runs the ferry service. Her boats leave every hour.",
      "Jordan Dale manages the port. His office faces the sea.",
      'Dale met Ashe on Monday. "We could not have done it alone," she said.',
    ].join("\n\n");
    const [quote] = parse(text).quotes.filter((q) => q.direct);
    expect(quote?.speaker).toBe("Corin Ashe");
  });
});

describe("pattern 4: the listener is not the speaker", () => {
  const text = [
    "Senator Tom Hale met the governor, Ana Reyes, on Tuesday.",
    'Hale told Reyes that the choice "could not be clearer."',
    '"It is all fear and smear," he told BBC News.',
    '"It\'s a technical validation," he said.',
  ].join("\n\n");
  it("attributes a quote after `told X` to the one telling, and `he told BBC News` to `he`", () => {
    expect(quotes(text)).toEqual([
      [2, true, '"could not be clearer."', "Tom Hale"],
      [3, true, '"It is all fear and smear,"', "Tom Hale"],
      [4, true, '"It\'s a technical validation,"', "Tom Hale"],
    ]);
    const hale = parse(text).entities.find((e) => e.name === "Tom Hale");
    expect(parse(text).quotes.every((q) => !q.direct || q.speakerId === hale?.id)).toBe(true);
  });
});

describe("pattern 6: quotation styles", () => {
  it("reads wire style ``…''", () => {
    const text = "Dr Ann Park spoke in Leeds.\n\n``We will not back down,'' Park said.";
    expect(quotes(text)).toEqual([[2, true, "``We will not back down,''", "Ann Park"]]);
  });

  it("reads single marks in a single-mark article, and leaves apostrophes alone", () => {
    const text = [
      "Council leader Ann Park spoke in Leeds.",
      "Park said: 'We have the numbers and we will win.'",
      "It was the students' union that didn't agree, as in the '90s.",
    ].join("\n\n");
    expect(quotes(text)).toEqual([[2, true, "'We have the numbers and we will win.'", "Ann Park"]]);
  });

  it("reads a headline's single-quoted word when the speaker is named", () => {
    const text = "Park: Rival's figures are 'lies'\n\nCouncil leader Ann Park said the figures were wrong.";
    const direct = parse(text).quotes.filter((q) => q.direct);
    expect(direct.map((q) => [q.text, q.speaker])).toEqual([["'lies'", "Ann Park"]]);
  });

  it("continues a quotation left open at a paragraph's end with the same speaker", () => {
    const text = [
      "Maria Ortiz spoke at length.",
      '"We begin today," Ortiz said. "The work is long and the road is hard.',
      '"But we will finish it together."',
    ].join("\n\n");
    expect(quotes(text)).toEqual([
      [2, true, '"We begin today,"', "Maria Ortiz"],
      [2, true, '"The work is long and the road is hard.', "Maria Ortiz"],
      [3, true, '"But we will finish it together."', "Maria Ortiz"],
    ]);
  });

  it("takes the bare paragraph after `X said:` as X's words, not between quotation marks", () => {
    const text = [
      "Maria Ortiz spoke after the storm.",
      "Ortiz said:",
      "We will rebuild every school that the storm destroyed.",
    ].join("\n\n");
    expect(quotes(text)).toContainEqual([
      3,
      false,
      "We will rebuild every school that the storm destroyed.",
      "Maria Ortiz",
    ]);
  });

  it("keeps titles and scare quotes out", () => {
    const text = [
      "Ann Park appeared on “Morning Report,” where she said the plan was “silly.”",
      "She spoke again on “The Late Desk”.",
    ].join("\n\n");
    expect(parse(text).quotes.filter((q) => q.direct)).toEqual([]);
  });
});
