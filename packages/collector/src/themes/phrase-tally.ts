/** Which comments mention each phrase, counted in a trie of word keys so that no phrase string is built per occurrence. */
import type { CommentWord } from './comment-words.ts';
import { eachPhrase, type PhraseOccurrence } from './phrases.ts';

interface PhraseNode {
  next: Map<string, PhraseNode>;
  /** Comments that mention the phrase ending here, ascending; empty where a phrase cannot end (on glue). */
  indexes: number[];
  /** Where it first occurred, without its key (made once, at the end). */
  first: Omit<PhraseOccurrence, 'key'> | null;
}

const newNode = (): PhraseNode => ({ next: new Map(), indexes: [], first: null });

/** Tallies the phrases of comments added in ascending index order. */
export class PhraseTally {
  private readonly root = newNode();

  /** Adds the phrases of one clause of comment `index`. */
  add(clause: readonly CommentWord[], index: number): void {
    let start = -1;
    let reached = -1;
    let node = this.root;
    eachPhrase(clause, (first, last, themeWords) => {
      if (first !== start) [start, reached, node] = [first, first - 1, this.root];
      // Phrases of one start come shortest first: walk on from the previous one.
      while (reached < last) {
        const key = clause[++reached].key;
        node = node.next.get(key) ?? node.next.set(key, newNode()).get(key)!;
      }
      if (node.indexes[node.indexes.length - 1] !== index) node.indexes.push(index);
      node.first ??= { themeWords, clause, first, last };
    });
  }

  /** Every phrase's key with the comments that mention it and where it first occurred. */
  phrases(): { mentionedBy: Map<string, number[]>; samples: Map<string, PhraseOccurrence> } {
    const mentionedBy = new Map<string, number[]>();
    const samples = new Map<string, PhraseOccurrence>();
    const visit = (node: PhraseNode, key: string) => {
      if (node.first) {
        mentionedBy.set(key, node.indexes);
        samples.set(key, { key, ...node.first });
      }
      for (const [word, child] of node.next) visit(child, key ? `${key} ${word}` : word);
    };
    visit(this.root, '');
    return { mentionedBy, samples };
  }
}
