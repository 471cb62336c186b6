// Buffers rows column by column and writes them as multi-row INSERT … SELECT FROM unnest(arrays):
// one statement and one round trip per few thousand rows (pg-copy-streams is not installed, and
// unnest batches come within a small factor of COPY).
import type pg from 'pg';

export type Column = readonly [name: string, pgType: string];

export class TableBuffer {
  private columns: unknown[][];
  size = 0;
  written = 0;

  constructor(
    readonly table: string,
    private readonly spec: readonly Column[],
  ) {
    this.columns = spec.map(() => []);
  }

  push(...values: unknown[]): void {
    if (values.length !== this.spec.length)
      throw new Error(`${this.table}: expected ${this.spec.length} values, got ${values.length}`);
    for (let i = 0; i < values.length; i++) this.columns[i].push(values[i]);
    this.size++;
  }

  async flush(client: pg.ClientBase): Promise<void> {
    if (this.size === 0) return;
    const names = this.spec.map(([n]) => n).join(', ');
    const arrays = this.spec.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
    await client.query(`INSERT INTO ${this.table} (${names}) SELECT * FROM unnest(${arrays})`, this.columns);
    this.written += this.size;
    this.columns = this.spec.map(() => []);
    this.size = 0;
  }
}

/** Tables in foreign-key order: flushing in this order never writes a child before its parent. */
export class TableSet {
  readonly tables: TableBuffer[] = [];

  add(table: string, spec: readonly Column[]): TableBuffer {
    const buffer = new TableBuffer(table, spec);
    this.tables.push(buffer);
    return buffer;
  }

  pending(): number {
    return this.tables.reduce((n, t) => n + t.size, 0);
  }

  async flushAll(client: pg.ClientBase): Promise<void> {
    for (const t of this.tables) await t.flush(client);
  }

  counts(): Record<string, number> {
    return Object.fromEntries(this.tables.map((t) => [t.table, t.written + t.size]));
  }
}
