/**
 * The fill-in documents of the meeting kit (minutes template, local-part insert) as a small
 * format-neutral model, so the same content becomes a web page and a Word file.
 */
import { t } from '../../i18n/vi.ts';
import { parseMonthKey } from '../common/month-key.ts';

/** One block of a kit document. */
export type KitBlock =
  /** The two-column head of a Party document: issuing body on the left, Party name and date on the right. */
  | { type: 'partyHead'; left: string[]; right: string[]; placeDate: string }
  | { type: 'title'; text: string; subtitle?: string }
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string; italic?: boolean }
  /** Dotted lines to write on. */
  | { type: 'lines'; count: number }
  | { type: 'list'; items: string[] }
  /** A table whose `blankRows` empty rows follow the filled ones. */
  | { type: 'table'; headers: string[]; rows: string[][]; blankRows: number; widths: number[] }
  | { type: 'signatures'; left?: { title: string; note: string }; right: { title: string; note: string } };

/** A kit document: a title for the file's properties and its blocks. */
export interface KitDocument {
  title: string;
  blocks: KitBlock[];
}

/** The month's number and year, for "tháng 11 năm 2026". */
function monthParts(month: string): { month: number; year: number } {
  const key = parseMonthKey(month);
  if (!key) throw new RangeError(`Not a month key: ${month}`);
  return { month: key.month, year: key.year };
}

const NUMBER_WIDTH = 8;

/** A task table (what, who, by when) with room for the cell's own rows. */
function taskTable(blankRows: number): KitBlock {
  return {
    type: 'table',
    headers: [t('local.col.no'), t('local.col.task'), t('local.col.owner'), t('local.col.deadline')],
    rows: [],
    blankRows,
    widths: [NUMBER_WIDTH, 52, 24, 16],
  };
}

/** What the minutes template is filled with. */
export interface MinutesInput {
  month: string;
  issuer: string;
  agenda: readonly string[];
  questions: readonly string[];
  /** Verdict labels of the self-assessment (Tốt, Khá…), best first; empty when there are none. */
  bands: readonly string[];
  /** Maximum score of the self-assessment, when there is one. */
  maxPoints?: number | undefined;
}

/** The minutes of a regular cell meeting, pre-filled with the month, agenda and questions. */
export function minutesDocument(input: MinutesInput): KitDocument {
  const { month, year } = monthParts(input.month);
  const blocks: KitBlock[] = [
    {
      type: 'partyHead',
      left: [t('doc.superior'), t('doc.cell'), '*'],
      right: [t('doc.partyName')],
      placeDate: t('doc.placeDate', { month, year }),
    },
    { type: 'title', text: t('minutes.title'), subtitle: t('minutes.subtitle', { month, year }) },
    { type: 'paragraph', text: t('minutes.basis', { issuer: input.issuer }), italic: true },
    { type: 'paragraph', text: t('minutes.time', { month, year }) },
    { type: 'paragraph', text: t('minutes.place') },
    { type: 'paragraph', text: t('minutes.chair') },
    { type: 'paragraph', text: t('minutes.secretary') },
    { type: 'heading', text: t('minutes.attendanceHeading') },
    { type: 'paragraph', text: t('minutes.members') },
    { type: 'paragraph', text: t('minutes.present') },
    { type: 'paragraph', text: t('minutes.absent') },
    { type: 'lines', count: 2 },
    { type: 'paragraph', text: t('minutes.guests') },
    { type: 'paragraph', text: t('minutes.dues') },
    { type: 'heading', text: t('minutes.agendaHeading') },
    { type: 'paragraph', text: t('minutes.agendaIntro') },
    input.agenda.length > 0 ? { type: 'list', items: [...input.agenda] } : { type: 'lines', count: 3 },
    { type: 'heading', text: t('minutes.proceedingsHeading') },
    { type: 'paragraph', text: t('minutes.report') },
    { type: 'lines', count: 4 },
    { type: 'paragraph', text: t('minutes.discussion') },
  ];
  input.questions.forEach((question, index) => {
    blocks.push({ type: 'paragraph', text: t('minutes.question', { number: index + 1, question }) });
    blocks.push({ type: 'paragraph', text: t('minutes.opinions'), italic: true });
    blocks.push({ type: 'lines', count: 4 });
  });
  if (input.questions.length === 0) blocks.push({ type: 'lines', count: 6 });
  blocks.push(
    { type: 'paragraph', text: t('minutes.otherOpinions') },
    { type: 'lines', count: 3 },
    { type: 'paragraph', text: t('minutes.criticism') },
    { type: 'lines', count: 3 },
    { type: 'heading', text: t('minutes.conclusionHeading') },
    { type: 'paragraph', text: t('minutes.chairConclusion') },
    { type: 'lines', count: 4 },
    { type: 'paragraph', text: t('minutes.resolution') },
    taskTable(5),
    { type: 'paragraph', text: t('minutes.vote') },
    { type: 'paragraph', text: t('minutes.commitments') },
    {
      type: 'table',
      headers: [t('local.col.no'), t('doc.col.member'), t('doc.col.commitment'), t('local.col.deadline')],
      rows: [],
      blankRows: 4,
      widths: [NUMBER_WIDTH, 30, 46, 16],
    },
    { type: 'heading', text: t('minutes.assessmentHeading') },
  );
  if (input.bands.length > 0) {
    const score = input.maxPoints ? t('minutes.score', { max: input.maxPoints }) : '';
    blocks.push({
      type: 'paragraph',
      text: `${score}${t('minutes.verdict')} ${input.bands.map((band) => `☐ ${band}`).join('    ')}`,
    });
  } else blocks.push({ type: 'lines', count: 2 });
  blocks.push(
    { type: 'paragraph', text: t('minutes.end') },
    {
      type: 'signatures',
      left: { title: t('minutes.sign.secretary'), note: t('doc.signNote') },
      right: { title: t('minutes.sign.chair'), note: t('doc.signNote') },
    },
  );
  return { title: t('minutes.fileTitle', { month, year }), blocks };
}

/** The local-part insert: the cell's own news and tasks, to follow the provincial sections. */
export function localPartDocument(input: { month: string }): KitDocument {
  const { month, year } = monthParts(input.month);
  return {
    title: t('local.fileTitle', { month, year }),
    blocks: [
      {
        type: 'partyHead',
        left: [t('doc.superior'), t('doc.cell'), '*'],
        right: [t('doc.partyName')],
        placeDate: t('doc.placeDate', { month, year }),
      },
      { type: 'title', text: t('local.title'), subtitle: t('local.subtitle', { month, year }) },
      { type: 'paragraph', text: t('local.intro'), italic: true },
      { type: 'heading', text: t('local.news') },
      { type: 'lines', count: 6 },
      { type: 'heading', text: t('local.directives') },
      { type: 'lines', count: 4 },
      { type: 'heading', text: t('local.people') },
      { type: 'lines', count: 4 },
      { type: 'heading', text: t('local.tasks') },
      taskTable(5),
      { type: 'signatures', right: { title: t('local.sign'), note: t('doc.signNote') } },
    ],
  };
}
