/**
 * The PDF's font: Noto Serif (full Vietnamese coverage, SIL Open Font License) from the
 * @expo-google-fonts/noto-serif package, handed to Typst as bytes. Machine fonts are never used.
 */
import { readFileSync } from 'node:fs';
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
