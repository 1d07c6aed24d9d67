// Dates as sources write them, in each dialect: pages and documents, search APIs, PDF metadata.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { normalizeApiDate, normalizeDate, normalizePdfDate, normalizeXmpDate } from "../../../src/domain/dates.js";

describe("normalizeDate", () => {
  it("normalises the usual forms to ISO", () => {
    assert.equal(normalizeDate("2020-01-31"), "2020-01-31");
    assert.equal(normalizeDate("2020-1-5"), "2020-01-05");
    assert.equal(normalizeDate("2020-01-31T23:30:00+01:00"), "2020-01-31T22:30:00.000Z");
    assert.equal(normalizeDate("2020-01-31T10:00:00Z"), "2020-01-31T10:00:00.000Z");
    assert.equal(normalizeDate("2020-01-31T10:00:00"), "2020-01-31");
    assert.equal(normalizeDate("2020/01/31"), "2020-01-31");
    assert.equal(normalizeDate("20200131"), "2020-01-31");
    assert.equal(normalizeDate("January 31, 2020"), "2020-01-31");
    assert.equal(normalizeDate("31 Jan 2020"), "2020-01-31");
    assert.equal(normalizeDate("Fri, 31 Jan 2020 10:00:00 GMT"), "2020-01-31T10:00:00.000Z");
  });

  it("rejects what is not a date", () => {
    for (const bad of ["", "soon", "2", "2020-02-30", "2020-13-01", "Smarch 3, 2020", "12/05"]) {
      assert.equal(normalizeDate(bad), null, bad);
    }
  });
});

describe("normalizeApiDate", () => {
  it("normalizeApiDate reads ISO, date-only and written dates, and skips relative ages", () => {
    assert.equal(normalizeApiDate("2023-05-17T06:30:00"), "2023-05-17T06:30:00.000Z");
    assert.equal(normalizeApiDate("2023-05-17T06:30:00.123456+02:00"), "2023-05-17T04:30:00.000Z");
    assert.equal(normalizeApiDate("2023-05-17"), "2023-05-17T00:00:00.000Z");
    assert.equal(normalizeApiDate("May 17, 2023"), "2023-05-17T00:00:00.000Z");
    assert.equal(normalizeApiDate("17 May 2023"), "2023-05-17T00:00:00.000Z");
    assert.equal(normalizeApiDate("Sept. 3, 2021"), "2021-09-03T00:00:00.000Z");
    assert.equal(normalizeApiDate("3 days ago"), null);
    assert.equal(normalizeApiDate("Feb 30, 2023"), null);
    assert.equal(normalizeApiDate(""), null);
    assert.equal(normalizeApiDate(42), null);
  });
});

describe("normalizePdfDate", () => {
  it("converts PDF dates to ISO", () => {
    assert.equal(normalizePdfDate("D:20200131"), "2020-01-31");
    assert.equal(normalizePdfDate("D:2020"), "2020-01-01");
    assert.equal(normalizePdfDate("D:20200131120000Z"), "2020-01-31T12:00:00.000Z");
    assert.equal(normalizePdfDate("D:20200131120000-05'30'"), "2020-01-31T17:30:00.000Z");
    assert.equal(normalizePdfDate("D:20200131120000"), "2020-01-31");
    assert.equal(normalizePdfDate("20200131120000Z"), "2020-01-31T12:00:00.000Z");
  });

  it("rejects what is not a PDF date", () => {
    assert.equal(normalizePdfDate("yesterday"), null);
    assert.equal(normalizePdfDate("D:20201341"), null);
  });
});

describe("normalizeXmpDate", () => {
  it("keeps the date, or gives the UTC timestamp when there is a time and a zone", () => {
    assert.equal(normalizeXmpDate("2020-01-31"), "2020-01-31");
    assert.equal(normalizeXmpDate("2020-01-31T10:00:00"), "2020-01-31");
    assert.equal(normalizeXmpDate("2020-01-31T10:00:00.5+02:00"), "2020-01-31T08:00:00.000Z");
    assert.equal(normalizeXmpDate("2020-02-30"), null);
    assert.equal(normalizeXmpDate("31 Jan 2020"), null);
    assert.equal(normalizeXmpDate(null), null);
  });
});
