/**
 * Links that would run code or smuggle content: `javascript:`, `vbscript:`, `data:` and any other
 * scheme that is not http, https, mailto or tel. Judged on the parsed tree, so mixed case,
 * character references and reference-style definitions all arrive decoded; the page, the PDF and
 * the Word file would otherwise all carry them, and no CSP protects the last two.
 */
import { t } from '../../i18n/vi.ts';
import type { MdNode } from '../exports/mdast.ts';
import type { Problem } from './problem.ts';

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
/** JSX attributes that a browser follows or loads. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'data',
  'cite',
  'srcset',
]);

/** The scheme a browser would see in a URL, lower-cased, or null for a relative link. */
export function schemeOf(url: string): string | null {
  // Browsers drop ASCII tab and newline anywhere and control characters and spaces at the ends.
  const cleaned = decodeCharacterReferences(url)
    .replace(/[\t\n\r]/g, '')
    .replace(/^[\u0000-\u0020]+/, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return match?.[1]?.toLowerCase() ?? null;
}

/** True when a link may be published. */
export function isSafeUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === null || ALLOWED_SCHEMES.has(scheme);
}

/** Every link, image and URL attribute of a parsed page whose scheme is not allowed. */
export function linkProblems(file: string, tree: MdNode): Problem[] {
  const problems: Problem[] = [];
  const report = (node: MdNode, url: string) => {
    if (isSafeUrl(url)) return;
    problems.push({
      severity: 'error',
      file,
      ...(node.position ? { line: node.position.start.line } : {}),
      message: t('error.linkScheme', {
        href: url.length > 60 ? `${url.slice(0, 57)}…` : url,
        scheme: `${schemeOf(url)}:`,
      }),
    });
  };
  const walk = (node: MdNode) => {
    if (typeof node.url === 'string') report(node, node.url);
    for (const attribute of node.attributes ?? []) {
      if (attribute.name && URL_ATTRIBUTES.has(attribute.name.toLowerCase()) && typeof attribute.value === 'string')
        report(node, attribute.value);
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return problems;
}

/** Decodes numeric and the few named character references a scheme can hide behind. */
function decodeCharacterReferences(text: string): string {
  const named: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', nbsp: ' ', amp: '&' };
  return text.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi,
    (whole, hex?: string, decimal?: string, name?: string) => {
      const code = hex ? Number.parseInt(hex, 16) : decimal ? Number(decimal) : undefined;
      if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : '';
      return named[(name ?? '').toLowerCase()] ?? whole;
    },
  );
}
