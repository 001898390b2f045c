/**
 * Writes what nginx needs next to the built pages: `_nginx/csp-map.conf`, the Content-Security-Policy
 * header of every URI, made from the CSP <meta> Astro wrote with the hashes of this build's inline
 * scripts and styles (deploy/nginx.conf includes it).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { inlineCodeNotAllowed, metaPolicyOf, nginxCspMap, type PagePolicy } from '../lib/output/server-rules.ts';
import { codeHash } from './code-hash.ts';
import { eachFile, siteFiles } from './each-file.ts';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

/** The policies of the last build's pages that passed the check, kept in Astro's cache folder. */
const KEPT_FILE = 'csp-policies.json';

/**
 * What the kept file holds: the code that checked the pages, their policies (most pages share one),
 * and each page's policy as a place in that list, by the SHA-256 of the page's bytes.
 */
interface KeptPolicies {
  code: string;
  policies: string[];
  pages: Record<string, number>;
}

/** Reads the kept policies when the same code made them; none otherwise (a missing or damaged file too). */
async function keptPolicies(file: string, code: string | undefined): Promise<Map<string, string>> {
  if (code === undefined) return new Map();
  try {
    const kept = JSON.parse(await readFile(file, 'utf8')) as KeptPolicies;
    if (kept.code !== code) return new Map();
    const known = new Map<string, string>();
    for (const [hash, at] of Object.entries(kept.pages)) {
      const policy = kept.policies[at];
      if (policy !== undefined) known.set(hash, policy);
    }
    return known;
  } catch {
    return new Map();
  }
}

/**
 * The CSP <meta> policy of every HTML page under a built site. Throws when a page has no policy or
 * carries inline code its policy would block (an is:inline script missing from lib/reader/inline-scripts.ts).
 * With `keptFile`, a page whose bytes passed in the last build is not parsed again (most of a
 * rebuild's pages are copies of the last build's), and this build's pages are kept for the next.
 */
export async function pagePolicies(root: string, keptFile?: string): Promise<PagePolicy[]> {
  const files = siteFiles(root, '.html');
  const code = keptFile ? codeHash(['integrations/server-files.ts', 'lib/output/server-rules.ts']) : undefined;
  const kept = keptFile ? await keptPolicies(keptFile, code) : new Map<string, string>();
  const checked = await eachFile(files, async (path) => {
    const html = await readFile(path, 'utf8');
    const hash = createHash('sha256').update(html).digest('hex');
    const known = kept.get(hash);
    if (known !== undefined) return { path, hash, policy: known };
    const policy = metaPolicyOf(html);
    if (policy === null)
      return { path, hash, problem: `${path} has no Content-Security-Policy <meta>: is security.csp on?` };
    const blocked = inlineCodeNotAllowed(html, policy, sha256);
    if (blocked.length > 0)
      return {
        path,
        hash,
        problem: `${path}: inline code the CSP blocks; add it to src/lib/reader/inline-scripts.ts:\n  ${blocked.join('\n  ')}`,
      };
    return { path, hash, policy };
  });
  // The first problem in path order, whatever order the reads finished in.
  const problem = checked.find((page) => page.problem !== undefined)?.problem;
  if (problem !== undefined) throw new Error(problem);
  const pages = checked.map(({ path, policy = '' }) => ({ file: relative(root, path).split(sep).join('/'), policy }));
  if (keptFile && code !== undefined) {
    const policies = [...new Set(pages.map((page) => page.policy))];
    const at = new Map(policies.map((policy, i) => [policy, i]));
    const kept: KeptPolicies = {
      code,
      policies,
      pages: Object.fromEntries(checked.map(({ hash, policy = '' }) => [hash, at.get(policy) ?? -1])),
    };
    await mkdir(dirname(keptFile), { recursive: true });
    // Written whole, then renamed: a build stopped half-way leaves the last good file.
    await writeFile(`${keptFile}.tmp`, JSON.stringify(kept));
    await rename(`${keptFile}.tmp`, keptFile);
  }
  return pages;
}

/** The integration; it runs before precompress() (see astro.config.mjs). */
export function serverFiles(): AstroIntegration {
  let keptFile: string | undefined;
  return {
    name: 'portal:server-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        keptFile = join(fileURLToPath(config.cacheDir), KEPT_FILE);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = await pagePolicies(root, keptFile);
        const map = nginxCspMap(pages);
        await mkdir(join(root, '_nginx'), { recursive: true });
        await writeFile(
          join(root, '_nginx/csp-map.conf'),
          `# Generated by the build for deploy/nginx.conf: CSP header by URI.\n${map}`,
        );
        logger.info(`CSP for nginx: ${pages.length} pages, ${map.split('\n').length - 4} own entries`);
      },
    },
  };
}
