/**
 * What a server must send with the built site: the Content-Security-Policy, the other security
 * headers, the caching rule of each kind of file and which files are worth precompressing.
 * deploy/nginx.conf implements the same rules; the server tests compare nginx's answers with these.
 */
import { SEARCH_SCRIPT } from '../search/bundle.ts';

/**
 * CSP directives besides script-src and style-src, which Astro writes with the hashes of the
 * site's inline scripts and styles (security.csp in astro.config.mjs).
 */
export const CSP_DIRECTIVES = [
  "default-src 'none'",
  // Pagefind's search UI draws its icons as data: SVGs.
  "img-src 'self' data:",
  "font-src 'self'",
  // Pagefind fetches its index; the service worker caches pages.
  "connect-src 'self'",
  "manifest-src 'self'",
  // Pagefind searches in a worker; the PWA registers a service worker.
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
] as const;

/** Sources of script-src and style-src before Astro adds its hashes. */
export const CSP_SCRIPT_RESOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;
export const CSP_STYLE_RESOURCES = ["'self'"] as const;

/** Directives a <meta> policy cannot carry, so only the HTTP header sends them. */
export const HEADER_ONLY_CSP = ["frame-ancestors 'none'"] as const;

/** Astro's security.csp option for this site; `inlineScriptHashes` are those of lib/reader/inline-scripts.ts. */
export function astroCsp(inlineScriptHashes: readonly `sha256-${string}`[]) {
  return {
    algorithm: 'SHA-256' as const,
    directives: [...CSP_DIRECTIVES],
    scriptDirective: { resources: [...CSP_SCRIPT_RESOURCES], hashes: [...inlineScriptHashes] },
    styleDirective: { resources: [...CSP_STYLE_RESOURCES] },
  };
}

/** The header policy: Astro's <meta> policy (with its hashes) plus the header-only directives. */
export function headerPolicy(metaPolicy: string): string {
  const directives = metaPolicy
    .split(';')
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter((part) => part !== '');
  const names = new Set(directives.map((part) => part.split(' ')[0]));
  for (const extra of HEADER_ONLY_CSP) if (!names.has(extra.split(' ')[0])) directives.push(extra);
  return directives.join('; ');
}

/** The policy inside Astro's <meta http-equiv="content-security-policy">, or null when absent. */
export function metaPolicyOf(html: string): string | null {
  const tag = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html);
  return (
    tag?.[1]
      ?.replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&') ?? null
  );
}

const EXECUTABLE_SCRIPT = /^(?:|module|text\/javascript|application\/javascript)$/i;

/** Sources of one directive of a policy (falling back to default-src when it is absent). */
function sourcesOf(policy: string, directive: string): string[] {
  const parts = new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
  return [...(parts.get(directive) ?? parts.get(directive.replace(/-elem$/, '')) ?? parts.get('default-src') ?? [])];
}

/**
 * The inline scripts and styles of a page that its policy does not allow (by hash or by
 * 'unsafe-inline' for styles), shortened for a message. `sha256` returns "sha256-<base64>".
 */
export function inlineCodeNotAllowed(html: string, policy: string, sha256: (text: string) => string): string[] {
  const blocked: string[] = [];
  const scripts = sourcesOf(policy, 'script-src-elem');
  const styles = sourcesOf(policy, 'style-src-elem');
  for (const { name, attributes, code } of rawTextElements(html)) {
    if (name === 'script') {
      if (/\ssrc=/.test(attributes)) continue;
      const type = /\stype="([^"]*)"/.exec(attributes)?.[1] ?? '';
      if (!EXECUTABLE_SCRIPT.test(type)) continue;
      if (!scripts.includes(`'${sha256(code)}'`)) blocked.push(`<script> ${code.slice(0, 80)}`);
    } else if (!styles.includes("'unsafe-inline'") && !styles.includes(`'${sha256(code)}'`)) {
      blocked.push(`<style> ${code.slice(0, 80)}`);
    }
  }
  return blocked;
}

// A start tag with its attributes, quoted values taken whole: "<script>" inside a title="…" is text.
const START_TAG =
  /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|<!--[\s\S]*?-->/g;

/** The <script> and <style> elements of a page with their code, read tag by tag as a browser does. */
export function rawTextElements(html: string): { name: 'script' | 'style'; attributes: string; code: string }[] {
  const elements: { name: 'script' | 'style'; attributes: string; code: string }[] = [];
  const lower = html.toLowerCase();
  START_TAG.lastIndex = 0;
  for (let match = START_TAG.exec(html); match; match = START_TAG.exec(html)) {
    const name = match[1]?.toLowerCase();
    if (name !== 'script' && name !== 'style') continue;
    // Their content is raw text up to the matching end tag, whatever it looks like.
    const start = START_TAG.lastIndex;
    const end = lower.indexOf(`</${name}`, start);
    const stop = end === -1 ? html.length : end;
    elements.push({ name, attributes: match[2] ?? '', code: html.slice(start, stop) });
    START_TAG.lastIndex = stop;
  }
  return elements;
}

/** A built page and the policy of its CSP <meta>. */
export interface PagePolicy {
  /** The HTML file, relative to the site root: "thang/2026-11/index.html", "404.html". */
  file: string;
  policy: string;
}

/** The URIs nginx sees for a page file: "/a/index.html" is also asked for as "/a/". */
export function urisOfPage(file: string): string[] {
  const path = `/${file}`;
  return path.endsWith('/index.html') ? [path.slice(0, -'index.html'.length), path] : [path];
}

/**
 * An nginx `map` from URI to the Content-Security-Policy header: the policy most pages share is
 * the default (it also covers workers, feeds and files); a page with its own policy (the web
 * editor) gets its own entries. Each policy gets the header-only directives.
 */
export function nginxCspMap(pages: readonly PagePolicy[]): string {
  const counts = new Map<string, number>();
  for (const page of pages) counts.set(page.policy, (counts.get(page.policy) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (common === undefined) throw new Error('No page with a Content-Security-Policy <meta>');
  const quoted = (policy: string) => `"${headerPolicy(policy).replace(/["\\]/g, '\\$&')}"`;
  const lines = ['map $uri $portal_csp {', `    default ${quoted(common)};`];
  for (const page of [...pages].sort((a, b) => a.file.localeCompare(b.file))) {
    if (page.policy === common) continue;
    for (const uri of urisOfPage(page.file)) lines.push(`    ${uri} ${quoted(page.policy)};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** The security headers every response carries (error pages too), CSP first. */
export function securityHeaders(policy: string): Array<[name: string, value: string]> {
  return [
    ['Content-Security-Policy', policy],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Strict-Transport-Security', 'max-age=63072000'],
  ];
}

/** How long a file may be cached, by the rule of deploy/nginx.conf. */
export type CacheRule = 'immutable' | 'search-chunk' | 'download' | 'revalidate';

/** Cache-Control value of each rule. */
export const CACHE_CONTROL: Readonly<Record<CacheRule, string>> = {
  // Astro's hashed assets: the name changes whenever the bytes do.
  immutable: 'public, max-age=31536000, immutable',
  // Pagefind's chunks are named by content hash but belong to one index generation.
  'search-chunk': 'public, max-age=86400',
  // PDFs, Word files, attachments and icons keep their names when a correction rebuilds them.
  download: 'public, max-age=3600',
  // HTML, feed, sitemap, search entry point, manifest, service worker: always ask, 304 is cheap.
  revalidate: 'no-cache',
};

/**
 * The caching rule of a response on the built site, by its path and status: only a file actually
 * served keeps its rule; an error (a folder's 403, a missing file's 404) is always asked again.
 */
export function cacheRuleFor(path: string, status = 200): CacheRule {
  if (status !== 200 && status !== 206 && status !== 304) return 'revalidate';
  if (path.startsWith('/_astro/') && !path.endsWith('/')) return 'immutable';
  if (/^\/pagefind\/.+\.pf_(?:fragment|index|meta|filter)$/.test(path)) return 'search-chunk';
  if (/\.(?:pdf|docx?|xlsx?|pptx?|zip|jpe?g|png|webp|avif|gif|svg|ico)$/i.test(path)) return 'download';
  return 'revalidate';
}

/** Files worth precompressing: text formats; images, PDFs, archives and Pagefind's gzip chunks are not. */
export function isCompressible(path: string): boolean {
  return /\.(?:html|css|js|mjs|json|xml|svg|txt|webmanifest|map|ico)$/i.test(path);
}

/** Paths the build writes for the server only, never served. */
export const SERVER_ONLY_PATHS: readonly string[] = ['/_nginx/'];

/**
 * Brotli quality for a file: the best (11) for the shared assets every first visit downloads and
 * the script every first search downloads, a fast one (8) for pages, large bundles and the web
 * editor's few hundred chunks (staff only), where 11 costs twenty times the time for 7 %
 * (docs/performance.md).
 */
export function brotliQualityFor(path: string, size: number): number {
  const shared =
    (path.startsWith('/_astro/') && !path.startsWith('/_astro/admin/')) || path === `/pagefind/${SEARCH_SCRIPT}`;
  return shared && size <= 256 * 1024 ? 11 : 8;
}
