// The one part of xml-js the `feed` library calls (js2xml). Bundled in its place by the
// [alias] in wrangler.toml, so the Worker does not carry xml-js's parsers and their `sax`
// dependency (about 20 KiB gzip of code that never runs). The relative path keeps the alias
// from rewriting this import too.
import js2xml from '../../../node_modules/xml-js/lib/js2xml.js'

export { js2xml }
export default { js2xml }
