/**
 * `npm run new -- thang [YYYY-MM] | chuyen-de YYYY | bac "<tiêu đề>"`: scaffolds content as a draft.
 * Never overwrites: exit 1 when the target exists, 2 on bad arguments.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { t } from '../i18n/vi.ts';
import { isRefusal, planScaffold } from '../lib/content/scaffold.ts';
import { clockNow, env } from '../env.ts';
import { folders, latestIssuer } from './content-files.ts';

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
