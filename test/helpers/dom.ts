// HTML as a document, to query as a browser would.
import { JSDOM } from "jsdom";

export function parse(html: string): Document {
  return new JSDOM(html).window.document;
}
