// The one lexicon module: every word list the engine's rules read, by area, re-exported here.
export * from "./boilerplate.ts";
export * from "./check.ts";
export * from "./compromise.ts";
export * from "./grammar.ts";
export * from "./names.ts";
export * from "./numbers.ts";
export * from "./question.ts";
export * from "./question-types.ts";
export * from "./reader.ts";
export * from "./speech.ts";
export * from "./time.ts";
export * from "./words.ts";
