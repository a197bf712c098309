// Renders ECharts options to SVG strings with ECharts' own server-side
// renderer, all charts in one process. Usage:
//   node render.mjs <project-root> <formatter-module>
// reads [{key, lang, width, height, option}] as JSON on stdin and writes
// {key: svg} as JSON on stdout. Formatter strings "@fmt:<name>" become the
// functions of the formatter module (assets/js/idformat.mjs) in the chart's
// language (lang), the same that the interactive view uses.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = process.argv[2] || process.cwd();
const require = createRequire(path.join(root, 'package.json'));
const echarts = require('echarts');
const { withFormatters } = await import(pathToFileURL(path.resolve(root, process.argv[3])).href);

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const specs = JSON.parse(input);
const out = {};
for (const s of specs) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: s.width, height: s.height });
  chart.setOption(withFormatters(s.option, s.lang));
  out[s.key] = chart.renderToSVGString();
  chart.dispose();
}
process.stdout.write(JSON.stringify(out));
