/**
 * The PDF's font: Noto Serif (full Vietnamese coverage, SIL Open Font License) from the
 * @expo-google-fonts/noto-serif package, handed to Typst as bytes. Machine fonts are never used.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The package the font files come from (its LICENSE_FONT is the OFL text). */
export const FONT_PACKAGE = '@expo-google-fonts/noto-serif';

/** The family name Typst knows the files by. */
export const FONT_FAMILY = 'Noto Serif';

/** Regular, italic, bold and bold italic: all the body text needs. */
const FONT_FILES = [
  '400Regular/NotoSerif_400Regular.ttf',
  '400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  '700Bold/NotoSerif_700Bold.ttf',
  '700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
] as const;

/** Absolute paths of the font files, resolved from the project (not from the bundled build output). */
export function fontPaths(): string[] {
  const require = createRequire(join(process.cwd(), 'package.json'));
  const root = dirname(require.resolve(`${FONT_PACKAGE}/package.json`));
  return FONT_FILES.map((file) => join(root, file));
}

let loaded: Buffer[] | undefined;

/** The font files' bytes, read once. */
export function fontBlobs(): Buffer[] {
  loaded ??= fontPaths().map((path) => readFileSync(path));
  return loaded;
}

/** The folders Typst's node compiler indexes besides the fonts it is given (it has no switch to skip them). */
const SYSTEM_FONT_DIRS = [
  '/usr/share/fonts',
  '/usr/local/share/fonts',
  join(homedir(), '.fonts'),
  join(homedir(), '.local/share/fonts'),
];

/** Font files in the machine's font folders whose name says they are the same family as ours. */
function systemCopies(dir: string, found: string[] = []): string[] {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) systemCopies(path, found);
    else if (/^notoserif[-_.]/i.test(entry.name.replace(/\s+/g, ''))) found.push(path);
  }
  return found;
}

/**
 * Refuses to build PDFs on a machine with its own Noto Serif: the compiler would index it too, and
 * another version of the family could be chosen, so the same content would not give the same bytes.
 */
export function assertNoSystemCopy(): void {
  const copies = SYSTEM_FONT_DIRS.flatMap((dir) => systemCopies(dir));
  if (copies.length > 0) {
    throw new Error(
      `${FONT_FAMILY} is installed on this machine (${copies.join(', ')}); remove it so PDFs use only the font from ${FONT_PACKAGE}`,
    );
  }
}
