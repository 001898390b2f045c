/**
 * Content bodies rendered at content sync instead of bundled by Vite. @astrojs/mdx makes every
 * .mdx file a module of the server bundle; with an archive of thousands that bundle is most of a
 * rebuild's time and of the build's memory. This wraps the integration so its content entry type
 * renders with lib/content/render-mdx.ts: Astro keeps the HTML in its data store, by each file's
 * digest, and renders it again only when the file changes (or the renderer's code: see
 * `mdxRenderKey`, which ends up in the config digest that clears the store).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MdxRenderError, renderMdx } from '../lib/content/render-mdx.ts';
import { codeHash, SRC } from './code-hash.ts';

/** The part of Astro's content entry type this wrapper adds to (not in Astro's public types). */
interface ContentEntryType {
  extensions: string[];
  getRenderFunction?: () => Promise<RenderFunction>;
  [key: string]: unknown;
}

/** What Astro's glob loader hands a render function, and what it stores as `rendered`. */
type RenderFunction = (entry: { body?: string; filePath?: string; data: Record<string, unknown> }) => Promise<{
  html: string;
  metadata: Record<string, unknown>;
}>;

type SetupParams = Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0] & {
  addContentEntryType: (type: ContentEntryType) => void;
  addPageExtension: (...extensions: string[]) => void;
};

/** The renderer's code and strings, below src/ (a test checks the list against its imports). */
export const MDX_RENDER_FILES = [
  'integrations/mdx-at-sync.ts',
  'lib/content/render-mdx.ts',
  'lib/content/markdown-plugins.ts',
  'lib/content/mdx-syntax.ts',
  'lib/content/footnote-ids.ts',
  'lib/common/slugs.ts',
  'lib/reader/table-labels.ts',
  'i18n/vi.ts',
] as const;

/** A hash of the renderer: a new value clears Astro's data store, so no body stays rendered by old code. */
export function mdxRenderKey(src = SRC): string | undefined {
  return codeHash(MDX_RENDER_FILES, src);
}

/**
 * Renders one entry. Never throws: Astro's loader would only log the error and store the entry
 * without HTML under its digest, so a later build would take the empty body as rendered. The
 * message is stored instead, and `renderProblem` (collections.ts) stops every build, check or
 * preview that reads the entry until the file is fixed.
 */
export function entryRenderer(site: string): RenderFunction {
  return async (entry) => {
    const path = entry.filePath ?? '';
    try {
      const { html, headings, localImagePaths } = renderMdx(entry.body ?? '', { fileURL: pathToFileURL(path), site });
      return {
        html,
        metadata: {
          headings,
          localImagePaths,
          remoteImagePaths: [],
          imagePaths: localImagePaths,
          frontmatter: entry.data,
        },
      };
    } catch (error) {
      const renderError = error instanceof MdxRenderError ? inFile(error, path, entry.body ?? '') : String(error);
      return { html: '', metadata: { headings: [], imagePaths: [], frontmatter: entry.data, renderError } };
    }
  };
}

/** Wraps @astrojs/mdx so its content entries are rendered at sync. */
export function mdxRenderedAtSync(mdx: AstroIntegration, site: string): AstroIntegration {
  const setup = mdx.hooks['astro:config:setup'];
  const render = entryRenderer(site);
  return {
    ...mdx,
    hooks: {
      ...mdx.hooks,
      'astro:config:setup': async (params) => {
        // Astro passes these two as non-enumerable properties: a spread alone would lose them.
        const withSync = params as SetupParams;
        await setup?.({
          ...params,
          addPageExtension: withSync.addPageExtension,
          addContentEntryType: (type: ContentEntryType) =>
            withSync.addContentEntryType({ ...type, getRenderFunction: async () => render }),
        } as SetupParams);
      },
    },
  };
}

/** The error's message with its line counted in the file (the body is the file's end, after the frontmatter). */
function inFile(error: MdxRenderError, path: string, body: string): string {
  if (error.line === undefined) return error.message;
  let offset = 0;
  try {
    const contents = readFileSync(path, 'utf8');
    const start = contents.lastIndexOf(body);
    if (start > 0) offset = contents.slice(0, start).split('\n').length - 1;
  } catch {
    // The file went away since the sync read it: the line within the body is the best there is.
  }
  return `${error.file}:${error.line + offset}: ${error.reason}`;
}
