/** The Nu Html Checker (vnu-jar, on Debian's Java) over every page of the built sample site: 0 errors. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';

const siteDist = inject('siteDist');
const vnuJar = createRequire(import.meta.url)('vnu-jar') as string;

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
  /** The markup the message is about. */
  extract?: string;
}

const BLOCKING_ON_LINK =
  'A “link” element with a “blocking” attribute must have a “rel” attribute whose value is “stylesheet”.';
const EXPECT_LINK = /<link rel="expect" href="#[^"]+" blocking="render">/;

it('finds no HTML error on any page, every page kind included', () => {
  const pages = readdirSync(siteDist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(siteDist, file));
  // Every kind of page is there to be checked.
  for (const kind of [
    'index.html',
    '404.html',
    'thang/2026-11/index.html',
    'thang/2026-11/in/index.html',
    'thang/2026-11/thoi-su/index.html',
    'chuyen-de/2026/index.html',
    'hoc-tap-bac/index.html',
    'tim-kiem/index.html',
  ]) {
    expect(pages).toContain(join(siteDist, kind));
  }
  const result = spawnSync('java', ['-Xss2m', '-jar', vnuJar, '--format', 'json', '--errors-only', ...pages], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(result.error).toBeUndefined();
  const { messages } = JSON.parse(result.stderr) as { messages: VnuMessage[] };
  const errors = messages
    .filter((message) => message.type === 'error')
    // The HTML Standard allows `blocking` on <link rel="expect"> (link type "expect"); the checker
    // predates it and allows it on stylesheets only. Only that one message, only for expect links, is set aside.
    .filter((message) => !(EXPECT_LINK.test(message.extract ?? '') && message.message === BLOCKING_ON_LINK))
    .map((message) => `${message.url.replace(`file:${siteDist}`, '')}:${message.lastLine ?? ''} ${message.message}`);
  expect(errors).toEqual([]);
}, 180_000);
