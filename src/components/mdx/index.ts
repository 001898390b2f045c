/** The element overrides MDX bodies are rendered with. */
import HeadingTwo from './HeadingTwo.astro';
import HeadingThree from './HeadingThree.astro';
import HeadingFour from './HeadingFour.astro';
import PrintHeadingTwo from './PrintHeadingTwo.astro';
import PrintHeadingThree from './PrintHeadingThree.astro';
import PrintHeadingFour from './PrintHeadingFour.astro';
import PrintableLink from './PrintableLink.astro';
import ScrollTable from './ScrollTable.astro';

/** Reading pages: anchored headings. */
export const mdxComponents = {
  h2: HeadingTwo,
  h3: HeadingThree,
  h4: HeadingFour,
  a: PrintableLink,
  table: ScrollTable,
};

/** The printable month: every section on one page, so headings step down a level and drop ids. */
export const printMdxComponents = {
  h2: PrintHeadingTwo,
  h3: PrintHeadingThree,
  h4: PrintHeadingFour,
  a: PrintableLink,
  table: ScrollTable,
};
