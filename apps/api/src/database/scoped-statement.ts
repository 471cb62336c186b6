import pg from 'pg';

/** What pg's Query does with a connection and with the server's answers (not in its published types). */
interface PgConnection {
  query(text: string): void;
  parse(message: { text: string; name?: string; types?: unknown[] }): void;
  bind(message: { portal?: string; statement?: string; values?: unknown[] }): void;
  execute(message: { portal?: string; rows?: number }): void;
}
interface PgQuery {
  text: string;
  requiresPreparation(): boolean;
  submit(connection: PgConnection): Error | null;
  prepare(connection: PgConnection): void;
  handleRowDescription(message: unknown): void;
  handleDataRow(message: unknown): void;
  handleCommandComplete(message: unknown, connection: PgConnection): void;
}
type Callback = (error: Error | undefined, result: unknown) => void;
const Query = pg.Query as unknown as new (text: string, values: unknown[] | undefined, callback: Callback) => PgQuery;

/**
 * One statement with the transaction-local settings it must run under (`opening`: one SELECT of
 * `set_config(…, true)` calls), sent in a single round trip instead of START TRANSACTION, the
 * statement and COMMIT one after the other. With parameters, both go as extended-protocol messages
 * before one Sync; without, as one simple-protocol string. Either way PostgreSQL runs them as one
 * implicit transaction: the settings hold for the statement (planned after they ran) and end with it,
 * committed at the end or rolled back on an error, as an explicit transaction would be. Only the
 * statement's own result is handed back.
 */
class ScopedQuery extends Query {
  /** Whether the opening's result (its row and command tag) has gone by. */
  private opened = false;

  constructor(
    private readonly opening: string,
    text: string,
    values: unknown[] | undefined,
    callback: Callback,
  ) {
    super(text, values, callback);
  }

  override submit(connection: PgConnection): Error | null {
    if (this.requiresPreparation()) return super.submit(connection);
    connection.query(`${this.opening};\n${this.text}`);
    return null;
  }

  /** Called by pg with the socket corked: the opening's Parse, Bind and Execute go out with the statement's. */
  override prepare(connection: PgConnection): void {
    connection.parse({ text: this.opening, name: '', types: [] });
    connection.bind({ portal: '', statement: '', values: [] });
    connection.execute({ portal: '', rows: 0 });
    super.prepare(connection);
  }

  override handleRowDescription(message: unknown): void {
    if (this.opened) super.handleRowDescription(message);
  }

  override handleDataRow(message: unknown): void {
    if (this.opened) super.handleDataRow(message);
  }

  override handleCommandComplete(message: unknown, connection: PgConnection): void {
    if (this.opened) super.handleCommandComplete(message, connection);
    else this.opened = true;
  }
}

/** What TypeORM's query runner calls on the connection it got from `connect()`. */
export interface StatementClient {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/** A connection whose every statement runs under `opening` (see ScopedQuery). */
export function scopedClient(client: pg.ClientBase, opening: string): StatementClient {
  return {
    query: (text, values) =>
      new Promise((resolve, reject) => {
        client.query(
          new ScopedQuery(opening, text, values, (error, result) => (error ? reject(error) : resolve(result))) as never,
        );
      }),
  };
}
