/** Collects the conditions and arguments of a WHERE clause, so a page and its count share one filter. */
export class Where {
  private readonly parts: string[] = [];
  readonly args: unknown[] = [];

  add(condition: string, ...args: unknown[]): this {
    this.parts.push(condition);
    this.args.push(...args);
    return this;
  }

  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}
