// idformat.mjs — numbers the way each language of the site writes them,
// the same output as the Go side: Indonesian as generator/idformat
// (1.234.567; 97,85 %; "1,90 %" with the decimals the data gives; Rp 34,5
// miliar), English as generator/locale's NumbersFor("en") (1,234,567;
// 97.85%; IDR 34.5 billion). One module for every chart: render.mjs imports
// it when charts are drawn at build time, grafik.js (bundled by Hugo's
// js.Build) when a reader asks for the interactive view; both pass the
// chart's language. The Go test TestJSFormatterAgreesWithGo
// (generator/echarts) compares the two in both languages.
//
// Rounding follows Go's strconv: the exact binary value of the number,
// ties to even; no Intl, so that Node and every browser print the same.

// decimal formats v with exactly places decimals: 97,85; "-0,00" → "0,00".
export function decimal(v, places) { return decimalWith(v, places, '.', ','); }

// decimalWith formats v with exactly places decimals, groups of three digits
// separated by groupSep and decimals after decimalSep.
function decimalWith(v, places, groupSep, decimalSep) {
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
  let s = group(int, groupSep) + (places > 0 ? decimalSep + frac : '');
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

function group(int, sep) {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

// NBSP joins a number and its unit, so that "97,85 %" or "Rp 7,9 miliar"
// never breaks across lines (generator/idformat.NBSP).
export const NBSP = '\u00a0';

// style builds one language's number functions (generator/idformat's
// Style): its separators, currency, the space before "%" and the names of
// large amounts. A unit from data (orang, per 1.000 KH) stays as given.
function style({ groupSep, point, currency, pct, scales }) {
  const decimal = (v, places) => decimalWith(v, places, groupSep, point);
  const trimZeros = (s) => (s.includes(point) ? s.replace(/0+$/, '').replace(new RegExp('\\' + point + '$'), '') : s);
  const int = (n) => decimal(Math.round(n), 0);
  return {
    decimal,
    int,
    percent: (v, places) => decimal(v, places) + pct + '%',
    number: (v) => trimZeros(decimal(v, 2)),
    signed(v, places) {
      const s = decimal(Math.abs(v), places);
      if (!/[1-9]/.test(s)) return s;
      return (v < 0 ? '−' : '+') + s;
    },
    rupiah: (n) => (n < 0 ? '−' : '') + currency + NBSP + int(Math.abs(n)),
    rupiahShort(n) {
      const v = Math.abs(n);
      const sign = n < 0 ? '−' : '';
      for (const [i, size] of [1e12, 1e9, 1e6].entries()) {
        if (v >= size) return sign + currency + NBSP + trimZeros(decimal(v / size, 2)) + NBSP + scales[i];
      }
      return sign + currency + NBSP + int(Math.trunc(v));
    },
    measure(v, unit, places) {
      const n = decimal(v, places);
      if (!unit) return n;
      return unit === '%' ? n + pct + '%' : n + NBSP + unit;
    },
  };
}

// indonesian: 1.234.567; 97,85 %; Rp 34,55 miliar; the site's default.
const indonesian = style({ groupSep: '.', point: ',', currency: 'Rp', pct: NBSP, scales: ['triliun', 'miliar', 'juta'] });

// english: 1,234,567; 97.85%; IDR 34.55 billion.
const english = style({ groupSep: ',', point: '.', currency: 'IDR', pct: '', scales: ['trillion', 'billion', 'million'] });

// The Indonesian functions by name, for callers that need no other language.
export const { int, percent, number, signed, rupiah, rupiahShort, measure } = indonesian;

// numbers returns the number functions of a language: English for "en"
// (and "en-…"), Indonesian, the site's default, for any other.
export function numbers(lang) {
  return /^en(-|$)/i.test(lang || '') ? english : indonesian;
}

// formatter returns the format a chart option names with "@fmt:<name>", in
// language lang (default Indonesian):
//   num:<decimals>:<unit>  measure (the series chart: axis, labels, tooltip)
//   pct:<decimals>         percent
//   int                    whole numbers
//   miliar                 rupiah shown in billions (miliar) on an axis named so
//   rupiah                 exact rupiah (tooltips)
// A missing value (ECharts' "-", a year without a figure) is a dash, as in
// the tables: never "– %".
export function formatter(name, lang) {
  const f = numbers(lang);
  const [kind, d, ...rest] = name.split(':');
  const known = (g) => (v) => (typeof v === 'number' && Number.isFinite(v) ? g(v) : '–');
  switch (kind) {
    case 'num': return known((v) => f.measure(v, rest.join(':'), Number(d)));
    case 'pct': return known((v) => f.percent(v, Number(d)));
    case 'int': return known((v) => f.int(v));
    case 'miliar': return known((v) => f.number(v / 1e9));
    case 'rupiah': return known((v) => f.rupiah(v));
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
// by its formatting function in language lang (default Indonesian). An
// unknown name is an error.
export function withFormatters(node, lang) {
  if (Array.isArray(node)) return node.map((n) => withFormatters(n, lang));
  if (node && typeof node === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'string' && v.startsWith('@fmt:')) {
        const f = formatter(v.slice(5), lang);
        if (!f) throw new Error('unknown formatter ' + v);
        // a tooltip's row of a point with several values ([x, y]) has no
        // one value of its own: its values follow on rows of their own
        out[k] = (p) => (Array.isArray(p) ? '' : f(valueOf(p)));
      } else {
        out[k] = withFormatters(v, lang);
      }
    }
    return out;
  }
  return node;
}
