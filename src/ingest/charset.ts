// Turns a page's bytes into text in the page's own charset: BOM, then Content-Type, then <meta charset>.

// Node's TextDecoder treats windows-1252 as ISO-8859-1; WHATWG maps 0x80–0x9F to these (0 = undefined).
const WINDOWS_1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];

/** The labels WHATWG Encoding maps to windows-1252 (latin1 and ascii included, as browsers do). */
const WINDOWS_1252_LABELS = new Set([
  "windows-1252",
  "cp1252",
  "x-cp1252",
  "iso-8859-1",
  "iso8859-1",
  "iso_8859-1",
  "latin1",
  "l1",
  "ascii",
  "us-ascii",
  "ansi_x3.4-1968",
]);

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) =>
      b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80] || b : b,
    );
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** The charset a page declares in its first 1,024 bytes (`<meta charset>` or the http-equiv form). */
export function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(head);
  return match?.[1]?.toLowerCase();
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

export function decodeWithCharset(bytes: Uint8Array, label: string): string {
  const name = label.trim().toLowerCase();
  if (WINDOWS_1252_LABELS.has(name)) return decodeWindows1252(bytes);
  try {
    return new TextDecoder(name).decode(bytes);
  } catch {
    // An unknown label: UTF-8 is what almost every page is.
    return new TextDecoder("utf-8").decode(bytes);
  }
}

/** The encoding an XML document declares (`<?xml version="1.0" encoding="ISO-8859-1"?>`). */
export function sniffXmlEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 256)).toString("latin1");
  return /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1]?.toLowerCase();
}

/** Decodes an XML document (a feed): a BOM, then the Content-Type charset, then its declaration, then UTF-8. */
export function decodeXml(bytes: Uint8Array, headerCharset: string | undefined): string {
  const label = bomCharset(bytes) ?? headerCharset ?? sniffXmlEncoding(bytes) ?? "utf-8";
  return decodeWithCharset(bytes, label).replace(/^\uFEFF/, "");
}

/** The `charset` parameter of a Content-Type header, lower case. */
export function contentTypeCharset(contentType: string): string | undefined {
  const [, ...params] = contentType.split(";").map((s) => s.trim());
  const charset = params
    .map((p) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(p)?.[1])
    .find((c): c is string => Boolean(c));
  return charset?.toLowerCase();
}

/** Decodes a fetched page: a BOM wins, then the header's charset, then a <meta> declaration, then UTF-8. */
export function decodePage(bytes: Uint8Array, headerCharset: string | undefined, isHtml: boolean): string {
  const label = bomCharset(bytes) ?? headerCharset ?? (isHtml ? sniffMetaCharset(bytes) : undefined);
  if (label) return decodeWithCharset(bytes, label).replace(/^\uFEFF/, "");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Undeclared and not UTF-8: browsers fall back to windows-1252, and so do we.
    return decodeWindows1252(bytes);
  }
}
