/**
 * The meeting run sheet: the month's suggested agenda laid out in the order of a regular cell
 * meeting (opening, content, closing), each step with a suggested duration.
 */
import { t, type MessageKey } from '../../i18n/vi.ts';
import type { SectionKind } from '../content/kinds.ts';
import { toSlug } from '../common/slugs.ts';
import { routes } from '../content/routes.ts';

/** The three parts of a regular meeting. */
export type PlanPartId = 'opening' | 'content' | 'closing';

/** The steps of a regular meeting, in order. */
export const PLAN_STEPS = [
  { id: 'dues', part: 'opening', minutes: 3, who: 'dues' },
  { id: 'attendance', part: 'opening', minutes: 3, who: 'chair' },
  { id: 'agenda', part: 'opening', minutes: 2, who: 'chair' },
  { id: 'secretary', part: 'opening', minutes: 2, who: 'cell' },
  { id: 'news', part: 'content', minutes: 10, who: 'assigned' },
  { id: 'views', part: 'content', minutes: 5, who: 'members' },
  { id: 'lastMonth', part: 'content', minutes: 10, who: 'secretary' },
  { id: 'study', part: 'content', minutes: 10, who: 'assigned' },
  { id: 'material', part: 'content', minutes: 30, who: 'chairMembers' },
  { id: 'tasks', part: 'content', minutes: 10, who: 'secretary' },
  { id: 'conclusions', part: 'closing', minutes: 5, who: 'chair' },
  { id: 'vote', part: 'closing', minutes: 5, who: 'secretaryCell' },
  { id: 'assessment', part: 'closing', minutes: 5, who: 'cell' },
] as const satisfies readonly { id: string; part: PlanPartId; minutes: number; who: string }[];

/** A step of the run sheet. */
export type PlanStepId = (typeof PLAN_STEPS)[number]['id'];

/** Which step a section of each kind is presented in. */
const STEP_OF_KIND: Record<SectionKind, PlanStepId> = {
  'dinh-huong': 'news',
  'thoi-su': 'news',
  'van-ban-moi': 'news',
  'hoc-tap-bac': 'study',
  'guong-dien-hinh': 'study',
  'ky-niem': 'material',
  'chuyen-de': 'material',
  'bao-ve-nen-tang': 'material',
  'hoi-dap': 'material',
};

/** Words (as slugs) that place an agenda line in a step; the first rule that matches wins. */
const AGENDA_RULES: readonly { step: PlanStepId; words: readonly string[] }[] = [
  { step: 'agenda', words: ['khai-mac', 'thong-qua-chuong-trinh', 'kiem-tra-so-luong'] },
  { step: 'news', words: ['thoi-su', 'van-ban-moi', 'thong-tin-tinh-hinh'] },
  {
    step: 'study',
    words: ['lam-theo-bac', 'hoc-tap-va-lam-theo', 'tu-tuong-dao-duc', 'ho-chi-minh', 'hoc-tap-bac', 'guong-bac'],
  },
  { step: 'lastMonth', words: ['thuc-hien-nghi-quyet-thang', 'ket-qua-thang', 'danh-gia-viec-thuc-hien'] },
  { step: 'tasks', words: ['nhiem-vu-thang', 'phan-cong-nhiem-vu'] },
  { step: 'conclusions', words: ['be-mac', 'ra-nghi-quyet'] },
];

/** The step an agenda line belongs to, judged from its words; the month's material by default. */
export function stepOfAgendaItem(item: string): PlanStepId {
  const slug = `-${toSlug(item)}-`;
  const rule = AGENDA_RULES.find(({ words }) => words.some((word) => slug.includes(`-${word}-`)));
  return rule?.step ?? 'material';
}

/** A link shown inside a step. */
export interface PlanLink {
  href: string;
  label: string;
}

/** One row of the run sheet. */
export interface PlanStep {
  id: PlanStepId;
  number: number;
  title: string;
  guidance: string;
  who: string;
  minutes: number;
  /** The month's agenda lines placed in this step. */
  agenda: string[];
  /** The month's sections (and kit pages) presented in this step. */
  links: PlanLink[];
}

/** A part of the run sheet with its steps. */
export interface PlanPart {
  id: PlanPartId;
  title: string;
  steps: PlanStep[];
}

/** The whole run sheet. */
export interface MeetingPlan {
  parts: PlanPart[];
  /** Every step's default minutes, in order (what the page's script starts from). */
  defaultMinutes: number[];
  totalMinutes: number;
}

/** What the run sheet is built from. */
export interface MeetingPlanInput {
  agenda: readonly string[];
  sections: readonly { title: string; kind: SectionKind; url: string }[];
  /** Pages of the kit that belong to a step (local part in news, checklist in assessment…). */
  extraLinks?: Partial<Record<PlanStepId, PlanLink[]>>;
}

const PART_TITLES: Record<PlanPartId, MessageKey> = {
  opening: 'plan.part.opening',
  content: 'plan.part.content',
  closing: 'plan.part.closing',
};

/** Builds the run sheet of a month from its agenda and sections. */
export function meetingPlan(input: MeetingPlanInput): MeetingPlan {
  const agendaByStep = new Map<PlanStepId, string[]>();
  for (const item of input.agenda) {
    const step = stepOfAgendaItem(item);
    agendaByStep.set(step, [...(agendaByStep.get(step) ?? []), item]);
  }
  const linksByStep = new Map<PlanStepId, PlanLink[]>();
  for (const section of input.sections) {
    const step = STEP_OF_KIND[section.kind];
    linksByStep.set(step, [...(linksByStep.get(step) ?? []), { href: section.url, label: section.title }]);
  }
  // Kit pages come after the provincial sections of their step (the local part follows the news).
  for (const [step, links] of Object.entries(input.extraLinks ?? {}) as [PlanStepId, PlanLink[]][]) {
    linksByStep.set(step, [...(linksByStep.get(step) ?? []), ...links]);
  }
  const steps: PlanStep[] = PLAN_STEPS.map((step, index) => ({
    id: step.id,
    number: index + 1,
    title: t(`plan.step.${step.id}` satisfies MessageKey),
    guidance: t(`plan.guide.${step.id}` satisfies MessageKey),
    who: t(`plan.who.${step.who}` satisfies MessageKey),
    minutes: step.minutes,
    agenda: agendaByStep.get(step.id) ?? [],
    links: linksByStep.get(step.id) ?? [],
  }));
  const parts = (Object.keys(PART_TITLES) as PlanPartId[]).map((id) => ({
    id,
    title: t(PART_TITLES[id]),
    steps: steps.filter((step) => PLAN_STEPS[step.number - 1]?.part === id),
  }));
  const defaultMinutes = steps.map((step) => step.minutes);
  return { parts, defaultMinutes, totalMinutes: defaultMinutes.reduce((sum, value) => sum + value, 0) };
}

/** What a month's kit page knows: the agenda and sections, and which kit pages exist. */
export interface MonthPlanInput {
  month: string;
  agenda: readonly string[];
  sections: MeetingPlanInput['sections'];
  /** The month has a thematic guide page. */
  thematic: boolean;
  /** The month has a checklist page. */
  checklist: boolean;
}

/** The run sheet of a month, with the kit's own pages linked from the steps they serve. */
export function monthPlan(input: MonthPlanInput): MeetingPlan {
  const { month } = input;
  return meetingPlan({
    agenda: input.agenda,
    sections: input.sections,
    extraLinks: {
      news: [{ href: routes.kitLocalPart(month), label: t('kit.localPart') }],
      ...(input.thematic ? { material: [{ href: routes.kitThematic(month), label: t('kit.thematic') }] } : {}),
      ...(input.checklist ? { assessment: [{ href: routes.kitChecklist(month), label: t('kit.checklist') }] } : {}),
    },
  });
}
