// Renders ECharts options to SVG strings with ECharts' own server-side
// renderer, all charts in one process. Usage: node render.mjs <project-root>
// reads [{key, width, height, option}] as JSON on stdin and writes
// {key: svg} as JSON on stdout. Formatter strings "@fmt:<name>" become
// functions that format numbers the Indonesian way (Intl, id-ID).
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.argv[2] || process.cwd(), 'package.json'));
const echarts = require('echarts');

const nf = (digits) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const formats = {
  pct: (v) => nf(2).format(v) + ' %',
  pct0: (v) => nf(0).format(v) + ' %',
  int: (v) => nf(0).format(v),
  miliar: (v) => nf(1).format(v / 1e9) + ' M',
  rupiah: (v) => 'Rp ' + nf(0).format(v),
};

// formatter returns a named format, or "num:<decimals>:<unit>" for a
// number with its unit, as the data declares it.
function formatter(name) {
  if (name.startsWith('num:')) {
    const [, d, ...rest] = name.split(':');
    const unit = rest.join(':');
    return (v) => nf(Number(d)).format(v) + (unit ? (unit === '%' ? ' %' : ' ' + unit) : '');
  }
  return formats[name];
}

function valueOf(p) {
  if (p === null || typeof p !== 'object') return p;
  const v = p.value;
  if (Array.isArray(v)) return v[p.encode && p.encode.x ? p.encode.x[0] : 0];
  return v;
}

function withFormatters(node) {
  if (Array.isArray(node)) return node.map(withFormatters);
  if (node && typeof node === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'string' && v.startsWith('@fmt:')) {
        const f = formatter(v.slice(5));
        if (!f) throw new Error('unknown formatter ' + v);
        out[k] = (p) => f(valueOf(p));
      } else {
        out[k] = withFormatters(v);
      }
    }
    return out;
  }
  return node;
}

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const specs = JSON.parse(input);
const out = {};
for (const s of specs) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: s.width, height: s.height });
  chart.setOption(withFormatters(s.option));
  out[s.key] = chart.renderToSVGString();
  chart.dispose();
}
process.stdout.write(JSON.stringify(out));
