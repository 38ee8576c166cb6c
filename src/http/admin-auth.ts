import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Bearer-token check for the admin API (constant time; the token never appears in logs). */
export function requireBearer(token: string) {
  const expected = digest(`Bearer ${token}`);
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = req.headers.authorization;
    if (typeof given === 'string' && timingSafeEqual(digest(given), expected)) return next();
    res.status(401).set('www-authenticate', 'Bearer').json({ error: 'unauthorized' });
  };
}

/** Who made a change: the `x-understudy-actor` header (free text, for the audit log), else `admin`. */
export function actorOf(req: Request): string {
  const actor = req.headers['x-understudy-actor'];
  return typeof actor === 'string' && actor.trim() !== '' ? actor.trim().slice(0, 100) : 'admin';
}
