// The engine's one rule language. A rule is a named, declarative row: a pattern that says where it holds and an
// action from its stage's small closed set that says what it does. A stage writes its rules as a table
// (`[…] as const satisfies readonly Rule<Id, Action>[]`) and reads it with the runner below, which reports the id
// of every rule that fired, so a test, a trace or an eval can say which rule made a decision.

/**
 * A match on the named facts a stage reads off its subject (a capitalised run's words, a pronoun's candidate
 * antecedent): it holds when every fact of `all` is there, one at least of `any` (when given), and none of `none`.
 * The stage computes its subject's facts in one function; the rules stay data.
 */
export interface FactMatch<Fact extends string = string> {
  readonly all: readonly Fact[];
  readonly any?: readonly Fact[];
  readonly none?: readonly Fact[];
}

/** A text pattern (tested against the stage's input, from its start) or a match on the subject's facts. */
export type RuleMatch = RegExp | FactMatch;

/** One named rule: `id` names it, `reason` says why it is right, `example` is an invented input it fires on. */
export interface Rule<
  Id extends string = string,
  Action extends string = string,
  Match extends RuleMatch = RegExp,
> {
  readonly id: Id;
  readonly reason: string;
  readonly example: string;
  /** Where the rule holds. */
  readonly match: Match;
  /** What the stage does where it holds, one of the stage's closed set. */
  readonly action: Action;
}

/** A rule whose match is on facts. */
export type FactRule<
  Id extends string = string,
  Action extends string = string,
  Fact extends string = string,
> = Rule<Id, Action, FactMatch<Fact>>;

/** A rule that fired: its id, its action and what its pattern matched. */
export interface Fired<Id extends string = string, Action extends string = string> {
  readonly id: Id;
  readonly action: Action;
  readonly match: RegExpExecArray;
}

/** The ids of a rule table. */
export type RuleId<Table extends readonly Rule<string, string, RuleMatch>[]> = Table[number]["id"];
/** The actions of a rule table. */
export type RuleAction<Table extends readonly Rule<string, string, RuleMatch>[]> = Table[number]["action"];

type FiredOf<Table extends readonly Rule[]> = Fired<RuleId<Table>, RuleAction<Table>>;

/** Where one rule holds on an input, or null. */
export function fire<R extends Rule>(rule: R, input: string): Fired<R["id"], R["action"]> | null {
  rule.match.lastIndex = 0;
  const match = rule.match.exec(input);
  return match ? { id: rule.id, action: rule.action, match } : null;
}

/** What a table's rules are tested on: one text, or a text chosen by each rule's action (`before`, `after`). */
type Input<Table extends readonly Rule[]> = string | ((rule: Table[number]) => string);

const inputFor = <Table extends readonly Rule[]>(input: Input<Table>, rule: Table[number]) =>
  typeof input === "string" ? input : input(rule);

/** Where one rule holds at a position of an input (its pattern carries the sticky `y` flag), or null. */
export function fireAt<R extends Rule>(
  rule: R,
  input: string,
  at: number,
): Fired<R["id"], R["action"]> | null {
  rule.match.lastIndex = at;
  const match = rule.match.exec(input);
  return match ? { id: rule.id, action: rule.action, match } : null;
}

/** The rules of a table that hold on an input, in table order; lazy, so a stage can stop at the one it keeps. */
export function* fired<Table extends readonly Rule[]>(
  table: Table,
  input: Input<Table>,
): Generator<FiredOf<Table>, void, undefined> {
  for (const rule of table) {
    const hit = fire(rule, inputFor(input, rule));
    if (hit) yield hit;
  }
}

/** Every place each rule of a table holds, rule by rule and left to right; the patterns carry the `g` flag. */
export function* firedEverywhere<Table extends readonly Rule[]>(
  table: Table,
  input: Input<Table>,
): Generator<FiredOf<Table>, void, undefined> {
  for (const rule of table) yield* everywhere(rule, inputFor(input, rule));
}

/** The first rule of a table that holds on an input, or null. */
export function firstFired<Table extends readonly Rule[]>(
  table: Table,
  input: Input<Table>,
): FiredOf<Table> | null {
  for (const hit of fired(table, input)) return hit;
  return null;
}

/** Whether any rule of a table holds on an input. */
export function anyFired(table: readonly Rule[], input: string): boolean {
  return firstFired(table, input) !== null;
}

/** Whether a rule of a table with this action holds on an input. */
export function holds<Table extends readonly Rule[]>(
  table: Table,
  action: RuleAction<Table>,
  input: string,
): boolean {
  for (const rule of table) if (rule.action === action && fire(rule, input)) return true;
  return false;
}

/** Every place one rule holds on an input, left to right; its pattern must carry the `g` flag. */
export function* everywhere<R extends Rule>(
  rule: R,
  input: string,
): Generator<Fired<R["id"], R["action"]>, void, undefined> {
  for (const match of input.matchAll(rule.match)) yield { id: rule.id, action: rule.action, match };
}

/** A subject's facts: a set of them, or a function that reads one fact when a rule asks for it. */
export type Facts<Fact extends string = string> = ReadonlySet<Fact> | ((fact: Fact) => boolean);

const hasFact = <Fact extends string>(facts: Facts<Fact>, fact: Fact) =>
  typeof facts === "function" ? facts(fact) : facts.has(fact);

/** Whether a fact match holds on a subject's facts (reading each fact only as far as it needs). */
export function factsHold<Fact extends string>(match: FactMatch<Fact>, facts: Facts<Fact>): boolean {
  return (
    match.all.every((fact) => hasFact(facts, fact)) &&
    (match.any === undefined || match.any.some((fact) => hasFact(facts, fact))) &&
    !match.none?.some((fact) => hasFact(facts, fact))
  );
}

/** The rules of a fact table that hold on a subject's facts, in table order. */
export function* firedOnFacts<Fact extends string, Table extends readonly FactRule<string, string, Fact>[]>(
  table: Table,
  facts: Facts<Fact>,
): Generator<Table[number], void, undefined> {
  for (const rule of table) if (factsHold(rule.match, facts)) yield rule;
}

/** The first rule of a fact table that holds on a subject's facts, or null. */
export function firstFiredOnFacts<
  Fact extends string,
  Table extends readonly FactRule<string, string, Fact>[],
>(table: Table, facts: Facts<Fact>): Table[number] | null {
  for (const rule of firedOnFacts(table, facts)) return rule;
  return null;
}
