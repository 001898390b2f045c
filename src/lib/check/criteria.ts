/**
 * The content checker's rules for the meeting-quality criteria (content/tieu-chi/*.yaml):
 * YAML syntax and the schema of lib/kit/criteria.ts, each problem with its line.
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import { t } from '../../i18n/vi.ts';
import type { ContentFile, Problem } from './problem.ts';
import { criteriaSchema, MEETING_CRITERIA_ID } from '../kit/criteria.ts';

const CRITERIA_FILE = /^content\/tieu-chi\/[^/]+\.yaml$/;

/** The line (1-based) of a dotted path inside a parsed YAML document, as deep as it exists. */
function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let found: YamlNode | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      found = pair.key as YamlNode;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(key)];
      if (!item) break;
      found = item as YamlNode;
      node = item;
    } else break;
  }
  const offset = found?.range?.[0];
  return offset === undefined ? 1 : counter.linePos(offset).line;
}

/** Checks every criteria file; warns when content/tieu-chi/ lacks the checklist's own file. */
export function checkCriteriaFiles(files: readonly ContentFile[]): Problem[] {
  const problems: Problem[] = [];
  const criteriaFiles = files.filter((file) => CRITERIA_FILE.test(file.path));
  for (const file of criteriaFiles) {
    const counter = new LineCounter();
    const doc = parseDocument(file.source ?? '', { lineCounter: counter, prettyErrors: false });
    const syntax = doc.errors[0];
    if (syntax) {
      problems.push({
        severity: 'error',
        file: file.path,
        line: counter.linePos(syntax.pos[0]).line,
        message: t('error.criteria.yaml', { reason: syntax.code }),
      });
      continue;
    }
    const outcome = criteriaSchema().safeParse(doc.toJS());
    if (outcome.success) continue;
    for (const issue of outcome.error.issues) {
      const field = issue.path.map(String).join('.');
      problems.push({
        severity: 'error',
        file: file.path,
        line: lineOf(doc, counter, issue.path),
        ...(field ? { field } : {}),
        message: issue.message,
      });
    }
  }
  // A criteria folder without the checklist's file is most likely a renamed or misspelt file.
  const expected = `content/tieu-chi/${MEETING_CRITERIA_ID}.yaml`;
  const hasFolder = files.some((file) => file.path.startsWith('content/tieu-chi/'));
  if (hasFolder && !criteriaFiles.some((file) => file.path === expected)) {
    problems.push({ severity: 'warning', file: expected, message: t('warning.criteriaMissing') });
  }
  return problems;
}
