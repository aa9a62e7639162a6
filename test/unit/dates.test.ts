// The reader's form of TIMEX3 values, and the calendar start a timeline orders by.
import { describe, expect, it } from "vitest";
import { displayValue, durationDisplay, valueStart } from "../../src/engine/parse/dates.ts";

describe("durations read as durations", () => {
  it.each([
    ["PT1M", "1 minute"],
    ["P1M", "1 month"],
    ["PT2H", "2 hours"],
    ["P2Y", "2 years"],
    ["P1W", "1 week"],
    ["PT30S", "30 seconds"],
    ["P2Y6M", "2 years 6 months"],
    ["PT1H30M", "1 hour 30 minutes"],
    ["P1DT12H", "1 day 12 hours"],
    ["PXW", "several weeks"],
    ["PTXM", "several minutes"],
    ["P2Q", "2 quarters"],
    ["P1.5Y", "1.5 years"],
    ["P3CE", "3 centuries"],
  ])("%s → %s", (value, expected) => {
    expect(displayValue(value)).toBe(expected);
  });

  it("is not fooled by values that are not durations", () => {
    expect(durationDisplay("PAST_REF")).toBeNull();
    expect(durationDisplay("P")).toBeNull();
    expect(durationDisplay("2024-06")).toBeNull();
  });
});

describe("every other value reads as a person would say it", () => {
  it.each([
    ["2025-02-23", "Sunday 23 February 2025"],
    ["2025-02-23T14:05", "Sunday 23 February 2025, 14:05"],
    ["2025-02-21TEV", "Friday 21 February 2025, evening"],
    ["2024-06", "June 2024"],
    ["2025-W08", "week of 17 February 2025"],
    ["2025-W08-WE", "weekend of 22 February 2025"],
    ["2024-Q3", "Q3 2024"],
    ["2024-H1", "first half of 2024"],
    ["2024-SU", "summer 2024"],
    ["1998", "1998"],
    ["199", "the 1990s"],
    ["19", "the 20th century"],
    ["20", "the 21st century"],
    ["PRESENT_REF", "now"],
    ["XXXX-08", "August, year not given"],
    ["XXXX-05-05", "5 May, year not given"],
    ["XXXX-WXX-7", "Sunday, date not given"],
  ])("%s → %s", (value, expected) => {
    expect(displayValue(value)).toBe(expected);
  });
});

describe("timeline order", () => {
  it("starts each dated value on its first day and leaves unresolved ones undated", () => {
    expect(valueStart("2024-H2")).toBe("2024-07-01");
    expect(valueStart("2025-W08-WE")).toBe("2025-02-17");
    expect(valueStart("2024-Q3")).toBe("2024-07-01");
    expect(valueStart("XXXX-08")).toBeNull();
    expect(valueStart("P1M")).toBeNull();
  });
});
