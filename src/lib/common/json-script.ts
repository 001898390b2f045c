/** JSON for a `<script type="application/json">` element: "<" escaped so it can never close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
