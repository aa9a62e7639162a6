// Discord's limits, in one place (https://discord.com/developers/docs/resources/message, …/interactions).
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFields: 25,
  embedFooter: 2048,
  embedAuthor: 256,
  embedsTotalChars: 6000,
  embedsPerMessage: 10,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  optionsPerCommand: 25,
  commandTotalChars: 8000,
  stringOption: 6000,
} as const;

/** Message flag: only the user who asked sees it. */
export const EPHEMERAL = 1 << 6;
