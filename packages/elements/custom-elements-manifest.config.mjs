// Custom elements manifest (custom-elements.json), generated from the header doc blocks of the
// element classes: attributes, properties, events, slots, parts and CSS properties.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.messages.ts', 'src/**/*.styles.ts', 'src/internal/test-helpers.ts', 'src/react/**'],
  outdir: '.',
  litelement: true,
};
