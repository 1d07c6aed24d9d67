// The SSRF guard: every way we know to point Verity at this machine, its network or a cloud
// metadata service is refused. Nothing here connects anywhere but loopback fixture servers.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { HttpError } from "../../../src/fetch/http-client.js";
import { createHttpClient, type ClosableHttpClient } from "../../../src/fetch/http.js";
import {
  checkUrl,
  createSafeLookup,
  isForbiddenAddress,
  isForbiddenHostname,
  type ResolvedAddress,
  type Resolver,
} from "../../../src/fetch/ssrf.js";
import { isHttpError } from "../../helpers/assertions.js";
import { startPageServer, type PageServer } from "../../helpers/page-server.js";

interface Fixture extends PageServer {
  hits: string[];
}

async function startServer(handler: http.RequestListener): Promise<Fixture> {
  const hits: string[] = [];
  const server = await startPageServer((req, res) => {
    hits.push(req.url ?? "");
    handler(req, res);
  });
  return { ...server, hits };
}

/** Forbidden IP literals, as ipaddr.js and WHATWG URL parsing accept them, with the expected reason. */
const FORBIDDEN_LITERALS: [string, RegExp][] = [
  ["127.0.0.1", /loopback/],
  ["127.1", /loopback/],
  ["2130706433", /loopback/],
  ["0x7f000001", /loopback/],
  ["0177.0.0.1", /loopback/],
  ["0x7f.0.0.1", /loopback/],
  ["0", /unspecified/],
  ["0.0.0.0", /unspecified/],
  ["10.0.0.1", /private/],
  ["172.16.5.4", /private/],
  ["192.168.1.1", /private/],
  ["169.254.169.254", /cloud metadata/],
  ["169.254.1.1", /link-local/],
  ["100.64.0.1", /carrier-grade NAT/],
  ["100.100.100.200", /cloud metadata/],
  ["192.0.0.192", /cloud metadata/],
  ["224.0.0.1", /multicast/],
  ["255.255.255.255", /broadcast/],
  ["240.0.0.1", /reserved/],
  ["192.0.2.1", /documentation/],
  ["198.18.0.1", /benchmarking/],
  ["::1", /loopback/],
  ["[::1]", /loopback/],
  ["::", /unspecified/],
  ["::ffff:127.0.0.1", /IPv4-mapped loopback/],
  ["::ffff:7f00:1", /IPv4-mapped loopback/],
  ["::ffff:169.254.169.254", /IPv4-mapped cloud metadata/],
  ["::127.0.0.1", /IPv4-compatible loopback/],
  ["fe80::1", /link-local/],
  ["fe80::1%eth0", /link-local/],
  ["fc00::1", /unique local/],
  ["fd12:3456::1", /unique local/],
  ["fd00:ec2::254", /cloud metadata/],
  ["fec0::1", /site-local/],
  ["ff02::1", /multicast/],
  ["64:ff9b::7f00:1", /NAT64 embedding a forbidden IPv4 \(loopback\)/],
  ["64:ff9b::a9fe:a9fe", /NAT64 embedding a forbidden IPv4 \(cloud metadata\)/],
  ["2002:7f00:1::", /6to4 embedding a forbidden IPv4 \(loopback\)/],
  ["2002:c0a8:101::1", /6to4 embedding a forbidden IPv4 \(private\)/],
  ["2001:0:4136:e378:8000:63bf:80ff:fffe", /Teredo embedding a forbidden IPv4 \(loopback\)/],
  ["2001:db8::1", /documentation/],
  ["not-an-ip", /not an IP address/],
];

/** URLs whose host is forbidden, in every spelling the WHATWG parser normalises. */
const FORBIDDEN_URLS = [
  "http://127.0.0.1/",
  "http://127.1/",
  "http://2130706433/",
  "http://0x7f000001/",
  "http://0177.0.0.1/",
  "http://0x7f.0.0.1/",
  "http://0/",
  "http://0.0.0.0/",
  "http://10.0.0.1/",
  "http://172.16.5.4/",
  "http://192.168.1.1/",
  "http://169.254.169.254/latest/meta-data/",
  "http://100.64.0.1/",
  "http://100.100.100.200/",
  "http://224.0.0.1/",
  "http://255.255.255.255/",
  "http://240.0.0.1/",
  "http://[::1]/",
  "http://[::]/",
  "http://[::ffff:127.0.0.1]/",
  "http://[::ffff:7f00:1]/",
  "http://[fe80::1]/",
  "http://[fc00::1]/",
  "http://[fd00:ec2::254]/",
  "http://[64:ff9b::7f00:1]/",
  "http://[2002:7f00:1::]/",
  "http://localhost/",
  "http://LOCALHOST./",
  "http://foo.localhost/",
  "http://printer.local/",
  "http://db.corp.internal/",
  "http://metadata.google.internal/computeMetadata/v1/",
  "http://intranet/",
  "https://127.0.0.1:8443/",
  "http://127.0.0.1:22/",
  "http://127.0.0.1./",
  "http://127.000.000.001/",
  "http://0x7f.1/",
  "http://１２７.０.０.１/", // full-width digits, mapped by IDNA
  "http://%31%32%37.0.0.1/", // percent-encoded host
  "http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/", // enclosed letters, mapped by IDNA
  "http://[0:0:0:0:0:ffff:127.0.0.1]/",
  "http://[::ffff:a9fe:a9fe]/", // IPv4-mapped 169.254.169.254
  "http://localhost.localdomain/",
];

const BAD_URLS = [
  "file:///etc/passwd",
  "ftp://example.com/file",
  "gopher://example.com:70/_GET",
  "data:text/plain,hello",
  "javascript:alert(1)",
  "ws://example.com/socket",
  "http://user:pass@example.com/",
  "http://user@example.com/",
  "http://:secret@example.com/",
  "http://example.com:0/",
  "http://example.com:70000/",
  "not a url",
  "",
];

describe("isForbiddenAddress", () => {
  for (const [ip, reason] of FORBIDDEN_LITERALS) {
    it(`refuses ${ip}`, () => {
      const why = isForbiddenAddress(ip);
      assert.ok(why, `${ip} should be forbidden`);
      assert.match(why, reason);
    });
  }

  for (const ip of [
    "93.184.216.34",
    "8.8.8.8",
    "1.1.1.1",
    "2606:4700::1111",
    "2a00:1450:4001:80b::200e",
    "::ffff:93.184.216.34",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ]) {
    it(`lets public ${ip} through`, () => {
      assert.equal(isForbiddenAddress(ip), null);
    });
  }
});

describe("checkUrl", () => {
  for (const url of FORBIDDEN_URLS) {
    it(`refuses ${url}`, () => {
      assert.throws(() => checkUrl(url), isHttpError("forbidden_address"));
    });
  }

  for (const url of BAD_URLS) {
    it(`rejects ${JSON.stringify(url)} as a bad URL`, () => {
      assert.throws(() => checkUrl(url), isHttpError("bad_url"));
    });
  }

  it("accepts public names and addresses", () => {
    assert.equal(checkUrl("https://example.com/a?b=c").hostname, "example.com");
    assert.equal(checkUrl("http://93.184.216.34/").hostname, "93.184.216.34");
    assert.equal(checkUrl("http://[2606:4700::1111]:8080/").hostname, "[2606:4700::1111]");
    assert.equal(isForbiddenHostname("en.wikipedia.org"), null);
  });

  it("allows exactly the allowlisted host:port, nothing near it", () => {
    const allowedPrivateHosts = ["127.0.0.1:34567", "[::1]:34568"];
    assert.equal(checkUrl("http://127.0.0.1:34567/x", { allowedPrivateHosts }).port, "34567");
    assert.equal(checkUrl("http://2130706433:34567/x", { allowedPrivateHosts }).hostname, "127.0.0.1");
    assert.equal(checkUrl("http://[::1]:34568/", { allowedPrivateHosts }).port, "34568");
    assert.throws(() => checkUrl("http://127.0.0.1:34568/", { allowedPrivateHosts }), isHttpError("forbidden_address"));
    assert.throws(() => checkUrl("http://127.0.0.1/", { allowedPrivateHosts }), isHttpError("forbidden_address"));
    assert.throws(() => checkUrl("http://localhost:34567/", { allowedPrivateHosts }), isHttpError("forbidden_address"));
    assert.throws(() => checkUrl("http://127.0.0.2:34567/", { allowedPrivateHosts }), isHttpError("forbidden_address"));
    // Credentials and schemes are checked before the allowlist.
    assert.throws(() => checkUrl("http://a:b@127.0.0.1:34567/", { allowedPrivateHosts }), isHttpError("bad_url"));
  });
});

describe("the client refuses forbidden destinations", () => {
  let allowed: Fixture;
  let target: Fixture;
  let client: ClosableHttpClient;
  const resolutions = new Map<string, string[]>();
  let rebindCalls = 0;
  const resolver: Resolver = async (hostname) => {
    if (hostname === "rebind.example") {
      rebindCalls++;
      return [{ address: rebindCalls === 1 ? "93.184.216.34" : "127.0.0.1", family: 4 }];
    }
    const answers = resolutions.get(hostname);
    if (!answers) throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return answers.map((address): ResolvedAddress => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

  before(async () => {
    // "target" is private and NOT allowlisted: anything that reaches it is a hole.
    target = await startServer((_req, res) => res.end("secret"));
    allowed = await startServer((req, res) => {
      const location = new URL(req.url ?? "/", "http://x").searchParams.get("to");
      if (location) {
        res.writeHead(302, { location });
        res.end();
        return;
      }
      res.end("ok");
    });
    resolutions.set("evil.example", ["127.0.0.1"]);
    resolutions.set("meta.example", ["169.254.169.254"]);
    resolutions.set("alibaba.example", ["100.100.100.200"]);
    resolutions.set("private.example", ["10.1.2.3"]);
    resolutions.set("v6loop.example", ["::1"]);
    resolutions.set("mapped.example", ["::ffff:127.0.0.1"]);
    resolutions.set("nat64.example", ["64:ff9b::7f00:1"]);
    resolutions.set("127.0.0.1.nip.io", ["127.0.0.1"]);
    resolutions.set("loop2.example", ["127.0.0.2"]);
    resolutions.set("unspecified.example", ["0.0.0.0"]);
    resolutions.set("linklocal6.example", ["fe80::1"]);
    resolutions.set("fixture.example", ["127.0.0.1"]);
    client = createHttpClient({
      allowedPrivateHosts: [`127.0.0.1:${allowed.port}`, `fixture.example:${target.port}`],
      resolver,
    });
  });

  after(async () => {
    await client?.close();
    await allowed?.close();
    await target?.close();
  });

  it("reaches the allowlisted fixture (control)", async () => {
    const res = await client.request({ url: `http://127.0.0.1:${allowed.port}/` });
    assert.equal(res.status, 200);
    assert.equal(res.text(), "ok");
  });

  it("refuses every forbidden literal URL before connecting", async () => {
    for (const url of FORBIDDEN_URLS) {
      await assert.rejects(client.request({ url }), isHttpError("forbidden_address"), url);
    }
  });

  it("refuses the non-allowlisted port of an allowlisted host", async () => {
    await assert.rejects(client.request({ url: `http://127.0.0.1:${target.port}/` }), isHttpError("forbidden_address"));
    assert.equal(target.hits.length, 0);
  });

  it("refuses bad schemes and credentials", async () => {
    for (const url of BAD_URLS) {
      await assert.rejects(client.request({ url }), isHttpError("bad_url"), url);
    }
  });

  // Names that resolve to this machine: were the guard to fail, these would reach the fixture.
  for (const name of ["evil.example", "loop2.example", "unspecified.example", "v6loop.example", "mapped.example", "127.0.0.1.nip.io"]) {
    it(`refuses ${name}, a name that resolves to a forbidden address`, async () => {
      await assert.rejects(client.request({ url: `http://${name}:${target.port}/` }), isHttpError("forbidden_address"));
      assert.equal(target.hits.length, 0);
    });
  }

  // Names that resolve elsewhere are checked at the lookup itself, so that a broken guard could
  // never make this test connect to a real metadata service or private network.
  for (const name of ["meta.example", "alibaba.example", "private.example", "linklocal6.example", "nat64.example"]) {
    it(`refuses ${name} at lookup, a name that resolves to a forbidden address`, async () => {
      const lookup = createSafeLookup({ resolver });
      for (const all of [true, false]) {
        const error = await new Promise<unknown>((resolve) => lookup(name, { all }, (err) => resolve(err)));
        assert.ok(error instanceof HttpError && error.code === "forbidden_address", String(error));
      }
    });
  }

  it("refuses a name when ANY of its addresses is forbidden (checked without connecting)", async () => {
    const lookup = createSafeLookup({
      resolver: async () => [
        { address: "93.184.216.34", family: 4 },
        { address: "127.0.0.1", family: 4 },
      ],
    });
    const error = await new Promise<unknown>((resolve) => lookup("mixed.example", { all: true }, (err) => resolve(err)));
    assert.ok(error instanceof HttpError && error.code === "forbidden_address", String(error));
    const fine = createSafeLookup({
      resolver: async () => [
        { address: "93.184.216.34", family: 4 },
        { address: "2606:4700::1111", family: 6 },
      ],
    });
    const addresses = await new Promise<unknown>((resolve, reject) =>
      fine("public.example", { all: true }, (err, address) => (err ? reject(err) : resolve(address))),
    );
    assert.deepEqual(addresses, [
      { address: "93.184.216.34", family: 4 },
      { address: "2606:4700::1111", family: 6 },
    ]);
  });

  it("defeats DNS rebinding: public when first asked, loopback at connect time", async () => {
    const lookup = createSafeLookup({ resolver });
    // First resolution (as a pre-check would see it): public, accepted.
    const first = await new Promise<unknown>((resolve, reject) =>
      lookup("rebind.example", {}, (err, address) => (err ? reject(err) : resolve(address))),
    );
    assert.equal(first, "93.184.216.34");
    checkUrl(`http://rebind.example:${target.port}/`); // the URL itself is fine
    // At connect time the name answers 127.0.0.1: the connection is refused.
    await assert.rejects(client.request({ url: `http://rebind.example:${target.port}/` }), isHttpError("forbidden_address"));
    assert.ok(rebindCalls >= 2);
    assert.equal(target.hits.length, 0);
  });

  it("lets an allowlisted name:port through its private address (control for the DNS cases)", async () => {
    const res = await client.request({ url: `http://fixture.example:${target.port}/` });
    assert.equal(res.text(), "secret");
    target.hits.length = 0;
  });

  const redirects: [string, (port: number) => string, string][] = [
    ["another loopback port", (port) => `http://127.0.0.1:${port}/`, "forbidden_address"],
    ["cloud metadata", () => "http://169.254.169.254/latest/meta-data/iam/", "forbidden_address"],
    ["localhost by name", (port) => `http://localhost:${port}/`, "forbidden_address"],
    ["IPv6 loopback", (port) => `http://[::1]:${port}/`, "forbidden_address"],
    ["decimal loopback", (port) => `http://2130706433:${port}/`, "forbidden_address"],
    ["a name resolving to loopback", (port) => `http://evil.example:${port}/`, "forbidden_address"],
    ["a file: URL", () => "file:///etc/passwd", "bad_url"],
    ["credentials", (port) => `http://user:pw@127.0.0.1:${port}/`, "bad_url"],
  ];
  for (const [what, location, code] of redirects) {
    it(`refuses a redirect to ${what}`, async () => {
      const to = encodeURIComponent(location(target.port));
      await assert.rejects(client.request({ url: `http://127.0.0.1:${allowed.port}/?to=${to}` }), isHttpError(code));
      assert.equal(target.hits.length, 0);
    });
  }

  it("ignores request headers that try to change the destination", async () => {
    await assert.rejects(
      client.request({ url: `http://127.0.0.1:${target.port}/`, headers: { host: `127.0.0.1:${allowed.port}` } }),
      isHttpError("forbidden_address"),
    );
    assert.equal(target.hits.length, 0);
  });
});
