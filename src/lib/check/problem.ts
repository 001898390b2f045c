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

/** A file of content/ as the checker sees it: MDX files with their text, others with a size. */
export interface ContentFile {
  path: string;
  source?: string;
  size: number;
}

/** Formats one problem as "file:line  field: message" for the terminal. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}  ${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
}
