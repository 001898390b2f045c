/**
 * What the checklist page needs from the criteria: the bands best first, the blank score line and
 * the JSON island its script reads (strings included, so the script never loads the string table).
 */
import { jsonForScript } from '../common/json-script.ts';
import { t } from '../../i18n/vi.ts';
import { checklistStorageKey, scoreChecklist, type Band, type ReportLabels } from './checklist.ts';
import { bandsBestFirst, criteriaItems, type MeetingCriteria } from './criteria.ts';

/** The checklist of one month, ready to render. */
export interface ChecklistView {
  bands: Band[];
  /** "Điểm: ...... / 28. Xếp loại: ……": shown until something is ticked, and on a blank printout. */
  blankScore: string;
  /** JSON for the page's script, with "<" escaped so no text can close the script element. */
  configJson: string;
}

/** Builds the checklist view of a month. */
export function checklistView(criteria: MeetingCriteria, month: string, monthLabel: string): ChecklistView {
  const bands = bandsBestFirst(criteria);
  const blankScore = t('checklist.blank', { max: scoreChecklist(criteriaItems(criteria), bands, []).maxPoints });
  const labels: ReportLabels = {
    heading: t('checklist.reportHeading'),
    score: t('checklist.score'),
    done: t('checklist.done'),
    notDone: t('checklist.notDone'),
  };
  const config = {
    key: checklistStorageKey(month),
    monthLabel,
    groups: criteria.groups.map((group) => ({
      title: group.title,
      items: group.items.map(({ id, text, points }) => ({ id, text, points })),
    })),
    bands,
    labels,
    blank: blankScore,
    hint: t('checklist.hint'),
    copied: t('checklist.copied'),
    copyManual: t('checklist.copyManual'),
  };
  return { bands, blankScore, configJson: jsonForScript(config) };
}
