import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { acceptedEncodings, type StoredEncoding } from './content-encoding.js';

const SUFFIX: Record<StoredEncoding, string> = { br: '.br', gzip: '.gz' };

/**
 * Sends a directory's precompressed copies (`<file>.br`, `<file>.gz`, which the web build writes) to
 * clients that accept them, with `Vary: Accept-Encoding` on every answer for such a file; the plain
 * bytes are the static handler's after this one. The directory is listed once: a process serves one
 * build, and only files of that listing are ever sent.
 */
export function precompressedFiles(dir: string, cache: { maxAge: string; immutable: boolean }) {
  const listed = existsSync(dir) ? readdirSync(dir, { recursive: true }) : [];
  const present = new Set(listed.map((f) => String(f).split(path.sep).join('/')));
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let name: string;
    try {
      name = decodeURIComponent(req.path).replace(/^\/+/, '');
    } catch {
      return next();
    }
    if (!present.has(name) || !STORED.some((e) => present.has(name + SUFFIX[e]))) return next();
    res.setHeader('Vary', 'Accept-Encoding');
    const encoding = acceptedEncodings(req.headers['accept-encoding']).find((e) => present.has(name + SUFFIX[e]));
    if (!encoding) return next();
    res.type(path.extname(name));
    res.setHeader('Content-Encoding', encoding);
    res.sendFile(name + SUFFIX[encoding], { root: dir, ...cache, dotfiles: 'deny' }, (error) => {
      if (!error || res.headersSent) return;
      res.removeHeader('Content-Encoding');
      next();
    });
  };
}

const STORED = Object.keys(SUFFIX) as StoredEncoding[];
