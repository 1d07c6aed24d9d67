// ClaimReview JSON-LD: the rating's name, the claim's author, appearance and date when the
// report knows them, one review per claim at the claim's own anchor, and a safe script block.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { JSDOM } from "jsdom";
import { renderHtml } from "../../../src/render/html.js";
import { claimReview, jsonForScript } from "../../../src/server/jsonld.js";
import { hostileReport, sampleReport } from "../../helpers/sample-report.js";

const BASE = "https://verity.example";
type Review = Record<string, any>;

describe("claimReview", () => {
  it("rates the claim with the verdict's name; no appearance is invented for a question", () => {
    const ld = claimReview(sampleReport(), BASE) as Review;
    assert.equal(ld["@type"], "ClaimReview");
    assert.equal(ld.url, BASE + sampleReport().url);
    assert.deepEqual(
      { name: ld.reviewRating.name, alternateName: ld.reviewRating.alternateName, ratingValue: ld.reviewRating.ratingValue },
      { name: "Refuted", alternateName: "Refuted", ratingValue: 1 },
    );
    assert.equal(ld.itemReviewed.appearance, undefined);
    assert.equal(ld.itemReviewed.firstAppearance, undefined);
    assert.equal(ld.itemReviewed.datePublished, undefined);
    assert.equal(ld.itemReviewed.author, undefined);
  });

  it("says where, when and by whom a submitted page made the claim", () => {
    const page = {
      url: "https://news.example/viral",
      title: "Viral post",
      siteName: "News Example",
      author: "Sam Poster",
      publishedAt: "2024-03-01",
    };
    const ld = claimReview(sampleReport({ input: { text: page.url, kind: "url", page } }), BASE) as Review;
    const claim = ld.itemReviewed;
    const appearance = {
      "@type": "CreativeWork",
      url: page.url,
      headline: "Viral post",
      publisher: { "@type": "Organization", name: "News Example" },
      datePublished: "2024-03-01",
    };
    assert.deepEqual(claim.appearance, [appearance]);
    assert.deepEqual(claim.firstAppearance, appearance);
    assert.equal(claim.datePublished, "2024-03-01");
    assert.deepEqual(claim.author, { "@type": "Person", name: "Sam Poster" });
    // A report made before pages were kept knows only the address.
    const bare = claimReview(sampleReport({ input: { text: page.url, kind: "url" } }), BASE) as Review;
    assert.deepEqual(bare.itemReviewed.appearance, [{ "@type": "CreativeWork", url: page.url }]);
    assert.equal(bare.itemReviewed.datePublished, undefined);
  });

  it("names the speaker a claim is attributed to, when the report names them", () => {
    const report = sampleReport({
      input: { text: "Jane Doe said coffee dehydrates you", kind: "claim" },
      claims: [{ id: "c1", text: "Jane Doe said coffee dehydrates you." }],
      entities: [{ name: "Jane Doe", type: "person", wikidataId: "Q1" }],
    });
    assert.deepEqual((claimReview(report, BASE) as Review).itemReviewed.author, {
      "@type": "Person",
      name: "Jane Doe",
      sameAs: "https://www.wikidata.org/wiki/Q1",
    });
  });

  it("gives each of several claims its own review, at its own anchor on the page, in its own words", () => {
    const report = sampleReport({
      claims: [
        { id: "c1", text: "Coffee dehydrates you.", verdict: { label: "refuted", confidence: 0.8, headline: "" } },
        { id: "c2", text: "Coffee contains caffeine.", verdict: { label: "supported", confidence: 0.9, headline: "" } },
      ],
    });
    const reviews = claimReview(report, BASE) as Review[];
    assert.equal(reviews.length, 2);
    assert.deepEqual(
      reviews.map((r) => r.url),
      [`${BASE}${report.url}#claim-c1`, `${BASE}${report.url}#claim-c2`],
    );
    assert.deepEqual(
      reviews.map((r) => r.claimReviewed),
      ["Coffee dehydrates you.", "Coffee contains caffeine."],
    );
    assert.deepEqual(
      reviews.map((r) => r.reviewBody),
      ["Refuted (confidence 80%): Coffee dehydrates you.", "Supported (confidence 90%): Coffee contains caffeine."],
    );
    assert.deepEqual(
      reviews.map((r) => r.reviewRating.name),
      ["Refuted", "Supported"],
    );
    const page = new JSDOM(renderHtml(report, { standalone: true })).window.document;
    for (const r of reviews) assert.ok(page.getElementById(new URL(r.url).hash.slice(1)), `${r.url} is on the page`);
  });

  it("cannot end its script block", () => {
    const text = jsonForScript(claimReview(hostileReport(), BASE));
    assert.ok(!/[<>&]/.test(text));
    assert.match(JSON.parse(text).claimReviewed, /<script>/, "the text is kept, only escaped");
  });
});
