/**
 * Renders a content body (MDX) to HTML outside Vite: at content sync for the reading pages, and on
 * the printable month for its print variant. The content contract allows no components or
 * expressions (the content check reports them), so Sätteri's static-subtree collapsing turns the
 * whole document into one HTML string, and the site's element overrides (anchored headings, links
 * that print their address, scroll boxes for tables) are applied to the tree here.
 * Keeping the archive out of Vite's bundle is what makes a one-section rebuild short (docs/performance.md).
 */
import { pathToFileURL } from 'node:url';
import type { Element, Properties } from 'hast';
import GithubSlugger from 'github-slugger';
import { defineHastPlugin, defineMdastPlugin, evaluate, mdxToMdast, type HastPluginList } from 'satteri';
import { t } from '../../i18n/vi.ts';
import { keepPrintHeadingId } from './footnote-ids.ts';
import { labelTableCells } from '../reader/table-labels.ts';
import { syntaxProblem } from './mdx-syntax.ts';
import { contentFeatures, contentHastPlugins, isLocalImageSrc } from './markdown-plugins.ts';

/** A heading as Astro's `render()` reports it. */
export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

/** A rendered body: its HTML and what Astro's `render()` reports beside it. */
export interface RenderedMdx {
  html: string;
  headings: RenderedHeading[];
  /** Body images stored next to the content file, which Astro's image step resizes. */
  localImagePaths: string[];
}

/** Where a body comes from and which variant to render. */
export interface RenderMdxOptions {
  /** The content file, for footnote ids and error messages. */
  fileURL: URL;
  /** The public address, so printed links show where they lead. */
  site: string;
  /** The printable month: headings one level down without ids or anchors. */
  print?: boolean;
}

/** What one render collects as it goes; a fresh bag per document. */
interface Collected {
  headings: RenderedHeading[];
  localImages: Set<string>;
}

/** Local body images, which Astro resolves and resizes when the page is rendered. */
const collectImages = defineMdastPlugin({
  name: 'portal:collect-images',
  image(node, context) {
    const url = node.url ? decodeURI(node.url) : '';
    if (url && isLocalImageSrc(url)) (context.data['portal'] as Collected).localImages.add(url);
  },
});

/**
 * Marks local images the way Astro's Markdown pipeline does: their properties go into one
 * `__ASTRO_IMAGE_` attribute that Astro swaps for the optimised image's attributes at render time.
 */
function imageMarker() {
  const seen = new Map<string, number>();
  return defineHastPlugin({
    name: 'portal:image-marker',
    element: {
      filter: ['img'],
      visit(node: Readonly<Element>, context) {
        const raw = node.properties['src'];
        if (typeof raw !== 'string') return;
        const src = decodeURI(raw);
        if (!(context.data['portal'] as Collected).localImages.has(src)) return;
        const { src: _src, ...rest } = node.properties;
        const index = seen.get(raw) ?? 0;
        seen.set(raw, index + 1);
        const kept: Properties = {};
        if (rest['className'] !== undefined) kept['className'] = rest['className'];
        kept['__ASTRO_IMAGE_'] = JSON.stringify({ ...rest, src, index });
        context.replaceNode(node, { ...node, properties: kept });
      },
    },
  });
}

/** Heading ids from their text (as Astro slugs them), and the list of headings for tables of contents. */
function headingIds() {
  const slugger = new GithubSlugger();
  return defineHastPlugin({
    name: 'portal:heading-ids',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node: Readonly<Element>, context) {
        const text = context.textContent(node);
        const existing = node.properties['id'];
        const slug = typeof existing === 'string' ? existing : slugger.slug(text);
        (context.data['portal'] as Collected).headings.push({ depth: Number(node.tagName[1]), slug, text });
        if (typeof existing !== 'string') context.setProperty(node, 'id', slug);
      },
    },
  });
}

const HEADING_TAGS = { h2: ['h2', 'h3'], h3: ['h3', 'h4'], h4: ['h4', 'h5'] } as const;

/**
 * The site's element overrides. Headings h2–h4 keep only their id and get a "#" link to themselves
 * for sharing a passage; on the printable month, where the section title is the h2, they step down
 * a level and drop ids (sections share one page) except footnote labels, which are unique per file.
 * Links carry their absolute address for the print stylesheet. Tables sit in a named, focusable
 * scroll box, their cells labelled with the column names so narrow ones stack on a phone.
 */
function overrides(site: string, print: boolean) {
  return defineHastPlugin({
    name: 'portal:overrides',
    element: {
      filter: ['h2', 'h3', 'h4', 'a', 'table'],
      visit(node: Readonly<Element>, context) {
        if (node.tagName === 'a') {
          const { href = '', ...rest } = node.properties;
          const target = String(href);
          // An address that does not parse ("http://") is printed as written, as the exports do.
          const printHref = target.startsWith('#')
            ? undefined
            : URL.canParse(target, site)
              ? new URL(target, site).href
              : target;
          context.replaceNode(node, {
            ...node,
            properties: { href: target, ...(printHref ? { dataPrintHref: printHref } : {}), ...rest },
          });
          return;
        }
        if (node.tagName === 'table') {
          const { table, stackable } = labelTableCells(node as Element);
          context.replaceNode(node, {
            type: 'element',
            tagName: 'div',
            properties: {
              className: ['table-scroll', ...(stackable ? ['table-scroll--stack'] : [])],
              role: 'group',
              ariaLabel: t('content.tableScroll'),
              tabIndex: 0,
            },
            children: [{ ...table, properties: {} }],
          });
          return;
        }
        const tags = HEADING_TAGS[node.tagName as keyof typeof HEADING_TAGS];
        const id = typeof node.properties['id'] === 'string' ? node.properties['id'] : undefined;
        const printId = keepPrintHeadingId(id);
        const anchor: Element = {
          type: 'element',
          tagName: 'a',
          properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: t('nav.anchor'), dataPagefindIgnore: true },
          children: [{ type: 'text', value: '#' }],
        };
        context.replaceNode(node, {
          type: 'element',
          tagName: tags[print ? 1 : 0],
          properties: print ? (printId ? { id: printId } : {}) : id ? { id } : {},
          children: [...node.children, ...(!print && id ? [anchor] : [])],
        });
      },
    },
  });
}

const FRAGMENT = Symbol('Fragment');

/** A body that cannot be rendered: its file, the line within the body when known, and the fix in Vietnamese. */
export class MdxRenderError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly reason: string;

  constructor(file: string, line: number | undefined, reason: string, options?: ErrorOptions) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${reason}`, options);
    this.name = 'MdxRenderError';
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}

/** An HTML string made by the compiler, as opposed to text that still needs escaping. */
class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Children as HTML: compiled markup as it is, text escaped, and nothing for booleans and null (as in JSX). */
const toHtml = (value: unknown): string =>
  value instanceof Html
    ? value.value
    : Array.isArray(value)
      ? value.map(toHtml).join('')
      : typeof value === 'string'
        ? escapeText(value)
        : typeof value === 'number' || typeof value === 'bigint'
          ? String(value)
          : '';

/** Elements without content or closing tag. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Attributes of an HTML tag written in the body (`<u title="…">`, `<input disabled />`). */
function attributes(properties: Record<string, unknown>): string {
  return Object.entries(properties)
    .filter(([, value]) => value !== false && value != null)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(String(value))}"`))
    .join('');
}

/**
 * The JSX runtime the compiled document runs with. Most of a document is collapsed into static
 * HTML strings; what is left are HTML tags written with attributes, which render as HTML.
 * A component (anything but a tag name) is what the content contract rules out: it fails.
 */
function jsx(type: unknown, props: unknown): Html {
  const { 'set:html': html, children, ...rest } = props as Record<string, unknown>;
  if (type === FRAGMENT) return new Html(typeof html === 'string' ? html : toHtml(children));
  if (typeof type !== 'string') throw new Error('a component reached the runtime');
  const open = `<${type}${attributes(rest)}>`;
  return new Html(VOID_ELEMENTS.has(type) ? open : `${open}${toHtml(children)}</${type}>`);
}

/** Renders one body. Throws (in Vietnamese) when the body uses components or expressions. */
export function renderMdx(body: string, options: RenderMdxOptions): RenderedMdx {
  const collected: Collected = { headings: [], localImages: new Set() };
  const hastPlugins: HastPluginList = [
    ...contentHastPlugins,
    imageMarker(),
    headingIds(),
    overrides(options.site, options.print ?? false),
  ];
  const file = relativeFile(options.fileURL);
  let module: { default: (props: { components: Record<string, unknown> }) => unknown };
  try {
    // Text pasted from old documents may be decomposed (NFD): pages serve and index it as NFC.
    module = evaluate(body.normalize('NFC'), {
      Fragment: FRAGMENT,
      jsx,
      jsxs: jsx,
      mdastPlugins: [collectImages],
      hastPlugins,
      features: contentFeatures,
      optimizeStatic: { component: 'Fragment', prop: 'set:html' },
      elementAttributeNameCase: 'html',
      fileURL: options.fileURL,
      data: { portal: collected },
    }) as typeof module;
  } catch (error) {
    const problem = syntaxProblem(file, error);
    throw new MdxRenderError(file, problem.line, problem.message);
  }
  let html: string;
  try {
    html = toHtml(module.default({ components: { Fragment: FRAGMENT } }));
  } catch (error) {
    // A document of static subtrees cannot fail here: what does is a component (missing, or
    // reaching the runtime) or an expression, which the content contract rules out.
    throw new MdxRenderError(file, firstDynamicLine(body), t('error.mdxDynamic'), { cause: error });
  }
  return { html, headings: collected.headings, localImagePaths: [...collected.localImages] };
}

/**
 * The line of the first component, expression, import or export in a body, found by parsing it
 * again with positions (only when rendering failed, so the common path does not pay for positions).
 */
function firstDynamicLine(body: string): number | undefined {
  type Node = {
    type: string;
    name?: string | null;
    attributes?: { type: string; value?: unknown }[];
    children?: Node[];
    position?: { start: { line: number } };
  };
  const isDynamic = (node: Node) =>
    /^(mdxFlowExpression|mdxTextExpression|mdxjsEsm)$/.test(node.type) ||
    (/^mdxJsx(Flow|Text)Element$/.test(node.type) &&
      (!/^[a-z][a-z0-9]*$/.test(node.name ?? '') ||
        (node.attributes ?? []).some((attribute) =>
            attribute.type !== 'mdxJsxAttribute' || (attribute.value !== null && typeof attribute.value === 'object'),)));
  const find = (node: Node): number | undefined =>
    isDynamic(node) ? node.position?.start.line : (node.children ?? []).map(find).find((line) => line !== undefined);
  return find(mdxToMdast(body.normalize('NFC'), { position: true }) as Node);
}

/** "content/thang/2026-11/01-thoi-su.mdx" from the file's address, as messages name files. */
function relativeFile(fileURL: URL): string {
  const path = decodeURIComponent(fileURL.pathname);
  const at = path.lastIndexOf('/content/');
  return at === -1 ? path : path.slice(at + 1);
}

/** The parts of a content entry the print variant needs. */
interface RenderableEntry {
  body?: string | undefined;
  filePath?: string | undefined;
  rendered?: { html: string; metadata?: Record<string, unknown> } | undefined;
}

/**
 * The entry with its body rendered for the printable month, for `render()` from astro:content,
 * which also resolves the body's images. Rendered on the page (one month's sections at a time)
 * rather than kept in the data store beside the reading HTML.
 */
export function forPrint<E extends RenderableEntry>(entry: E, site: string): E {
  const { html } = renderMdx(entry.body ?? '', { fileURL: pathToFileURL(entry.filePath ?? ''), site, print: true });
  return { ...entry, rendered: { ...entry.rendered, html } };
}

/** The message of a body that failed to render at content sync (integrations/mdx-at-sync.ts), if it did. */
export function renderProblem(entry: RenderableEntry): string | undefined {
  const error = entry.rendered?.metadata?.['renderError'];
  return typeof error === 'string' ? error : undefined;
}
