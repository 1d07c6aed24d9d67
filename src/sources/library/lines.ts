// Text chunks → numbered lines, whatever the chunk boundaries, holding at most one line of at most
// `maxChars` characters: a longer line is counted, never kept, so a file without line breaks costs
// no more memory than a short one.

/** A line (1-based number, "\n" or "\r\n" removed), or only the length of one over the limit. */
export type TextLine = { number: number; text: string } | { number: number; tooLong: number };

export class LineSplitter {
  private parts: string[] = [];
  /** Characters of the current line so far, kept or not. */
  private length = 0;
  private endsWithCr = false;
  private number = 0;

  constructor(private readonly maxChars: number) {}

  /** The lines that `chunk` completes. */
  *push(chunk: string): Generator<TextLine> {
    let start = 0;
    for (let end = chunk.indexOf("\n"); end >= 0; end = chunk.indexOf("\n", start)) {
      this.add(chunk, start, end);
      yield this.take();
      start = end + 1;
    }
    this.add(chunk, start, chunk.length);
  }

  /** The last line, when the text does not end with a line break. */
  *end(): Generator<TextLine> {
    if (this.length > 0) yield this.take();
  }

  private add(chunk: string, start: number, end: number): void {
    if (end === start) return;
    this.length += end - start;
    this.endsWithCr = chunk.charCodeAt(end - 1) === 0x0d;
    // One more than the limit: the line may still end with "\r".
    if (this.length <= this.maxChars + 1) this.parts.push(chunk.slice(start, end));
    else this.parts = [];
  }

  private take(): TextLine {
    const number = ++this.number;
    const length = this.endsWithCr ? this.length - 1 : this.length;
    const line: TextLine = length > this.maxChars ? { number, tooLong: length } : { number, text: this.parts.join("").slice(0, length) };
    this.parts = [];
    this.length = 0;
    this.endsWithCr = false;
    return line;
  }
}
