import { toSlug } from '../common/slugs.ts';

/** The per-document prefix for footnote ids: "…/thang/2026-09/01-thoi-su.mdx" → "2026-09-thoi-su". */
export function footnoteIdPrefix(path: string): string {
  const [folder = '', file = ''] = path.split('/').filter(Boolean).slice(-2);
  return toSlug(`${folder} ${file.replace(/\.mdx?$/, '').replace(/^\d+-/, '')}`) || 'bai';
}

const FOOTNOTE_ID = /^(#?)(user-content-fn|user-content-fnref|footnote-label)/;
const ATTRIBUTES = ['id', 'href', 'ariaDescribedBy', 'aria-describedby'] as const;

/** Returns the properties with footnote ids and links prefixed, or the same object when none. */
export function prefixFootnoteIds<P extends Record<string, unknown>>(properties: P, prefix: string): P {
  let changed: Record<string, unknown> | undefined;
  for (const name of ATTRIBUTES) {
    const value = properties[name];
    const rewrite = (text: string) => text.replace(FOOTNOTE_ID, `$1${prefix}-$2`);
    if (typeof value === 'string' && FOOTNOTE_ID.test(value)) {
      changed ??= { ...properties };
      changed[name] = rewrite(value);
    } else if (Array.isArray(value) && value.some((item) => typeof item === 'string' && FOOTNOTE_ID.test(item))) {
      changed ??= { ...properties };
      changed[name] = value.map((item) => (typeof item === 'string' ? rewrite(item) : item));
    }
  }
  return (changed as P | undefined) ?? properties;
}

/** On the printable month only footnote-label ids survive: they are the only ones unique per file. */
export function keepPrintHeadingId(id: string | undefined): string | undefined {
  return id?.endsWith('-footnote-label') ? id : undefined;
}
