/** Distinct strings (texts, style XML) in order of first use; a string's index is its id in the part. */
export class Registry {
  readonly items: string[];
  private readonly indexes = new Map<string, number>();

  constructor(initial: readonly string[] = []) {
    this.items = [...initial];
    this.items.forEach((item, index) => this.indexes.set(item, index));
  }

  /** The index of a string, added on first use. */
  indexOf(item: string): number {
    let index = this.indexes.get(item);
    if (index === undefined) {
      index = this.items.length;
      this.items.push(item);
      this.indexes.set(item, index);
    }
    return index;
  }
}
