// Which addresses a fetch may reach: public unicast only. Loopback (127.0.0.0/8) only when tests allow it.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";
import { IngestError } from "./failure.ts";

export interface AddressPolicy {
  /** FETCH_ALLOW_LOOPBACK: lets IPv4 loopback through so tests can serve pages on 127.0.0.1. */
  allowLoopback: boolean;
}

/** Parses an address the way a socket would see it; undefined for anything that is not an IP literal. */
function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  return ipaddr.isValid(bare) ? ipaddr.parse(bare) : undefined;
}

/**
 * True when the address is public unicast. Every special range ipaddr.js names is refused: loopback,
 * private, link-local (169.254/16, fe80::/10), CGNAT (100.64/10), unspecified, broadcast, multicast,
 * reserved, IPv6 unique-local, IPv4-mapped/translated, NAT64 (64:ff9b::/96), 6to4 and Teredo.
 */
export function isAllowedAddress(address: string, policy: AddressPolicy): boolean {
  const parsed = parseAddress(address);
  if (!parsed) return false;
  const range = parsed.range();
  if (range === "unicast") return true;
  return policy.allowLoopback && parsed.kind() === "ipv4" && range === "loopback";
}

export function isIpLiteral(hostname: string): boolean {
  return parseAddress(hostname) !== undefined;
}

/**
 * Checks a URL before any connection: http(s) only, and a literal IP host must be allowed.
 * The WHATWG parser has already turned `2130706433` and `0x7f.1` into `127.0.0.1`.
 */
export function checkUrl(raw: string | URL, policy: AddressPolicy): URL {
  let url: URL;
  try {
    url = typeof raw === "string" ? new URL(raw.trim()) : raw;
  } catch {
    throw new IngestError({ reason: "unreachable", detail: "not a valid URL" });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new IngestError({ reason: "unsupported-type", type: `${url.protocol.replace(/:$/, "")} link` });
  }
  if (url.username || url.password) {
    throw new IngestError({
      reason: "unreachable",
      detail: "links with a user name or password are not fetched",
    });
  }
  if (isIpLiteral(url.hostname) && !isAllowedAddress(url.hostname, policy)) {
    throw new IngestError({ reason: "refused-address", address: url.hostname.replace(/^\[|\]$/g, "") });
  }
  return url;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for net/tls.connect that refuses a host when any of its addresses is not allowed
 * (a name that also resolves to a private address is a rebinding attempt, not a news site).
 */
export function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: LookupOptions | number, callback: LookupCallback) => {
    const family = typeof options === "number" ? options : (options.family ?? 0);
    const all = typeof options === "object" && options.all === true;
    dnsLookup(hostname, { all: true, family }, (error, addresses) => {
      if (error) return callback(error, all ? [] : "", 0);
      const refused = addresses.find((a) => !isAllowedAddress(a.address, policy));
      const [first] = addresses;
      if (refused || !first) {
        return callback(
          new IngestError({
            reason: "refused-address",
            address: `${hostname} (${refused?.address ?? "no address"})`,
          }),
          all ? [] : "",
          0,
        );
      }
      if (all) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}
