/** What every checker returns: one problem, with file, line, field and a Vietnamese message. */

/** One problem found in the content. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Path relative to the project root, e.g. content/thang/2026-11/index.mdx. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** The frontmatter field concerned, when there is one. */
  field?: string;
  message: string;
}

/**
 * A file of content/ as the checker sees it. The CLI only reads: raw bytes of page and data files
 * (the checker decodes them, so the UTF-8 rule lives here), the first and last bytes of every other
 * file (its real type and whether an image was cut short), and whether the entry is a symlink.
 * Tests may hand decoded `source` text instead of `bytes`.
 */
export interface ContentFile {
  path: string;
  size: number;
  /** Decoded text of an MDX or YAML file (tests; the checker fills it from `bytes`). */
  source?: string;
  /** Raw bytes of an MDX or YAML file, as on disk. */
  bytes?: Uint8Array;
  /** The first bytes of any other file (up to HEAD_BYTES), for sniffing its type. */
  head?: Uint8Array;
  /** The last bytes of any other file (up to TAIL_BYTES), to tell a truncated image. */
  tail?: Uint8Array;
  /** A symbolic link, reported and never followed. */
  symlink?: boolean;
}

/** How many leading bytes the CLI hands over for sniffing. */
export const HEAD_BYTES = 512;
/** How many trailing bytes the CLI hands over for the end-of-image check. */
export const TAIL_BYTES = 32;

/** Formats one problem as "file:line  field: message" for the terminal. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}  ${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
}
