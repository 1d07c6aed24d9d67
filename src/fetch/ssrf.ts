// The guard against server-side request forgery: nothing Verity fetches may reach this machine,
// its network, or a cloud metadata service. Three layers:
// - checkUrl: the URL itself (scheme, credentials, port, IP literals in every spelling, local names);
// - the connect-time lookup: every address a name resolves to is checked right before the socket
//   connects to it, so DNS rebinding (public at first, private at connect) is refused;
// - the connector: IP literals are checked again where the socket is opened.
// An exact "host:port" allowlist given to the client lets through what is private on purpose: the
// endpoints the operator configured (a SearXNG on 127.0.0.1), for the requests made to them only, and
// the loopback fixture servers of tests.
import dns from "node:dns";
import type { LookupAddress, LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";
import { buildConnector } from "undici";
import { HttpError } from "./http-client.js";

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses. Injectable for tests. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = async (hostname) => {
  const answers = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

interface SsrfOptions {
  /** "host:port" entries (e.g. "127.0.0.1:34567") that may be reached although private. */
  allowedPrivateHosts?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Addresses

const CLOUD_METADATA_V4 = new Set([
  "169.254.169.254", // AWS, GCP, Azure, OpenStack, DigitalOcean, ...
  "169.254.170.2", // AWS ECS task metadata
  "169.254.169.253", // AWS VPC DNS resolver
  "169.254.0.23", // Tencent Cloud
  "100.100.100.200", // Alibaba Cloud
  "192.0.0.192", // Oracle Cloud
  "168.63.129.16", // Azure wire server (a public address, reachable only from inside Azure)
]);
const CLOUD_METADATA_V6 = ["fd00:ec2::254", "fd00:ec2::23"].map((a) => ipaddr.IPv6.parse(a).toNormalizedString());

const V4_DOCUMENTATION: [IPv4, number][] = ["192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"].map((cidr) => ipaddr.IPv4.parseCIDR(cidr));
const V4_BENCHMARKING: [IPv4, number] = [ipaddr.IPv4.parse("198.18.0.0"), 15];

/**
 * Why an address may not be fetched, or null when it is a public unicast address.
 * Accepts any spelling ipaddr.js parses (dotted, short, hex, octal, IPv6 with or without brackets
 * and zone); what is not an IP address at all is refused too.
 */
export function isForbiddenAddress(ip: string): string | null {
  let text = ip.trim();
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  let parsed: IPv4 | IPv6;
  try {
    parsed = ipaddr.parse(text.includes(":") ? dottedTailToHex(text) : text);
  } catch {
    return "not an IP address";
  }
  return parsed.kind() === "ipv4" ? forbiddenV4(parsed as IPv4) : forbiddenV6(parsed as IPv6);
}

/**
 * "::127.0.0.1" → "::7f00:1". ipaddr.js 2.5 parses the IPv4-compatible "::a.b.c.d" as if it were
 * IPv4-mapped (::ffff:a.b.c.d); spelling a dotted tail in hex avoids that for every prefix.
 */
function dottedTailToHex(text: string): string {
  return text.replace(/(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?=%|$)/, (whole, a: string, b: string, c: string, d: string) => {
    const octets = [a, b, c, d].map(Number);
    if (octets.some((o) => o > 255)) return whole;
    return `${((octets[0]! << 8) | octets[1]!).toString(16)}:${((octets[2]! << 8) | octets[3]!).toString(16)}`;
  });
}

function forbiddenV4(ip: IPv4): string | null {
  if (CLOUD_METADATA_V4.has(ip.toString())) return "cloud metadata";
  switch (ip.range()) {
    case "unspecified":
      return "unspecified";
    case "broadcast":
      return "broadcast";
    case "multicast":
      return "multicast";
    case "linkLocal":
      return "link-local";
    case "loopback":
      return "loopback";
    case "carrierGradeNat":
      return "carrier-grade NAT";
    case "private":
      return "private";
    case "reserved":
      if (V4_DOCUMENTATION.some((range) => ip.match(range))) return "documentation";
      if (ip.match(V4_BENCHMARKING)) return "benchmarking";
      return "reserved";
    default:
      // unicast, and the globally reachable anycast blocks (AS112, AMT)
      return null;
  }
}

function embeddedV4(parts: number[], high: number, low: number): IPv4 {
  const a = parts[high] ?? 0;
  const b = parts[low] ?? 0;
  return new ipaddr.IPv4([a >> 8, a & 0xff, b >> 8, b & 0xff]);
}

function forbiddenV6(ip: IPv6): string | null {
  const p = ip.parts;
  const normalized = new ipaddr.IPv6(p).toNormalizedString(); // without zone
  if (CLOUD_METADATA_V6.includes(normalized)) return "cloud metadata";

  // ::/96 (IPv4-compatible, deprecated), with :: and ::1 among them
  if (p.slice(0, 6).every((x) => x === 0)) {
    if (p[6] === 0 && p[7] === 0) return "unspecified";
    if (p[6] === 0 && p[7] === 1) return "loopback";
    const inner = forbiddenV4(embeddedV4(p, 6, 7));
    return inner ? `IPv4-compatible ${inner}` : "reserved (deprecated IPv4-compatible address)";
  }

  const range: string = ip.range();
  switch (range) {
    case "ipv4Mapped": {
      const inner = forbiddenV4(embeddedV4(p, 6, 7));
      return inner ? `IPv4-mapped ${inner}` : null;
    }
    case "rfc6145": {
      const inner = forbiddenV4(embeddedV4(p, 6, 7));
      return inner ? `IPv4-translated ${inner}` : null;
    }
    case "rfc6052": {
      // 64:ff9b::/96 (well-known NAT64 prefix) embeds the IPv4 in its last 32 bits;
      // 64:ff9b:1::/48 is for local-use translation and never public.
      if (p[2] !== 0 || p[3] !== 0 || p[4] !== 0 || p[5] !== 0) return "reserved (local-use NAT64)";
      const inner = forbiddenV4(embeddedV4(p, 6, 7));
      return inner ? `NAT64 embedding a forbidden IPv4 (${inner})` : null;
    }
    case "6to4": {
      const inner = forbiddenV4(embeddedV4(p, 1, 2));
      return inner ? `6to4 embedding a forbidden IPv4 (${inner})` : null;
    }
    case "teredo": {
      // 2001:0::/32 — server IPv4 in bits 32..63, client IPv4 (inverted) in the last 32 bits.
      const server = forbiddenV4(embeddedV4(p, 2, 3));
      if (server) return `Teredo embedding a forbidden IPv4 (${server})`;
      const client = forbiddenV4(
        embeddedV4(
          p.map((x, i) => (i >= 6 ? ~x & 0xffff : x)),
          6,
          7,
        ),
      );
      return client ? `Teredo embedding a forbidden IPv4 (${client})` : null;
    }
    case "unspecified":
      return "unspecified";
    case "loopback":
      return "loopback";
    case "linkLocal":
      return "link-local";
    case "multicast":
      return "multicast";
    case "uniqueLocal":
      return "unique local";
    case "deprecatedSiteLocal":
      return "site-local (deprecated)";
    case "benchmarking":
      return "benchmarking";
    case "reserved":
      // 2001:db8::/32 and 3fff::/20 are documentation; the rest of 2001::/23 is IETF protocol space.
      if ((p[0] === 0x2001 && p[1] === 0x0db8) || (p[0]! & 0xf000) === 0x3000) return "documentation";
      return "reserved";
    case "discard":
      return "reserved (discard)";
    case "deprecatedOrchid":
    case "orchid2":
    case "segmentRouting":
      return "reserved";
    default:
      // Only 2000::/3 is global unicast; everything else is unallocated or special.
      if ((p[0]! & 0xe000) !== 0x2000) return "reserved";
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Names and URLs

const FORBIDDEN_NAMES = new Map<string, string>([
  ["metadata.google.internal", "cloud metadata"],
  ["metadata.goog", "cloud metadata"],
  ["metadata", "cloud metadata"],
  ["instance-data", "cloud metadata"],
]);
const FORBIDDEN_SUFFIXES = ["localhost", "local", "internal", "localdomain", "home.arpa", "arpa", "lan", "intranet", "corp", "private"];

/** Why a host name (not an IP literal) may not be fetched, or null. */
export function isForbiddenHostname(hostname: string): string | null {
  const name = hostname.toLowerCase().replace(/\.+$/, "");
  if (!name) return "empty host name";
  const known = FORBIDDEN_NAMES.get(name);
  if (known) return known;
  if (name === "localhost" || name.endsWith(".localhost")) return "localhost";
  for (const suffix of FORBIDDEN_SUFFIXES) {
    if (name === suffix || name.endsWith("." + suffix)) return `local network name (.${suffix})`;
  }
  // A single-label name is completed by the resolver's search domains: an intranet host, never a public site.
  if (!name.includes(".")) return "single-label host name";
  return null;
}

function defaultPort(protocol: string): number {
  return protocol === "https:" ? 443 : 80;
}

/** Whether "host:port" is in the allowlist (exact match; IPv6 hosts are written in brackets). */
function isAllowlisted(hostname: string, port: number, allowed: readonly string[] | undefined): boolean {
  if (!allowed || allowed.length === 0) return false;
  const host = hostname.toLowerCase();
  const bare = host.startsWith("[") ? host.slice(1, -1) : host;
  const candidates = bare.includes(":") ? [`[${bare}]:${port}`] : [`${bare}:${port}`];
  return allowed.some((entry) => candidates.includes(entry.trim().toLowerCase()));
}

const MAX_URL_LENGTH = 8192;

/**
 * Parses and checks a URL before anything is sent. Throws HttpError "bad_url" for anything but
 * http(s), credentials, bad ports and unparsable URLs, and "forbidden_address" for IP literals in
 * forbidden ranges (whatever their spelling: WHATWG parsing normalises them first) and local names.
 */
export function checkUrl(url: string, options: SsrfOptions = {}): URL {
  if (typeof url !== "string" || url.length > MAX_URL_LENGTH) throw new HttpError("URL missing or too long", "bad_url");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new HttpError(`not a valid URL: ${url.slice(0, 200)}`, "bad_url");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new HttpError(`only http and https URLs can be fetched, not ${parsed.protocol}`, "bad_url");
  }
  if (parsed.username || parsed.password) throw new HttpError("URLs with credentials are not fetched", "bad_url");
  const port = parsed.port === "" ? defaultPort(parsed.protocol) : Number(parsed.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new HttpError(`bad port ${parsed.port}`, "bad_url");
  const hostname = parsed.hostname;
  if (!hostname) throw new HttpError("URL without a host", "bad_url");

  if (isAllowlisted(hostname, port, options.allowedPrivateHosts)) return parsed;
  const reason = isIpLiteral(hostname) ? isForbiddenAddress(hostname) : isForbiddenHostname(hostname);
  if (reason) throw new HttpError(`refused to fetch ${hostname}: ${reason}`, "forbidden_address");
  return parsed;
}

/** After WHATWG parsing an IPv4 host is always dotted decimal and an IPv6 host is bracketed. */
function isIpLiteral(hostname: string): boolean {
  return hostname.startsWith("[") || ipaddr.IPv4.isValidFourPartDecimal(hostname);
}

// ---------------------------------------------------------------------------------------------
// Connect time

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
type SafeLookup = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

interface SafeLookupOptions {
  resolver?: Resolver;
  /** false only for allowlisted host:port pairs: resolve, but do not check. */
  enforce?: boolean;
}

function networkError(message: string, code: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(message);
  error.code = code;
  return error;
}

/**
 * A lookup for net.connect / tls.connect (undici's connect.lookup): resolves the name and fails
 * when ANY of its addresses is forbidden, so the address checked is the address connected to.
 */
export function createSafeLookup(options: SafeLookupOptions = {}): SafeLookup {
  const resolver = options.resolver ?? systemResolver;
  const enforce = options.enforce ?? true;
  return (hostname, lookupOptions, callback) => {
    const run = async (): Promise<ResolvedAddress[]> => {
      const literal = ipaddr.isValid(hostname) ? ipaddr.parse(hostname) : null;
      const answers: ResolvedAddress[] = literal
        ? [{ address: literal.toString(), family: literal.kind() === "ipv6" ? 6 : 4 }]
        : await resolver(hostname);
      if (answers.length === 0) throw networkError(`no address for ${hostname}`, "ENOTFOUND");
      if (enforce) {
        if (!literal) {
          const nameReason = isForbiddenHostname(hostname);
          if (nameReason) throw new HttpError(`refused to connect to ${hostname}: ${nameReason}`, "forbidden_address");
        }
        for (const answer of answers) {
          const reason = isForbiddenAddress(answer.address);
          if (reason) {
            throw new HttpError(`refused to connect to ${hostname}: it resolves to ${answer.address} (${reason})`, "forbidden_address");
          }
        }
      }
      const family =
        lookupOptions.family === 4 || lookupOptions.family === "IPv4"
          ? 4
          : lookupOptions.family === 6 || lookupOptions.family === "IPv6"
            ? 6
            : 0;
      const usable = family ? answers.filter((a) => a.family === family) : answers;
      if (usable.length === 0) throw networkError(`no IPv${family} address for ${hostname}`, "ENOTFOUND");
      return usable;
    };
    run().then(
      (usable) => {
        if (lookupOptions.all)
          callback(
            null,
            usable.map((a) => ({ address: a.address, family: a.family })),
          );
        else callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, ""),
    );
  };
}

interface SafeConnectorOptions extends SsrfOptions {
  resolver?: Resolver;
  /** Connect (TCP + TLS) timeout in ms. */
  timeout?: number;
}

/**
 * An undici connector that checks every connection: IP literals directly, names through the safe
 * lookup. Only an exact allowlisted "host:port" skips the checks.
 */
export function createSafeConnector(options: SafeConnectorOptions = {}): buildConnector.connector {
  const timeout = options.timeout ?? 5000;
  const strict = buildConnector({ timeout, lookup: createSafeLookup({ resolver: options.resolver, enforce: true }) });
  const permissive = buildConnector({ timeout, lookup: createSafeLookup({ resolver: options.resolver, enforce: false }) });
  return (connectOptions, callback) => {
    const { hostname, protocol } = connectOptions;
    const port = connectOptions.port ? Number(connectOptions.port) : defaultPort(protocol);
    if (isAllowlisted(hostname, port, options.allowedPrivateHosts)) {
      permissive(connectOptions, callback);
      return;
    }
    if (ipaddr.isValid(hostname)) {
      const reason = isForbiddenAddress(hostname);
      if (reason) {
        callback(new HttpError(`refused to connect to ${hostname}: ${reason}`, "forbidden_address"), null);
        return;
      }
    }
    strict(connectOptions, callback);
  };
}
