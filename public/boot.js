// Starts the calculator. Trunk would otherwise inline this loader in index.html, which a
// Content-Security-Policy without 'unsafe-inline' refuses. The hashed file names come from
// the data attributes Trunk writes on this script's tag (Trunk.toml, pattern_script).
const tag = document.querySelector('script[data-js][data-wasm]');
const { default: init } = await import(new URL(tag.dataset.js, document.baseURI).href);
await init({ module_or_path: new URL(tag.dataset.wasm, document.baseURI) });
