/** The element overrides MDX bodies are rendered with. */
import { createComponent, render, renderComponent } from 'astro/compiler-runtime';
import Heading from './Heading.astro';
import PrintableLink from './PrintableLink.astro';
import ScrollTable from './ScrollTable.astro';

/**
 * Heading.astro at a fixed level: MDX hands an override the element's attributes but not its tag,
 * so each of h2–h4 gets the one component with its level bound.
 */
function headingAt(level: 2 | 3 | 4, print: boolean) {
  return createComponent(
    (result, props, slots) => render`${renderComponent(result, 'Heading', Heading, { ...props, level, print }, slots)}`,
  );
}

/** Reading pages: anchored headings. */
export const mdxComponents = {
  h2: headingAt(2, false),
  h3: headingAt(3, false),
  h4: headingAt(4, false),
  a: PrintableLink,
  table: ScrollTable,
};

/** The printable month: every section on one page, so headings step down a level and drop ids. */
export const printMdxComponents = {
  h2: headingAt(2, true),
  h3: headingAt(3, true),
  h4: headingAt(4, true),
  a: PrintableLink,
  table: ScrollTable,
};
