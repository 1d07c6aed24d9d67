// The Universal Sentence Encoder's tokenizer: SentencePiece pieces by best total score (Viterbi
// over a trie of the model's 8,000 pieces). A port of the tokenizer of
// @tensorflow-models/universal-sentence-encoder (Apache-2.0), which is not published on its own;
// its output must match the reference exactly, or the model reads other words than it was given.

/** A piece of the vocabulary and its score. */
export type Vocabulary = [string, number][];

const SEPARATOR = "\u2581";
/** The first ids are reserved (padding, unknown, ...); pieces start after them. */
const RESERVED_SYMBOLS_COUNT = 6;

interface Piece {
  chars: string[];
  score: number;
  index: number;
}

class TrieNode {
  children = new Map<string, TrieNode>();
  end = false;
  piece: Piece = { chars: [], score: 0, index: 0 };
}

export class Tokenizer {
  private readonly root = new TrieNode();

  constructor(private readonly vocabulary: Vocabulary) {
    for (let i = RESERVED_SYMBOLS_COUNT; i < vocabulary.length; i++) {
      const [word, score] = vocabulary[i]!;
      let node = this.root;
      const chars = Array.from(word);
      for (let c = 0; c < chars.length; c++) {
        let next = node.children.get(chars[c]!);
        if (!next) {
          next = new TrieNode();
          next.piece = { chars: chars.slice(0, c + 1), score: 0, index: 0 };
          node.children.set(chars[c]!, next);
        }
        node = next;
        if (c === chars.length - 1) {
          node.end = true;
          node.piece.score = score;
          node.piece.index = i;
        }
      }
    }
  }

  /** Piece ids, exactly as the reference tokenizer gives them (unknown characters are id 0, runs of them merged). */
  encode(text: string): number[] {
    const normalized = text.normalize("NFKC");
    const input = normalized.length > 0 ? SEPARATOR + normalized.replace(/ /g, SEPARATOR) : normalized;
    const symbols = Array.from(input);
    const n = symbols.length;
    // nodes[end]: pieces ending at `end`, by their start, in ascending order of start as in the reference.
    const nodes: Map<number, Piece[]>[] = [];
    const words = new Array<number>(n + 1).fill(0);
    const best = new Array<number>(n + 1).fill(0);
    for (let i = 0; i <= n; i++) nodes.push(new Map());
    for (let i = 0; i < n; i++) {
      for (const piece of this.commonPrefixSearch(symbols, i)) {
        const end = i + piece.chars.length;
        let list = nodes[end]!.get(i);
        if (!list) nodes[end]!.set(i, (list = []));
        list.push(piece);
      }
    }
    for (let end = 0; end <= n; end++) {
      for (const list of nodes[end]!.values()) {
        for (const piece of list) {
          const score = piece.score + best[end - piece.chars.length]!;
          if (best[end] === 0 || score >= best[end]!) {
            best[end] = score;
            words[end] = piece.index;
          }
        }
      }
    }
    const ids: number[] = [];
    let at = words.length - 1;
    while (at > 0) {
      ids.push(words[at]!);
      // As the reference does: step back by the UTF-16 length of the piece's string.
      at -= this.vocabulary[words[at]!]![0].length;
    }
    const merged: number[] = [];
    let previousUnknown = false;
    for (const id of ids) {
      if (!(previousUnknown && id === 0)) merged.push(id);
      previousUnknown = id === 0;
    }
    return merged.reverse();
  }

  private commonPrefixSearch(symbols: string[], start: number): Piece[] {
    const out: Piece[] = [];
    let node = this.root.children.get(symbols[start]!);
    for (let i = start; i < symbols.length && node; i++) {
      if (node.end) out.push(node.piece);
      node = node.children.get(symbols[i + 1]!);
    }
    if (out.length === 0) out.push({ chars: [symbols[start]!], score: 0, index: 0 });
    return out;
  }
}
