/**
 * The meeting kit of every month this build shows. It starts from getMonthlyIssues(), so a draft
 * or future month has no kit; kit pages and Word files all get their months from here.
 */
import { getMeetingCriteria, getMonthlyIssues, type MonthlyIssue, type Section } from './collections.ts';
import type { MeetingCriteria } from './lib/kit/criteria.ts';
import { meetingKitLinks, type KitLink } from './lib/kit/meeting-kit.ts';

/** A month's kit: its issue, its thematic sections, the criteria and the kit's links. */
export interface MeetingKit {
  issue: MonthlyIssue;
  /** Sections of kind `chuyen-de`, in order; empty when the month has none. */
  thematicSections: Section[];
  criteria: MeetingCriteria | undefined;
  links: KitLink[];
}

/** The kit of every shown month, newest first. */
export async function getMeetingKits(): Promise<MeetingKit[]> {
  const [issues, criteria] = await Promise.all([getMonthlyIssues(), getMeetingCriteria()]);
  return issues.map((issue) => {
    const thematicSections = issue.sections.filter((section) => section.entry.data.kind === 'chuyen-de');
    return {
      issue,
      thematicSections,
      criteria,
      links: meetingKitLinks(issue.month, { thematic: thematicSections.length > 0, checklist: criteria !== undefined }),
    };
  });
}
