/**
 * The build's memory of checked page bodies (lib/check/all.ts, BodyCache): parsing every MDX file
 * was most of the check's second, and a rebuild after one edit has one new body. Kept in Astro's
 * cache folder with a key over the checker's code, the lockfile, Node's version and the site's
 * address; a file made by other code, or damaged, is ignored and written again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BodyCache } from '../lib/check/all.ts';
import type { Problem } from '../lib/check/problem.ts';
import { codeHash, filesBelow, SRC } from '../integrations/code-hash.ts';

/** What the file holds: the key of the code that checked, and each body's problems by its digest. */
interface KeptBodies {
  code: string;
  bodies: Record<string, Problem[]>;
}

/**
 * The key of the code the body rules run: all of src/lib and src/i18n (the parser, the rules and
 * the messages), with the lockfile (the MDX parser's version), Node's version and the site's
 * address; undefined when a file cannot be read (then nothing is reused).
 */
export function checkCodeKey(siteUrl: string, src = SRC): string | undefined {
  try {
    const files = ['lib', 'i18n'].flatMap((folder) => filesBelow(join(src, folder)).map((path) => `${folder}/${path}`));
    return codeHash(files, src, siteUrl);
  } catch {
    return undefined;
  }
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
 * A body cache read from `file` (none when `fresh` or without a code key); `save` writes what this
 * run used, so removed pages drop out.
 */
export function bodyCacheFile(file: string, code: string | undefined, fresh = false): BodyCache & { save(): void } {
  const kept = fresh || code === undefined ? {} : readKept(file, code);
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
      if (code === undefined) return;
      mkdirSync(dirname(file), { recursive: true });
      // Written whole, then renamed: two builds, or one stopped half-way, never leave half a file.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ code, bodies: used } satisfies KeptBodies));
      renameSync(temporary, file);
    },
  };
}
