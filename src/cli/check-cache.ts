/**
 * The build's memory of checked page bodies (lib/check/all.ts, BodyCache): parsing every MDX file
 * was most of the check's second, and a rebuild after one edit has one new body. Kept in Astro's
 * cache folder with a key over the checker's code, the lockfile, Node's version and the site's
 * address; a file made by other code, or damaged, is ignored and written again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BodyCache } from '../lib/check/all.ts';
import type { Problem } from '../lib/check/problem.ts';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');

/** What the file holds: the key of the code that checked, and each body's problems by its digest. */
interface KeptBodies {
  code: string;
  bodies: Record<string, Problem[]>;
}

/**
 * SHA-256 over the code the body rules run (all of src/lib and src/i18n: the parser, the rules and
 * the messages), the lockfile (the MDX parser's version), Node's version and the site's address.
 */
export function checkCodeKey(siteUrl: string, src = SRC): string {
  const hash = createHash('sha256').update(`${process.version}\n${siteUrl}\n`);
  for (const folder of ['lib', 'i18n']) {
    const files = readdirSync(join(src, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(src, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .sort();
    for (const file of files) hash.update(`${file}\n`).update(readFileSync(join(src, file)));
  }
  return hash.update(readFileSync(join(src, '../package-lock.json'))).digest('hex');
}

const digest = (path: string, source: string) => createHash('sha256').update(`${path}\0${source}`).digest('hex');

/** The problems kept in `file` when the same code wrote them; none when it is missing, damaged or older. */
function readKept(file: string, code: string): Record<string, Problem[]> {
  try {
    const read = JSON.parse(readFileSync(file, 'utf8')) as KeptBodies;
    return read.code === code && typeof read.bodies === 'object' && read.bodies !== null ? read.bodies : {};
  } catch {
    return {};
  }
}

/**
 * A body cache read from `file` (none when `fresh`); `save` writes what this run used, so removed
 * pages drop out.
 */
export function bodyCacheFile(file: string, code: string, fresh = false): BodyCache & { save(): void } {
  const kept = fresh ? {} : readKept(file, code);
  const used: Record<string, Problem[]> = {};
  return {
    get(path, source) {
      const key = digest(path, source);
      const problems = kept[key];
      if (Array.isArray(problems)) used[key] = problems;
      return Array.isArray(problems) ? problems : undefined;
    },
    set(path, source, problems) {
      used[digest(path, source)] = problems;
    },
    save() {
      mkdirSync(dirname(file), { recursive: true });
      // Written whole, then renamed: two builds, or one stopped half-way, never leave half a file.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ code, bodies: used } satisfies KeptBodies));
      renameSync(temporary, file);
    },
  };
}
