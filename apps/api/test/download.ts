import type { Client } from './factory.js';

/** supertest's parser for a binary answer: the whole body as one Buffer. */
const binary = (
  res: NodeJS.ReadableStream & { setEncoding(e: string): void },
  done: (err: Error | null, body: Buffer) => void,
) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** A signed-in GET of a download (an export, a file), its body as bytes. */
export const download = (c: Client, path: string) =>
  c.agent
    .get(path)
    .buffer(true)
    .parse(binary as never);
