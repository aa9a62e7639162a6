// Discord signs every interaction it POSTs: Ed25519 over `X-Signature-Timestamp` + the raw body, checked
// against the application's public key with node:crypto (the raw 32-byte key wrapped as SPKI DER).
import { createPublicKey, type KeyObject, verify } from "node:crypto";

/** The DER header of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
/** A signed request older (or further ahead) than this is refused, so a captured one cannot be replayed later. */
export const MAX_SKEW_SECONDS = 5 * 60;

export function publicKeyFromHex(hex: string): KeyObject {
  const raw = Buffer.from(hex, "hex");
  if (raw.length !== 32) throw new Error("an Ed25519 public key is 32 bytes (64 hex digits)");
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: "der", type: "spki" });
}

export type SignatureCheck = { ok: true } | { ok: false; reason: "missing" | "malformed" | "stale" | "bad" };

/** Checks a request's signature headers against its raw body; nothing of the body is parsed. */
export function checkSignature(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowSeconds: number,
): SignatureCheck {
  if (!signature || !timestamp) return { ok: false, reason: "missing" };
  if (!/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,15}$/.test(timestamp))
    return { ok: false, reason: "malformed" };
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_SKEW_SECONDS) return { ok: false, reason: "stale" };
  const signed = Buffer.concat([Buffer.from(timestamp, "utf8"), body]);
  return verify(null, signed, key, Buffer.from(signature, "hex"))
    ? { ok: true }
    : { ok: false, reason: "bad" };
}
