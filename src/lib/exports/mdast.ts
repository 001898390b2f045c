/**
 * The slice of the mdast tree (as Sätteri's mdxToMdast returns it) that the PDF and Word exporters
 * read, with the helpers both share: footnote and link definitions, plain text, error positions.
 */
import { t, type MessageKey } from '../../i18n/vi.ts';

/** One node of an mdast tree; fields are present according to `type`. */
export interface MdNode {
  type: string;
  children?: MdNode[];
  value?: string;
  depth?: number;
  url?: string;
  title?: string | null;
  alt?: string | null;
  ordered?: boolean | null;
  start?: number | null;
  spread?: boolean | null;
  checked?: boolean | null;
  align?: (string | null)[] | null;
  identifier?: string;
  label?: string | null;
  lang?: string | null;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number; column: number } };
}

/**
 * How one MDX body is placed in its document, for either converter: Typst resolves an image to a
 * path inside its world, Word to the loaded bytes; each adds what only it needs.
 */
export interface BodyOptions<Image, Component> {
  /** The source file, for error messages ("content/thang/2026-11/01-thoi-su.mdx"). */
  file: string;
  /** The public site address; site-relative links are printed absolute on it. */
  siteUrl: string;
  /** The document's heading level (1–6) of an mdast heading depth (## is depth 2). */
  headingLevel: (depth: number) => number;
  /** The image behind a source, loaded or registered by the caller. */
  image: (url: string, node: MdNode) => Image;
  /** Project MDX components by name (beyond the plain HTML elements the converter handles). */
  components?: Readonly<Record<string, Component>>;
}

/** A construct the exporters cannot render, with the file and line it came from. */
export class ExportError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  /** The Vietnamese explanation alone, without file and line. */
  readonly reason: string;

  constructor(file: string, line: number | undefined, reason: string) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${reason}`);
    this.name = 'ExportError';
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}

/** Throws the Vietnamese message `key` located at `node` in `file`. */
export function failAt(
  file: string,
  node: MdNode | undefined,
  key: MessageKey,
  params: Record<string, string | number> = {},
): never {
  throw new ExportError(file, node?.position?.start.line, t(key, params));
}

/** Throws "cannot render" for a node, naming what it is in words an editor understands. */
export function unsupported(file: string, node: MdNode): never {
  const what =
    node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement'
      ? `<${node.name ?? ''}>`
      : node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression'
        ? '{…}'
        : node.type === 'mdxjsEsm'
          ? 'import/export'
          : node.type;
  return failAt(file, node, 'export.unsupported', { what });
}

/** The definitions a document's references point to: footnotes and reference-style links. */
export interface Definitions {
  footnotes: Map<string, MdNode>;
  links: Map<string, MdNode>;
}

/** Collects footnote and link definitions anywhere in the tree (keys are normalised identifiers). */
export function collectDefinitions(root: MdNode): Definitions {
  const definitions: Definitions = { footnotes: new Map(), links: new Map() };
  const visit = (node: MdNode) => {
    if (node.type === 'footnoteDefinition' && node.identifier)
      definitions.footnotes.set(node.identifier.toLowerCase(), node);
    else if (node.type === 'definition' && node.identifier) definitions.links.set(node.identifier.toLowerCase(), node);
    node.children?.forEach(visit);
  };
  visit(root);
  return definitions;
}

/** The address a reference-style link or image points to; a missing definition stops the build. */
export function definedUrl(definitions: Definitions, file: string, node: MdNode): string {
  const definition = definitions.links.get((node.identifier ?? '').toLowerCase());
  if (!definition) return failAt(file, node, 'export.definitionMissing', { id: node.label ?? node.identifier ?? '' });
  return definition.url ?? '';
}

/** The text of a node and its descendants, without markup. */
export function plainText(node: MdNode): string {
  if (typeof node.value === 'string' && node.type !== 'yaml') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if (node.type === 'break') return ' ';
  return (node.children ?? []).map(plainText).join('');
}

/** Soft line breaks inside a paragraph read as spaces. */
export function flattenWhitespace(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
}

/** A link target as printed: site-relative paths become absolute on `siteUrl`. */
export function absoluteUrl(url: string, siteUrl: string): string {
  if (url.startsWith('#')) return url;
  try {
    return new URL(url, siteUrl).href;
  } catch {
    return url;
  }
}

/** Whether an image source points to another host (never fetched at build time). */
export function isRemote(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

/** Node types that sit inside a paragraph. */
const PHRASING = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'break',
  'link',
  'linkReference',
  'image',
  'imageReference',
  'footnoteReference',
  'mdxJsxTextElement',
  'mdxTextExpression',
]);

/** Wraps runs of inline nodes (as a one-line component holds them) in paragraphs, so block rules apply. */
export function groupPhrasing(nodes: readonly MdNode[]): MdNode[] {
  const result: MdNode[] = [];
  let run: MdNode[] = [];
  const flush = () => {
    if (run.length > 0)
      result.push({ type: 'paragraph', children: run, ...(run[0]?.position ? { position: run[0].position } : {}) });
    run = [];
  };
  for (const node of nodes) {
    if (PHRASING.has(node.type)) run.push(node);
    else {
      flush();
      result.push(node);
    }
  }
  flush();
  return result;
}
