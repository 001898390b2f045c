import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { MDX_RENDER_FILES, mdxRenderedAtSync, mdxRenderKey } from '../../../src/integrations/mdx-at-sync.ts';
import { markdownProcessor } from '../../../src/integrations/markdown.ts';
import { t } from '../../../src/i18n/vi.ts';

const work = mkdtempSync(join(tmpdir(), 'mdx-at-sync-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface EntryType {
  extensions: string[];
  contentModuleTypes?: string;
  getRenderFunction?: (config: unknown) => Promise<
    (entry: { body: string; filePath: string; data: Record<string, unknown> }) => Promise<{
      html: string;
      metadata: Record<string, unknown>;
    }>
  >;
}

/** @astrojs/mdx as far as this wrapper sees it: one content entry type, registered at setup. */
const fakeMdx: AstroIntegration = {
  name: '@astrojs/mdx',
  hooks: {
    'astro:config:setup': (params) => {
      (params as unknown as { addContentEntryType: (type: EntryType) => void }).addContentEntryType({
        extensions: ['.mdx'],
        contentModuleTypes: 'declare module "*.mdx" {}',
      });
    },
  },
};

/** Runs the wrapped setup and returns the entry type it registered and the wrapper. */
async function setUp(cacheDir: string) {
  const registered: EntryType[] = [];
  const integration = mdxRenderedAtSync(fakeMdx, 'https://tailieu.example.org/');
  await integration.hooks['astro:config:setup']?.({
    config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
    addContentEntryType: (type: EntryType) => registered.push(type),
    addPageExtension: () => undefined,
  } as never);
  const [type] = registered;
  if (!type?.getRenderFunction) throw new Error('no render function registered');
  return { integration, render: await type.getRenderFunction({}) };
}

const buildStart = (integration: AstroIntegration) =>
  integration.hooks['astro:build:start']?.({} as never) ?? Promise.resolve();

describe('mdxRenderedAtSync', () => {
  it('registers MDX entries with a render function, so Astro stores their HTML instead of bundling them', async () => {
    const { integration, render } = await setUp(join(work, 'cache-a'));
    const rendered = await render({
      body: '## Trong nước\n\n![Ảnh](./images/a.jpg)\n',
      filePath: join(work, 'content/thang/2026-11/01-thoi-su.mdx'),
      data: { title: 'Thời sự' },
    });
    expect(rendered.html).toContain('<h2 id="trong-nước">Trong nước<a class="heading-anchor"');
    expect(rendered.metadata).toMatchObject({
      headings: [{ depth: 2, slug: 'trong-nước', text: 'Trong nước' }],
      imagePaths: ['./images/a.jpg'],
      localImagePaths: ['./images/a.jpg'],
      frontmatter: { title: 'Thời sự' },
    });
    await expect(buildStart(integration)).resolves.toBeUndefined();
  });

  it('stops the build at its start when a body failed, naming the file and its line, and drops the store', async () => {
    const cacheDir = join(work, 'cache-b');
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, 'data-store.json'), '{}');
    const file = join(work, 'content/thang/2026-11/02-van-ban.mdx');
    mkdirSync(join(work, 'content/thang/2026-11'), { recursive: true });
    const body = 'Dòng một.\n\nTỷ lệ <5% số hộ.';
    writeFileSync(file, `---\ntitle: "Văn bản"\norder: 2\n---\n\n${body}\n`);
    const { integration, render } = await setUp(cacheDir);
    // Astro's glob loader only logs a failed render and stores the entry without HTML.
    await expect(render({ body, filePath: file, data: {} })).rejects.toThrow();
    await expect(buildStart(integration)).rejects.toThrow(
      `content/thang/2026-11/02-van-ban.mdx:8: ${t('error.mdxAngle')}`,
    );
    expect(existsSync(join(cacheDir, 'data-store.json'))).toBe(false);
  });
});

describe('mdxRenderKey', () => {
  it.each(MDX_RENDER_FILES)('changes when %s changes', async (changed) => {
    const src = join(work, `key-${changed.replace(/\W/g, '-')}/src`);
    for (const file of [...MDX_RENDER_FILES, '../package-lock.json'])
      cpSync(resolve('src', file), join(src, file), { recursive: true });
    const before = await mdxRenderKey(src);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(join(src, changed), `${readFileSync(join(src, changed), 'utf8')}\n// changed\n`);
    expect(await mdxRenderKey(src)).not.toBe(before);
  });

  it('reaches the config Astro hashes to decide whether to clear its content store', () => {
    // Astro's digest is a JSON serialisation of the config (functions left out).
    const digest = (key: string | undefined) => JSON.stringify({ markdown: { processor: markdownProcessor(key) } });
    expect(digest('a')).not.toBe(digest('b'));
    expect(digest('a')).toBe(digest('a'));
  });
});
