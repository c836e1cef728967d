// Stylesheet imports in jest: `styles.card` is 'card' (like identity-obj-proxy); `import './x.scss'` is a no-op.
module.exports = new Proxy(
  {},
  { get: (_target, key) => (key === '__esModule' ? false : typeof key === 'string' ? key : undefined) },
);
