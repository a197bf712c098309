// idformat.mjs — numbers the Indonesian way, the same output as the Go
// package generator/idformat (1.234.567; 97,85 %; "1,90 %" with the
// decimals the data gives). One module for every chart: render.mjs imports
// it when charts are drawn at build time, grafik.js (bundled by Hugo's
// js.Build) when a reader asks for the interactive view. The Go test
// TestJSFormatterAgreesWithGo (generator/echarts) compares the two.
//
// Rounding follows Go's strconv: the exact binary value of the number,
// ties to even; no Intl, so that Node and every browser print the same.

// decimal formats v with exactly places decimals: 97,85; "-0,00" → "0,00".
export function decimal(v, places) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '–';
  places = Math.max(0, Math.min(20, places | 0));
  const neg = v < 0;
  const abs = Math.abs(v);
  // toFixed(100) is the exact decimal expansion of a double below 1e21 with
  // at most 100 fraction digits (every amount and rate of a report)
  let [int, frac = ''] = (abs >= 1e21 ? abs.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : abs.toFixed(100)).split('.');
  frac = frac.padEnd(places + 1, '0');
  let keep = int + frac.slice(0, places);
  const rest = frac.slice(places);
  const half = rest[0] === '5' && /^5?0*$/.test(rest);
  if (rest[0] > '5' || (rest[0] === '5' && !half) || (half && Number(keep[keep.length - 1]) % 2 === 1)) {
    keep = increment(keep);
  }
  int = keep.slice(0, keep.length - places) || '0';
  frac = keep.slice(keep.length - places);
  let s = group(int) + (places > 0 ? ',' + frac : '');
  if (neg && /[1-9]/.test(keep)) s = '-' + s;
  return s;
}

function increment(digits) {
  const d = digits.split('');
  let i = d.length - 1;
  for (; i >= 0; i--) {
    if (d[i] === '9') { d[i] = '0'; continue; }
    d[i] = String(Number(d[i]) + 1);
    break;
  }
  return (i < 0 ? '1' : '') + d.join('');
}

function group(int) {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

// int formats a whole number: 1.234.567.
export const int = (n) => decimal(Math.round(n), 0);

// percent: 97,85 % (a space before the sign, as the tables print it).
export const percent = (v, places) => decimal(v, places) + ' %';

// trimZeros drops trailing decimal zeros: "34,50" → "34,5", "12,00" → "12".
const trimZeros = (s) => (s.includes(',') ? s.replace(/0+$/, '').replace(/,$/, '') : s);

// number: as many decimals as the value needs, at most two.
export const number = (v) => trimZeros(decimal(v, 2));

// signed: a difference with its sign, +0,01 or −1.234.
export function signed(v, places) {
  const s = decimal(Math.abs(v), places);
  if (!/[1-9]/.test(s)) return s;
  return (v < 0 ? '−' : '+') + s;
}

// rupiah: an exact amount, Rp 34.547.900.993.
export const rupiah = (n) => (n < 0 ? '−Rp ' + int(-n) : 'Rp ' + int(n));

// rupiahShort: an amount for cards and labels, Rp 34,55 miliar.
export function rupiahShort(n) {
  const v = Math.abs(n);
  const sign = n < 0 ? '−' : '';
  for (const [size, name] of [[1e12, 'triliun'], [1e9, 'miliar'], [1e6, 'juta']]) {
    if (v >= size) return sign + 'Rp ' + trimZeros(decimal(v / size, 2)) + ' ' + name;
  }
  return sign + 'Rp ' + int(Math.trunc(v));
}

// measure: a value of a series with the decimals the data declares and its
// unit: "1,90 %", "12,4 per 1.000 KH".
export function measure(v, unit, places) {
  const n = decimal(v, places);
  if (!unit) return n;
  return n + ' ' + unit;
}

// formatter returns the format a chart option names with "@fmt:<name>":
//   num:<decimals>:<unit>  measure (the series chart: axis, labels, tooltip)
//   pct:<decimals>         percent
//   int                    whole numbers
//   miliar                 rupiah shown in miliar on an axis named so
//   rupiah                 exact rupiah (tooltips)
export function formatter(name) {
  const [kind, d, ...rest] = name.split(':');
  switch (kind) {
    case 'num': return (v) => measure(v, rest.join(':'), Number(d));
    case 'pct': return (v) => percent(v, Number(d));
    case 'int': return (v) => int(v);
    case 'miliar': return (v) => number(v / 1e9);
    case 'rupiah': return (v) => rupiah(v);
    default: return null;
  }
}

// valueOf is the number an ECharts formatter is called with: the value
// itself (axis), or a data item's value (label, tooltip); a scatter point
// [x, y] gives the coordinate its axis encodes.
function valueOf(p) {
  if (p === null || typeof p !== 'object') return p;
  const v = p.value;
  if (Array.isArray(v)) return v[p.encode && p.encode.x ? p.encode.x[0] : 0];
  return v;
}

// withFormatters replaces every "@fmt:<name>" string of an ECharts option
// by its formatting function. An unknown name is an error.
export function withFormatters(node) {
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
