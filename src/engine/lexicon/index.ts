// The one lexicon module: every word list the engine's rules read, by area, re-exported here.
export * from "./compromise";
export * from "./names";
