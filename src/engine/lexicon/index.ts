// The one lexicon module: every word list the engine's rules read, by area, re-exported here.
export * from "./boilerplate";
export * from "./compromise";
export * from "./names";
export * from "./question";
export * from "./speech";
export * from "./time";
