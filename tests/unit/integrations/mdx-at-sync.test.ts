import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { MDX_RENDER_FILES, mdxRenderedAtSync, mdxRenderKey } from '../../../src/integrations/mdx-at-sync.ts';
import { renderProblem } from '../../../src/lib/content/render-mdx.ts';
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

/** Runs the wrapped setup and returns the render function it gave the MDX entry type. */
async function registeredRenderer() {
  const registered: EntryType[] = [];
  const integration = mdxRenderedAtSync(fakeMdx, 'https://tailieu.example.org/');
  await integration.hooks['astro:config:setup']?.({
    addContentEntryType: (type: EntryType) => registered.push(type),
    addPageExtension: () => undefined,
  } as never);
  expect(registered).toHaveLength(1);
  const [type] = registered;
  if (!type?.getRenderFunction) throw new Error('no render function registered');
  // The wrapper adds to @astrojs/mdx's own entry type rather than replacing it.
  expect(type.contentModuleTypes).toBe('declare module "*.mdx" {}');
  return type.getRenderFunction({});
}

describe('mdxRenderedAtSync', () => {
  it('registers MDX entries with a render function, so Astro stores their HTML instead of bundling them', async () => {
    const render = await registeredRenderer();
    const rendered = await render({
      body: '## Trong nước\n\n![Ảnh](./images/a.jpg)\n',
      filePath: join(work, 'content/thang/2026-11/01-thoi-su.mdx'),
      data: { title: 'Thời sự' },
    });
    expect(rendered.html).toContain('<h2 id="trong-nước">Trong nước<a class="heading-anchor"');
    expect(rendered.metadata).toEqual({
      headings: [{ depth: 2, slug: 'trong-nước', text: 'Trong nước' }],
      imagePaths: ['./images/a.jpg'],
      localImagePaths: ['./images/a.jpg'],
      remoteImagePaths: [],
      frontmatter: { title: 'Thời sự' },
    });
    expect(renderProblem({ rendered })).toBeUndefined();
  });

  it.each([
    ['a syntax error', 'Dòng một.\n\nTỷ lệ <5% số hộ.', 8, () => t('error.mdxAngle')],
    ['a component', 'Dòng một.\n\nDòng hai.\n\nXem <HopThongTin />.', 10, () => t('error.mdxDynamic')],
  ])(
    'stores the message of %s, with its line counted in the file, instead of throwing',
    async (_, body, line, reason) => {
      const file = join(work, 'content/thang/2026-11/02-van-ban.mdx');
      mkdirSync(join(work, 'content/thang/2026-11'), { recursive: true });
      // The summary repeats the body's first words: the body is found at the file's end.
      writeFileSync(file, `---\ntitle: "Văn bản"\nsummary: "Dòng một."\n---\n\n${body}\n`);
      const render = await registeredRenderer();
      // Astro's glob loader would only log a thrown error and store the entry without HTML.
      const rendered = await render({ body, filePath: file, data: {} });
      expect(rendered.html).toBe('');
      expect(renderProblem({ rendered })).toBe(`content/thang/2026-11/02-van-ban.mdx:${line}: ${reason()}`);
    },
  );
});

describe('mdxRenderKey', () => {
  it.each(MDX_RENDER_FILES)('changes when %s changes', (changed) => {
    const src = join(work, `key-${changed.replace(/\W/g, '-')}/src`);
    for (const file of [...MDX_RENDER_FILES, '../package-lock.json'])
      cpSync(resolve('src', file), join(src, file), { recursive: true });
    const before = mdxRenderKey(src);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(join(src, changed), `${readFileSync(join(src, changed), 'utf8')}\n// changed\n`);
    expect(mdxRenderKey(src)).not.toBe(before);
  });

  it('reaches the config Astro hashes to decide whether to clear its content store', async () => {
    // Astro's own serialiser of the config for that digest (content-layer.js), not a public export.
    const utils = pathToFileURL(resolve('node_modules/astro/dist/content/utils.js')).href;
    const { safeStringify } = (await import(utils)) as { safeStringify: (value: unknown) => string };
    const digest = (key: string | undefined) => safeStringify({ markdown: { processor: markdownProcessor(key) } });
    expect(digest('a')).not.toBe(digest('b'));
    expect(digest('a')).toBe(digest('a'));
    // Unreadable code is never taken for the same code.
    expect(digest(undefined)).not.toBe(digest('a'));
  });

  it('lists every file the renderer imports from src/', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(resolve('src', file), 'utf8');
      for (const match of source.matchAll(/from '(\.[^']+)'/g)) {
        const target = relative(resolve('src'), resolve('src', dirname(file), match[1] ?? ''));
        visit(target.split(sep).join('/'));
      }
    };
    visit('integrations/mdx-at-sync.ts');
    // Type-only imports change no output.
    const typeOnly = ['lib/check/problem.ts'];
    expect([...seen].filter((file) => !typeOnly.includes(file)).sort()).toEqual(
      [...MDX_RENDER_FILES, 'integrations/code-hash.ts'].sort(),
    );
  });
});
