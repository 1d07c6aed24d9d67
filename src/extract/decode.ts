// Bytes → text: the charset a response or a file declares (Content-Type, byte order mark, <meta>),
// and, for files that declare nothing, whether the bytes are text at all.

/** How much of a file is sniffed for binary content (and for invalid UTF-8). */
const SNIFF_BYTES = 8 * 1024;

/** The first `length` bytes as Latin-1 text: enough to look for ASCII markers, whatever the charset. */
export function asciiHead(bytes: Uint8Array, length: number): string {
  return new TextDecoder("latin1").decode(bytes.subarray(0, length));
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? "");
  return match ? match[1]!.toLowerCase() : null;
}

/** The charset a byte order mark announces, if any. */
function bomCharset(bytes: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * The charset an HTML page declares in a <meta> (charset or http-equiv) within its first `scanBytes`
 * bytes, when it is one TextDecoder knows and not UTF-8 (the default anyway); else null.
 */
export function declaredCharset(bytes: Uint8Array, scanBytes: number): string | null {
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(asciiHead(bytes, scanBytes));
  const label = match?.[1]?.toLowerCase();
  if (!label || label === "utf-8" || label === "utf8") return null;
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return null;
  }
}

/** Decodes bytes with the given charset (UTF-8 when unknown or unsupported), honouring a byte order mark. */
export function decodeText(bytes: Uint8Array, charset: string | null): string {
  const label = bomCharset(bytes) ?? charset ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(bytes);
}

/**
 * A file's bytes → text, or null for what is not text: NUL bytes, or in the first 8 KB invalid UTF-8
 * or more than 10% control characters. UTF-16 with a byte order mark is decoded; a UTF-8 BOM dropped.
 * HTML (`html: true`) that declares another charset in a <meta> is decoded with it.
 */
export function decodeFileText(bytes: Uint8Array, html = false): string | null {
  const bom = bomCharset(bytes);
  if (bom === "utf-16le" || bom === "utf-16be") {
    try {
      const text = new TextDecoder(bom, { fatal: true }).decode(bytes);
      return looksBinary(text.slice(0, SNIFF_BYTES)) ? null : text;
    } catch {
      return null;
    }
  }
  if (bytes.includes(0)) return null;
  const headText = utf8Head(bytes);
  if (headText === null) {
    const charset = html ? declaredCharset(bytes, SNIFF_BYTES) : null;
    if (!charset) return null;
    const text = new TextDecoder(charset).decode(bytes);
    return looksBinary(text.slice(0, SNIFF_BYTES)) ? null : text;
  }
  if (looksBinary(headText)) return null;
  // Past the first 8 KB a stray invalid byte does not make a text file binary.
  return new TextDecoder("utf-8").decode(bytes);
}

/**
 * How to decode a file read as a stream, judged from its first bytes (`head`, at least 8 KB unless the
 * file is shorter): UTF-16 with a byte order mark, else UTF-8; null when the start is not text (NUL
 * bytes, invalid UTF-8, or more than 10% control characters). The decoder drops a byte order mark.
 */
export function streamDecoder(head: Uint8Array): TextDecoder | null {
  const bom = bomCharset(head);
  if (bom === "utf-16le" || bom === "utf-16be") {
    return looksBinary(new TextDecoder(bom).decode(head.subarray(0, SNIFF_BYTES))) ? null : new TextDecoder(bom);
  }
  if (head.subarray(0, SNIFF_BYTES).includes(0)) return null;
  const headText = utf8Head(head);
  return headText === null || looksBinary(headText) ? null : new TextDecoder("utf-8");
}

/** The first 8 KB as UTF-8 (a character cut at the end forgiven), or null when they are not UTF-8. */
function utf8Head(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, SNIFF_BYTES), { stream: bytes.length > SNIFF_BYTES });
  } catch {
    return null;
  }
}

function looksBinary(sample: string): boolean {
  if (!sample) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f || code === 0) control++;
  }
  return control > sample.length * 0.1;
}
