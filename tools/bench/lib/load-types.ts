// What the bench sends to its load worker and gets back.

export interface Session {
  role: string;
  cookie: string;
  csrf: string;
  /** A task this session's unit may report on (for the mixed load's report submissions). */
  taskId?: string;
}

export interface LoadOperation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  weight?: number;
  /** Only sessions of these roles send it. */
  roles?: string[];
  /** Adds the session's own taskId as $taskId. */
  taskOfSession?: boolean;
}

export interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
  sessions: Session[];
  operations: LoadOperation[];
  /** A plain anonymous GET of this path instead of GraphQL (the public page). */
  getPath?: string;
  /** Headers of that GET (a browser's Accept-Encoding, say). */
  getHeaders?: Record<string, string>;
  /** Headers each GraphQL request sends besides its own (a browser's Accept-Encoding, say). */
  headers?: Record<string, string>;
  /**
   * Each request's document made distinct by a numbered comment, so none is answered from a kept answer
   * (their key includes the document): the cost of a read computed afresh, as after every write.
   */
  distinctDocuments?: boolean;
}

export interface LatencyFigures {
  p50: number;
  p95: number;
  p99: number;
}

export interface LoadResult extends LatencyFigures {
  requestsPerSecond: number;
  requests: number;
  errors: number;
  firstError: string | null;
}

export function percentiles(samples: number[]): LatencyFigures {
  const s = samples.slice().sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
