/**
 * Scoring of the meeting self-assessment checklist. Runs at build time and in the reader's
 * browser, so it imports no strings: labels come in as parameters.
 */

/** A verdict band: from `min` percent of the maximum score upwards. */
export interface Band {
  min: number;
  label: string;
  advice: string;
}

/** A criterion as the scorer needs it. */
export interface ScoredItem {
  id: string;
  points: number;
}

/** The outcome of a set of ticks. */
export interface ChecklistScore {
  points: number;
  maxPoints: number;
  /** Whole percent, rounded down, so it never shows a band the score has not reached. */
  percent: number;
  band: Band;
}

/** The band a score falls in: the highest `min` the score reaches (exact, no rounding). */
export function bandFor(bands: readonly Band[], points: number, maxPoints: number): Band {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  // points/max >= min/100, kept in integers so 17/20 is exactly 85 %.
  const reached = sorted.find((band) => points * 100 >= band.min * maxPoints);
  const lowest = sorted[sorted.length - 1];
  if (!lowest) throw new Error('No verdict bands');
  return reached ?? lowest;
}

/** Scores the ticked ids against the items; unknown ids are ignored. */
export function scoreChecklist(
  items: readonly ScoredItem[],
  bands: readonly Band[],
  ticked: Iterable<string>,
): ChecklistScore {
  const chosen = new Set(ticked);
  const maxPoints = items.reduce((sum, item) => sum + item.points, 0);
  const points = items.reduce((sum, item) => sum + (chosen.has(item.id) ? item.points : 0), 0);
  const percent = maxPoints === 0 ? 0 : Math.floor((points * 100) / maxPoints);
  return { points, maxPoints, percent, band: bandFor(bands, points, maxPoints) };
}

/** The ticks saved in the browser, keeping only ids that still exist; anything malformed is none. */
export function parseStoredTicks(raw: string | null | undefined, knownIds: readonly string[]): string[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const known = new Set(knownIds);
  return [...new Set(value.filter((id): id is string => typeof id === 'string' && known.has(id)))];
}

/** The localStorage key of a month's ticks. */
export function checklistStorageKey(month: string): string {
  return `portal:tu-danh-gia:${month}`;
}

/** Fills {placeholders} in a label passed in from the page. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The strings the plain-text report needs, taken from the string table by the page. */
export interface ReportLabels {
  /** e.g. "Kết quả tự đánh giá buổi sinh hoạt chi bộ {month}" */
  heading: string;
  /** e.g. "Điểm: {points}/{max} ({percent}%). Xếp loại: {band}." */
  score: string;
  done: string;
  notDone: string;
}

/** A group of criteria as the report lists it. */
export interface ReportGroup {
  title: string;
  items: readonly { id: string; text: string }[];
}

/** The plain-text summary a secretary pastes into the cell's report. */
export function checklistReport(
  monthLabel: string,
  groups: readonly ReportGroup[],
  ticked: Iterable<string>,
  score: ChecklistScore,
  labels: ReportLabels,
): string {
  const chosen = new Set(ticked);
  const lines = [
    fill(labels.heading, { month: monthLabel }),
    fill(labels.score, { points: score.points, max: score.maxPoints, percent: score.percent, band: score.band.label }),
  ];
  for (const group of groups) {
    lines.push('', group.title);
    for (const item of group.items) lines.push(`[${chosen.has(item.id) ? 'x' : ' '}] ${item.text}`);
  }
  const missing = groups.flatMap((group) => group.items).filter((item) => !chosen.has(item.id));
  lines.push(
    '',
    `${labels.done}: ${groups.reduce((n, g) => n + g.items.length, 0) - missing.length}; ${labels.notDone}: ${missing.length}`,
  );
  return lines.join('\n');
}
