/**
 * Where the content lives. Tests point CONTENT_DIR at a fixture tree; everyone else uses content/.
 */
import { resolve } from 'node:path';

/** The content root, absolute. */
export function contentRoot(): string {
  return resolve(process.env['CONTENT_DIR'] ?? 'content');
}

/** One area of the content root (thang, chuyen-de, hoc-tap-bac). */
export function contentDir(area: string): string {
  return resolve(contentRoot(), area);
}
