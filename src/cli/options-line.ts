// `/quote speaker:Jack Ombaka topic:hero` → { command, options, rest }: the console's Discord-like syntax.
const KEYS = [
  "article",
  "speaker",
  "topic",
  "sentences",
  "limit",
  "query",
  "question",
  "claim",
  "private",
] as const;
export type LineKey = (typeof KEYS)[number];

export interface ParsedLine {
  command: string;
  options: Partial<Record<LineKey, string>>;
  /** Text not given to a named option: the query. */
  rest: string;
}

const KEY_PATTERN = new RegExp(`(?:^|\\s)(${KEYS.join("|")}):`, "g");

export function parseCommandLine(line: string): ParsedLine {
  const trimmed = line.trim().replace(/^\//, "");
  const space = trimmed.search(/\s/);
  const command = (space < 0 ? trimmed : trimmed.slice(0, space)).toLowerCase();
  const body = space < 0 ? "" : trimmed.slice(space + 1);
  const options: ParsedLine["options"] = {};
  const marks = [...body.matchAll(KEY_PATTERN)];
  const rest = (marks[0] ? body.slice(0, marks[0].index) : body).trim();
  marks.forEach((mark, i) => {
    const from = mark.index + mark[0].length;
    const to = marks[i + 1]?.index ?? body.length;
    const key = KEYS.find((k) => k === mark[1]);
    if (key) options[key] = body.slice(from, to).trim();
  });
  return { command, options, rest };
}
