/**
 * `npm run new -- thang [YYYY-MM] | chuyen-de YYYY | bac "<tiêu đề>"`: scaffolds content as a draft.
 * Never overwrites: exit 1 when the target exists, 2 on bad arguments.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { t } from '../i18n/vi.ts';
import { isRefusal, planScaffold } from '../lib/content/scaffold.ts';
import { clockNow, env } from '../env.ts';

/** Sub-folder names of a content area (none when it is missing). */
function folders(root: string, area: string): string[] {
  const dir = join(root, area);
  return existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
    : [];
}

/** The issuer written in the latest month's index.mdx, if any. */
function latestIssuer(root: string): string | undefined {
  const months = folders(root, 'thang')
    .filter((name) => /^\d{4}-\d{2}$/.test(name))
    .sort()
    .reverse();
  for (const month of months) {
    const file = join(root, 'thang', month, 'index.mdx');
    if (!existsSync(file)) continue;
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
    try {
      const issuer: unknown = match ? (parse(match[1] ?? '') as Record<string, unknown> | null)?.['issuer'] : undefined;
      if (typeof issuer === 'string' && issuer.trim() !== '') return issuer.trim();
    } catch {
      // A broken issue is the checker's business; look further back.
    }
  }
  return undefined;
}

const root = env.contentRoot;
const plan = planScaffold(process.argv.slice(2), {
  now: clockNow(),
  issuer: latestIssuer(root),
  topicYears: folders(root, 'chuyen-de'),
});
const shown = (path: string) => relative(process.cwd(), join(root, path)) || path;

if (isRefusal(plan)) {
  console.error(`✗ ${plan.error}`);
  console.error(t('new.usage'));
  process.exit(plan.exitCode);
}
const taken = [plan.target, ...plan.files.map((file) => file.path)].find((path) => existsSync(join(root, path)));
if (taken) {
  console.error(`✗ ${t('new.exists', { path: shown(taken), what: plan.what })}`);
  process.exit(1);
}
for (const file of plan.files) {
  const full = join(root, file.path);
  mkdirSync(dirname(full), { recursive: true });
  // "wx" refuses to replace a file that appeared meanwhile.
  writeFileSync(full, file.text, { flag: 'wx' });
}
console.log(t('new.created', { count: plan.files.length }));
for (const file of plan.files) console.log(`  + ${shown(file.path)}`);
console.log(t('new.next'));
