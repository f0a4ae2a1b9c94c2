// The one part of xml-js the `feed` library calls (js2xml). Bundled in its place by the
// builder's esbuild alias (BUNDLE_OPTIONS in src/publisher/node/module-graph.ts), so the publisher
// does not carry xml-js's parsers and their `sax` dependency. The Worker renders nothing and
// bundles neither (tests/node/worker-bundle.test.ts), so wrangler.toml has no alias. The
// relative path keeps the alias from rewriting this import too.
import js2xml from '../../../node_modules/xml-js/lib/js2xml.js'

export { js2xml }
export default { js2xml }
