/** Reads the sample content's frontmatter, so tests compare the built site with its sources. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from './build-site.ts';

/** The frontmatter of one content file. */
export function frontmatter(path: string): Record<string, unknown> {
  const source = readFileSync(resolve(projectRoot, path), 'utf8');
  const match = /^---\n([\s\S]*?)\n---/.exec(source);
  if (!match) throw new Error(`No frontmatter in ${path}`);
  return parse(match[1] ?? '') as Record<string, unknown>;
}

/** The sections of a month in the sample content, ordered, with slug and title. */
export function sampleSections(month: string): { slug: string; title: string }[] {
  const dir = join('content/thang', month);
  return readdirSync(resolve(projectRoot, dir))
    .filter((name) => /^\d+-.+\.mdx$/.test(name))
    .map((name) => ({ name, data: frontmatter(join(dir, name)) }))
    .sort((a, b) => Number(a.data['order']) - Number(b.data['order']))
    .map(({ name, data }) => ({ slug: name.replace(/^\d+-/, '').replace(/\.mdx$/, ''), title: String(data['title']) }));
}
