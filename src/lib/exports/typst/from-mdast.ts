/**
 * MDX body (mdast from Sätteri) → Typst markup for the PDFs. Every node type the content can hold
 * has a rule; anything else stops the build with the file and line (ExportError).
 */
import {
  absoluteUrl,
  collectDefinitions,
  definedUrl,
  failAt,
  groupPhrasing,
  isRemote,
  unsupported,
  type BodyOptions,
  type Definitions,
  type MdNode,
} from '../mdast.ts';
import { content, escapeMarkup, stringLiteral } from './escape.ts';

/** A project MDX component rendered into Typst: gets its node and its children already converted. */
export type TypstComponent = (node: MdNode, children: string) => string;

/** How a body is placed in its document; footnote labels get a prefix unique in the document. */
export interface TypstBodyOptions extends BodyOptions<string, TypstComponent> {
  /** Makes footnote labels unique when several bodies share one document. */
  labelPrefix: string;
}

/** Plain HTML elements MDX allows in prose, as Typst functions around their content. */
const INTRINSIC: Readonly<Record<string, (children: string) => string>> = {
  br: () => '#linebreak()',
  strong: (children) => `#strong${content(children)}`,
  b: (children) => `#strong${content(children)}`,
  em: (children) => `#emph${content(children)}`,
  i: (children) => `#emph${content(children)}`,
  u: (children) => `#underline${content(children)}`,
  sup: (children) => `#super${content(children)}`,
  sub: (children) => `#sub${content(children)}`,
};

const ALIGN: Readonly<Record<string, string>> = { left: 'left', center: 'center', right: 'right' };

/** Converts one MDX body to Typst markup. */
export function mdastToTypst(root: MdNode, options: TypstBodyOptions): string {
  const definitions = collectDefinitions(root);
  const converter = new TypstConverter(options, definitions);
  return converter.blocks(root.children ?? []);
}

class TypstConverter {
  private readonly usedFootnotes = new Set<string>();
  private readonly options: TypstBodyOptions;
  private readonly definitions: Definitions;

  constructor(options: TypstBodyOptions, definitions: Definitions) {
    this.options = options;
    this.definitions = definitions;
  }

  /** Block nodes separated by paragraph breaks; loose inline nodes (inside a component) form a paragraph. */
  blocks(nodes: readonly MdNode[]): string {
    return groupPhrasing(nodes)
      .map((node) => this.block(node))
      .filter((markup) => markup !== '')
      .join('\n\n');
  }

  private inlines(nodes: readonly MdNode[] = []): string {
    return nodes.map((node) => this.inline(node)).join('');
  }

  private block(node: MdNode): string {
    switch (node.type) {
      case 'paragraph':
        return this.paragraph(node);
      case 'heading': {
        const level = this.options.headingLevel(node.depth ?? 2);
        return `#heading(level: ${level})${content(this.inlines(node.children))}`;
      }
      case 'list':
        return this.list(node);
      case 'blockquote':
        return `#quote(block: true)${content(this.blocks(node.children ?? []))}`;
      case 'table':
        return this.table(node);
      case 'code':
        return `#raw(block: true, ${stringLiteral(node.value ?? '')})`;
      case 'thematicBreak':
        return '#line(length: 100%, stroke: 0.5pt)';
      case 'mdxJsxFlowElement':
        return this.element(node, this.blocks(node.children ?? []));
      // Metadata and definitions print where they are referenced, not where they are written.
      case 'yaml':
      case 'toml':
      case 'definition':
      case 'footnoteDefinition':
        return '';
      default:
        return unsupported(this.options.file, node);
    }
  }

  private paragraph(node: MdNode): string {
    const children = node.children ?? [];
    // A paragraph holding only images is a run of figures.
    const images = children.filter((child) => child.type === 'image' || child.type === 'imageReference');
    if (
      images.length > 0 &&
      images.length === children.filter((child) => !(child.type === 'text' && child.value?.trim() === '')).length
    ) {
      return images.map((image) => this.inline(image)).join('\n\n');
    }
    return this.inlines(children);
  }

  private inline(node: MdNode): string {
    switch (node.type) {
      case 'text':
        return escapeMarkup(node.value ?? '');
      case 'emphasis':
        return `#emph${content(this.inlines(node.children))}`;
      case 'strong':
        return `#strong${content(this.inlines(node.children))}`;
      case 'delete':
        return `#strike${content(this.inlines(node.children))}`;
      case 'inlineCode':
        return `#raw(${stringLiteral(node.value ?? '')})`;
      case 'break':
        return '#linebreak()';
      case 'link':
        return this.link(node.url ?? '', node);
      case 'linkReference':
        return this.link(definedUrl(this.definitions, this.options.file, node), node);
      case 'image':
        return this.figure(node.url ?? '', node);
      case 'imageReference':
        return this.figure(definedUrl(this.definitions, this.options.file, node), node);
      case 'footnoteReference':
        return this.footnote(node);
      case 'mdxJsxTextElement':
        return this.element(node, this.inlines(node.children));
      default:
        return unsupported(this.options.file, node);
    }
  }

  /** Links keep their text and print their address after it, so a paper copy still leads somewhere. */
  private link(url: string, node: MdNode): string {
    const text = this.inlines(node.children);
    if (url.startsWith('#')) return text;
    const href = absoluteUrl(url, this.options.siteUrl);
    const label =
      node.children?.length === 1 && node.children[0]?.type === 'text' ? (node.children[0].value ?? '') : null;
    if (label === url || label === href) return `#link(${stringLiteral(href)})${content(escapeMarkup(href))}`;
    return `#link(${stringLiteral(href)})${content(text)} #text(size: 0.85em)${content(`(${escapeMarkup(href)})`)}`;
  }

  private figure(url: string, node: MdNode): string {
    if (isRemote(url)) return failAt(this.options.file, node, 'export.remoteImage', { src: url });
    const alt = node.alt ?? '';
    const path = this.options.image(url, node);
    const caption = alt ? `, caption: ${content(escapeMarkup(alt))}` : '';
    return `#figure(image(${stringLiteral(path)}, alt: ${stringLiteral(alt)})${caption})`;
  }

  private footnote(node: MdNode): string {
    const id = (node.identifier ?? '').toLowerCase();
    const definition = this.definitions.footnotes.get(id);
    if (!definition) return failAt(this.options.file, node, 'export.footnoteMissing', { id: node.label ?? id });
    const label = `${this.options.labelPrefix}-fn-${id.replace(/[^a-z0-9]+/g, '-')}`;
    // A second reference to the same note points at the first instead of repeating it.
    if (this.usedFootnotes.has(id)) return `#footnote(<${label}>)`;
    this.usedFootnotes.add(id);
    return `#footnote${content(this.blocks(definition.children ?? []))}<${label}>`;
  }

  private list(node: MdNode): string {
    const items = (node.children ?? []).map((item) => {
      const task = item.checked === true ? '\\[x\\] ' : item.checked === false ? '\\[ \\] ' : '';
      return content(task + this.blocks(item.children ?? []));
    });
    const tight = node.spread ? 'false' : 'true';
    if (node.ordered) {
      const start = node.start ?? 1;
      return `#enum(start: ${start}, tight: ${tight}, ${items.join(', ')})`;
    }
    return `#list(tight: ${tight}, ${items.join(', ')})`;
  }

  private table(node: MdNode): string {
    const rows = node.children ?? [];
    const columns = Math.max(node.align?.length ?? 0, ...rows.map((row) => row.children?.length ?? 0));
    const align = Array.from({ length: columns }, (_, index) => ALIGN[node.align?.[index] ?? ''] ?? 'left');
    const cells = (row: MdNode) =>
      Array.from({ length: columns }, (_, index) => {
        const cell = row.children?.[index];
        return content(cell ? this.inlines(cell.children) : '');
      }).join(', ');
    const [head, ...body] = rows;
    const parts = [`columns: ${columns}`, `align: (${align.join(', ')},)`];
    if (head) parts.push(`table.header(${cells(head)})`);
    for (const row of body) parts.push(cells(row));
    return `#table(${parts.join(', ')})`;
  }

  private element(node: MdNode, children: string): string {
    const name = node.name ?? '';
    const intrinsic = INTRINSIC[name];
    if (intrinsic) return intrinsic(children);
    const component = this.options.components?.[name];
    if (component) return component(node, children);
    return unsupported(this.options.file, node);
  }
}
