/**
 * The PDF's font: Noto Serif (full Vietnamese coverage, SIL Open Font License) from the
 * @expo-google-fonts/noto-serif package, handed to Typst as bytes. Machine fonts are never indexed.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/**
 * A fontconfig file that lists one empty folder, for the Typst thread to read instead of the
 * machine's. The compiler indexes the fonts fontconfig lists (and, when that list is empty or
 * unreadable, the usual font folders), with no switch to skip them; an empty folder of our own means
 * it indexes no machine font at all, so a PDF is the same whatever fonts the machine has.
 */
export function noSystemFontsConfig(dir: string): string {
  const empty = join(dir, 'empty');
  mkdirSync(empty, { recursive: true });
  const file = join(dir, 'fonts.conf');
  const xmlPath = empty.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const text = `<?xml version="1.0"?>\n<fontconfig><dir>${xmlPath}</dir></fontconfig>\n`;
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  }
  return file;
}
