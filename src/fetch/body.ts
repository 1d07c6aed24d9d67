// A response body read in full: decompressed (gzip, br, deflate) and cut off as soon as it passes
// the size cap, counted after decompression.
import { pipeline, type Readable } from "node:stream";
import zlib from "node:zlib";
import type { Dispatcher } from "undici";
import { HttpError } from "./http-client.js";

/** Reads the body, decompressing gzip / br / deflate, and fails as soon as it passes the cap. */
export async function readBody(res: Dispatcher.ResponseData, headers: Record<string, string>, maxBytes: number): Promise<Uint8Array> {
  const encoding = (headers["content-encoding"] ?? "").trim().toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? zlib.createGunzip()
      : encoding === "br"
        ? zlib.createBrotliDecompress()
        : encoding === "deflate"
          ? zlib.createInflate()
          : null;
  const declared = Number(headers["content-length"]);
  if (!decoder && Number.isFinite(declared) && declared > maxBytes) {
    res.body.destroy();
    throw new HttpError(`response of ${declared} bytes is larger than ${maxBytes}`, "too_large");
  }
  const source: Readable = decoder ? pipeline(res.body, decoder, () => undefined) : res.body;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      total += buffer.length;
      if (total > maxBytes) {
        throw new HttpError(`response is larger than ${maxBytes} bytes`, "too_large");
      }
      chunks.push(buffer);
    }
  } catch (error) {
    res.body.destroy();
    source.destroy();
    if (error instanceof HttpError) throw error;
    if (decoder && isZlibError(error)) throw new HttpError(`bad ${encoding} content encoding`, "network");
    throw error;
  }
  if (decoder) {
    delete headers["content-encoding"];
    delete headers["content-length"];
  }
  const out = Buffer.concat(chunks, total);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("Z_") || code.startsWith("ERR__") || code.includes("BROTLI"));
}
