// Starts the calculator. Trunk would otherwise inline this loader in index.html, which a
// Content-Security-Policy without 'unsafe-inline' refuses. The hashed file names come from
// the data attributes Trunk writes on this script's tag (Trunk.toml, pattern_script).
// When the calculator cannot start, the shell in index.html shows why, in Dutch.
const shell = document.documentElement.classList;
try {
  const tag = document.querySelector('script[data-js][data-wasm]');
  const { default: init } = await import(new URL(tag.dataset.js, document.baseURI).href);
  await init({ module_or_path: new URL(tag.dataset.wasm, document.baseURI) });
  // In the same task as the app was mounted, so no frame shows both.
  document.querySelector('.shell__laden')?.remove();
} catch (error) {
  // As the shell's inline script does: by attribute, which also works where the
  // stylesheet could not load.
  shell.add('mislukt');
  document.querySelector('.shell__laden')?.setAttribute('hidden', '');
  document.querySelector('.shell__mislukt')?.removeAttribute('hidden');
  throw error;
}
