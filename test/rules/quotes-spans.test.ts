// Quotation styles (src/engine/parse/quotes/spans.ts): each style rule on positive and negative cases.
import { describe, expect, it } from "vitest";
import { quoteSpans, STYLE_RULES } from "../../src/engine/parse/quotes/spans.ts";
import type { Paragraph } from "../../src/engine/types.ts";

const rule = (id: (typeof STYLE_RULES)[number]["id"]) => STYLE_RULES.find((r) => r.id === id)!;
const whole = (text: string): Paragraph => ({ start: 0, end: text.length, number: 1, section: null });
const quoted = (text: string) =>
  quoteSpans(text, whole(text)).map((s) => [s.style, text.slice(s.start, s.end)]);

describe("style rules: where a mark opens and closes", () => {
  const cases: [
    id: (typeof STYLE_RULES)[number]["id"],
    text: string,
    at: number,
    opens: boolean,
    closes: boolean,
  ][] = [
    ["wire-double-backtick", "``Yes,'' he said.", 0, true, false],
    ["wire-double-backtick", "``Yes,'' he said.", 6, false, true],
    ["wire-double-backtick", "a `tick` mark", 2, false, false],
    ["double-marks", "“Yes,” he said.", 0, true, false],
    ["double-marks", "“Yes,” he said.", 5, false, true],
    // A straight mark may do either; the scan's state decides.
    ["double-marks", 'She said "no".', 9, true, true],
    ["double-marks", 'A 6" pipe', 3, false, true],
    ["single-marks", "He called it 'lies' today.", 13, true, false],
    ["single-marks", "He called it 'lies' today.", 18, false, true],
    ["single-marks", "They don't know.", 8, false, false],
    ["single-marks", "Back in the '90s it was so.", 12, false, false],
    ["single-marks", "The students' union met.", 12, false, true],
    ["single-marks", "Ann Park's office", 8, false, false],
  ];
  it.each(cases)("%s on %j at %i: opens %s, closes %s", (id, text, at, opens, closes) => {
    expect(rule(id).opens(text, at) > 0).toBe(opens);
    expect(rule(id).closes(text, at) > 0).toBe(closes);
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
