/** decap-cms-locales ships no types: each locale module is a nested tree of phrases. */
declare module 'decap-cms-locales/dist/esm/*/index.js' {
  const phrases: Record<string, unknown>;
  export default phrases;
}
