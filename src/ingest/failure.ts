// Why an article could not be added: one reason each, with one message a user can act on.

export type IngestFailure =
  | { reason: "unreachable"; detail: string }
  | { reason: "not-an-article"; detail: string }
  | { reason: "too-large"; limitBytes: number }
  | { reason: "timed-out"; phase: "connect" | "headers" | "body" | "deadline" | "parse"; ms: number }
  | { reason: "refused-address"; address: string }
  | { reason: "unsupported-type"; type: string }
  | { reason: "http-status"; status: number }
  | { reason: "library-full"; limit: number };

export type IngestFailureReason = IngestFailure["reason"];

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MiB`
    : `${(bytes / 1_000_000).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;
}

function timeoutMessage(
  phase: "connect" | "headers" | "body" | "deadline" | "parse",
  seconds: number,
): string {
  switch (phase) {
    case "connect":
      return `the site did not accept a connection within ${seconds} s`;
    case "headers":
      return `the site did not answer within ${seconds} s`;
    case "body":
      return `the page stopped arriving (nothing for ${seconds} s)`;
    case "deadline":
      return `the page took too long (over ${seconds} s)`;
    case "parse":
      return `the article took too long to read (over ${seconds} s)`;
  }
}

export function failureMessage(failure: IngestFailure): string {
  switch (failure.reason) {
    case "unreachable":
      return `could not reach the page (${failure.detail})`;
    case "not-an-article":
      return `this is not an article: ${failure.detail}`;
    case "too-large":
      return `the article is too large (over ${megabytes(failure.limitBytes)})`;
    case "timed-out":
      return timeoutMessage(failure.phase, failure.ms / 1000);
    case "refused-address":
      return `refused: ${failure.address} is not a public internet address`;
    case "unsupported-type":
      return `unsupported type ${failure.type} (use a web page, a PDF, or a .txt, .md, .html or .pdf file)`;
    case "http-status":
      return `the site answered HTTP ${failure.status}`;
    case "library-full":
      return `the library is full (${failure.limit} articles); remove one first`;
  }
}

/** True when the failure is about what the user gave (exit 2), false for I/O trouble (exit 1). */
export function isInputFailure(failure: IngestFailure): boolean {
  switch (failure.reason) {
    case "unreachable":
    case "timed-out":
      return false;
    case "http-status":
      return failure.status < 500;
    default:
      return true;
  }
}

export class IngestError extends Error {
  constructor(readonly failure: IngestFailure) {
    super(failureMessage(failure));
    this.name = "IngestError";
  }
}
