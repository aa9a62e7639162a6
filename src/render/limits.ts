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
  /** Components V2: every component of a message counts, nested ones too. */
  componentsV2Total: 40,
  /** Components V2: the text of all text displays of a message together. */
  componentsV2Text: 4000,
  sectionTexts: 3,
  mediaGalleryItems: 10,
  mediaDescription: 1024,
  linkButtonUrl: 512,
  modalTitle: 45,
  textInputLabel: 45,
  threadName: 100,
} as const;

/** Message flag: only the user who asked sees it. */
export const EPHEMERAL = 1 << 6;

/** Message flag: the message is laid out by components (a card); it has no content or embeds. */
export const IS_COMPONENTS_V2 = 1 << 15;
