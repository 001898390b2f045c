/** The reader's colour theme: the system's unless they chose one with the toggle. */
export type Theme = 'light' | 'dark';

/** The localStorage key the head script and the toggle share. */
export const THEME_KEY = 'portal:theme';

/** Reads a stored choice; anything else means "follow the system". */
export function parseTheme(value: string | null | undefined): Theme | undefined {
  return value === 'light' || value === 'dark' ? value : undefined;
}

/** The theme in force: the reader's choice, else the system's. */
export function effectiveTheme(chosen: Theme | undefined, systemPrefersDark: boolean): Theme {
  return chosen ?? (systemPrefersDark ? 'dark' : 'light');
}
