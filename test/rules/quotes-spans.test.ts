// Quotation styles (src/engine/parse/quotes/spans.ts): each style rule on positive and negative cases.
import { describe, expect, it } from "vitest";
import { MARK_RULES, markAt, quoteSpans } from "../../src/engine/parse/quotes/spans.ts";
import type { Paragraph } from "../../src/engine/types.ts";

const whole = (text: string): Paragraph => ({ start: 0, end: text.length, number: 1, section: null });
const quoted = (text: string) =>
  quoteSpans(text, whole(text)).map((s) => [s.style, text.slice(s.start, s.end)]);

describe("mark rules: where a mark opens and closes", () => {
  const cases: [
    style: "wire" | "double" | "single",
    text: string,
    at: number,
    opens: boolean,
    closes: boolean,
  ][] = [
    ["wire", "``Yes,'' he said.", 0, true, false],
    ["wire", "``Yes,'' he said.", 6, false, true],
    ["wire", "a `tick` mark", 2, false, false],
    ["double", "“Yes,” he said.", 0, true, false],
    ["double", "“Yes,” he said.", 5, false, true],
    // A straight mark may do either; the scan's state decides.
    ["double", 'She said "no".', 9, true, true],
    ["double", 'A 6" pipe', 3, false, true],
    ["double", "He said no.", 3, false, false],
    ["single", "He called it 'lies' today.", 13, true, false],
    ["single", "He called it 'lies' today.", 18, false, true],
    ["single", "They don't know.", 8, false, false],
    ["single", "Back in the '90s it was so.", 12, false, false],
    ["single", "The students' union met.", 12, false, true],
    ["single", "Ann Park's office", 8, false, false],
  ];
  it.each(cases)("%s on %j at %i: opens %s, closes %s", (style, text, at, opens, closes) => {
    expect(markAt(style, "opens", text, at) > 0).toBe(opens);
    expect(markAt(style, "closes", text, at) > 0).toBe(closes);
  });

  it("has a positive and a negative case for every rule", () => {
    for (const rule of MARK_RULES) {
      const mine = cases.filter(([style]) => style === rule.style);
      const holds = mine.map(([, , , opens, closes]) => (rule.action === "opens" ? opens : closes));
      expect([rule.id, holds.includes(true), holds.includes(false)]).toEqual([rule.id, true, true]);
    }
  });

  it.each(MARK_RULES.map((rule) => [rule.id, rule] as const))("%s: its example holds", (_, rule) => {
    const at =
      rule.action === "opens" ? 0 : rule.example.length - rule.example.match(/['’”"»]+$/u)![0].length;
    expect(markAt(rule.style, rule.action, rule.example, at) > 0).toBe(true);
  });
});

describe("quoteSpans", () => {
  it("finds a wire-style quotation, marks included", () => {
    expect(quoted("``We will rebuild,'' the mayor said.")).toEqual([["wire", "``We will rebuild,''"]]);
  });

  it("finds single-mark quotations and leaves apostrophes alone", () => {
    expect(quoted("The minister called the claims 'lies' and 'nonsense'.")).toEqual([
      ["single", "'lies'"],
      ["single", "'nonsense'"],
    ]);
    expect(quoted("They don't care about the students' union in the '90s.")).toEqual([]);
  });

  it("keeps single marks nested in a double quotation inside it", () => {
    expect(quoted("“He said ‘never’ to me,” she said.")).toEqual([["double", "“He said ‘never’ to me,”"]]);
  });

  it("runs a quotation left open to the paragraph's end, marked open-ended", () => {
    const text = '"The work is long and the road is hard.';
    const [span] = quoteSpans(text, whole(text));
    expect(span).toMatchObject({ start: 0, end: text.length, openEnded: true });
  });
});
