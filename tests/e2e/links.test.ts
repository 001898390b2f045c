/** linkinator over nginx: every internal link and #anchor of the built site resolves. */
import { readdirSync } from 'node:fs';
import { LinkChecker, LinkState } from 'linkinator';
import { expect, inject, it } from 'vitest';

const baseURL = inject('baseURL');
const siteDist = inject('siteDist');

it('finds no broken internal link or anchor', async () => {
  // Every page is a starting point, so a page no menu links to is checked too.
  const pages = readdirSync(siteDist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => `${baseURL}/${file.replace(/(^|\/)index\.html$/, '$1')}`);
  const checker = new LinkChecker();
  const result = await checker.check({
    path: pages,
    recurse: true,
    checkFragments: true,
    concurrency: 8,
    timeout: 20_000,
    // Only this site is crawled: the test must not reach another host.
    linksToSkip: async (link) => !link.startsWith(baseURL),
  });
  const broken = result.links
    .filter((link) => link.state === LinkState.BROKEN)
    .map((link) => `${link.status} ${link.url} (on ${link.parent})`);
  expect(broken).toEqual([]);
  expect(result.links.filter((link) => link.state === LinkState.OK).length).toBeGreaterThan(pages.length);
}, 300_000);
