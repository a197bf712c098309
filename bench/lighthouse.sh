#!/usr/bin/env bash
# Lighthouse (npm, pinned 12.2.3) in mobile mode on every page type of the
# seed site, in Debian's Chromium. Prints the four scores, LCP, TBT and the
# bytes transferred (the median of RUNS runs, default 3, with the range).
# A benchmark, not a test: it asserts nothing. Pages given as arguments
# (paths below the site, e.g. cari/?q=permakanan) are measured instead.
# Aim: 100 in all four categories everywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
# npm ci only when Lighthouse is missing: npm ci empties node_modules first,
# which would break a build running beside this script.
[ -x node_modules/.bin/lighthouse ] || npm ci --no-audit --no-fund >/dev/null
port=${PORT:-18731}
out=$(mktemp -d)
# The published site, as a static host serves it (not `serve`, whose
# development server adds its live-reload script).
go run ./generator build -out "$out/site" -baseurl "http://127.0.0.1:$port/" >"$out/build.log"
node - "$out/site" "$port" >"$out/serve.log" 2>&1 <<'JS' &
// gzip as every static host does (GitHub Pages, Netlify, GitLab Pages)
const http = require('http'), fs = require('fs'), path = require('path'), zlib = require('zlib');
const [root, port] = process.argv.slice(2);
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.png': 'image/png', '.xml': 'application/xml' };
http.createServer((req, res) => {
  let p = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!p.startsWith(root)) { res.writeHead(403); return res.end(); }
  if (fs.existsSync(p) && fs.statSync(p).isDirectory()) p = path.join(p, 'index.html');
  fs.readFile(p, (err, body) => {
    if (err) { res.writeHead(404); return res.end('not found'); }
    const headers = { 'Content-Type': types[path.extname(p)] || 'application/octet-stream' };
    if (/gzip/.test(req.headers['accept-encoding'] || '') && !/\.(png|wasm|pagefind|pf_\w+)$/.test(p)) {
      headers['Content-Encoding'] = 'gzip';
      body = zlib.gzipSync(body);
    }
    res.writeHead(200, headers);
    res.end(body);
  });
}).listen(port, '127.0.0.1', () => console.log('Menyajikan'));
JS
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 1 120); do grep -q "Menyajikan" "$out/serve.log" && break; sleep 0.5; done
r=dinas-sosial-sidoarjo/2021
pages=("" "glosarium/" "$r/" "$r/profil/" "$r/rencana/" "$r/capaian/" "$r/program/" "$r/program/penunjang/"
       "$r/program/penunjang/administrasi-umum/kunjungan-tamu/" "$r/anggaran/" "$r/efisiensi/" "$r/analisis/"
       "$r/catatan-data/" "$r/metodologi/" "$r/data-terbuka/" "$r/ringkasan-dprd/" "cari/?q=permakanan")
# bench/lighthouse.sh cari/?q=permakanan glosarium/   measures only these pages
[ $# -eq 0 ] || pages=("$@")
# RUNS runs of each page (default 3): on a small shared machine one page's
# performance score moves by up to 20 points between runs, so the table
# gives the median and the range.
runs=${RUNS:-3}
for p in "${pages[@]}"; do
  name=$(echo "${p:-beranda}" | tr '/' '_')
  for i in $(seq 1 "$runs"); do
    CHROME_PATH=${CHROMIUM:-/usr/bin/chromium} node_modules/.bin/lighthouse "http://127.0.0.1:$port/$p" \
      --quiet --output=json --output-path="$out/$name.$i.json" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
      || echo "lighthouse failed on /$p" >&2
  done
done
node - "$out" "$runs" "${pages[@]}" <<'JS'
const fs = require('fs');
const [dir, runs, ...pages] = process.argv.slice(2);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
// one figure: the median, and the range when the runs differ
const fig = (xs) => { if (!xs.length) return 'gagal'; const m = median(xs), lo = Math.min(...xs), hi = Math.max(...xs);
  return lo === hi ? String(m) : `${m} (${lo}–${hi})`; };
const rows = [['halaman', 'perf', 'a11y', 'praktik', 'SEO', 'LCP ms', 'TBT ms', 'byte']];
for (const p of pages) {
  const name = (p || 'beranda').replaceAll('/', '_');
  const reports = [];
  for (let i = 1; i <= Number(runs); i++) {
    try { reports.push(JSON.parse(fs.readFileSync(`${dir}/${name}.${i}.json`, 'utf8'))); } catch { /* counted as missing */ }
  }
  const cat = (k) => reports.filter((r) => r.categories[k]).map((r) => Math.round(r.categories[k].score * 100));
  const aud = (k) => reports.map((r) => Math.round(r.audits[k].numericValue));
  rows.push(['/' + p, fig(cat('performance')), fig(cat('accessibility')), fig(cat('best-practices')), fig(cat('seo')),
    fig(aud('largest-contentful-paint')), fig(aud('total-blocking-time')), fig(aud('total-byte-weight'))]);
}
console.log(`median of ${runs} runs per page (range in brackets when the runs differ)`);
const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
for (const r of rows) console.log(r.map((x, i) => String(x ?? '').padEnd(w[i])).join('  '));
JS
# LIGHTHOUSE_DIR=/tmp/lh bench/lighthouse.sh keeps Lighthouse's reports
# (JSON, one per page and run) there, to read what cost the points
if [ -n "${LIGHTHOUSE_DIR:-}" ]; then mkdir -p "$LIGHTHOUSE_DIR" && cp "$out"/*.json "$LIGHTHOUSE_DIR"/; fi
