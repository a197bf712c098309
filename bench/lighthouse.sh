#!/usr/bin/env bash
# Lighthouse (npm, pinned 12.2.3) in mobile mode on every page type of the
# seed site, in Debian's Chromium. Prints the four scores, LCP, TBT and the
# bytes transferred. A benchmark, not a test: it asserts nothing.
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
for p in "${pages[@]}"; do
  name=$(echo "${p:-beranda}" | tr '/' '_')
  CHROME_PATH=${CHROMIUM:-/usr/bin/chromium} node_modules/.bin/lighthouse "http://127.0.0.1:$port/$p" \
    --quiet --output=json --output-path="$out/$name.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
    || echo "lighthouse failed on /$p" >&2
done
node - "$out" "${pages[@]}" <<'JS'
const fs = require('fs');
const [dir, ...pages] = process.argv.slice(2);
const rows = [['halaman', 'perf', 'a11y', 'praktik', 'SEO', 'LCP ms', 'TBT ms', 'byte']];
for (const p of pages) {
  const name = (p || 'beranda').replaceAll('/', '_');
  let r;
  try { r = JSON.parse(fs.readFileSync(`${dir}/${name}.json`, 'utf8')); } catch { rows.push(['/' + p, 'gagal']); continue; }
  const c = r.categories, a = r.audits;
  const s = (k) => c[k] ? Math.round(c[k].score * 100) : '–';
  rows.push(['/' + p, s('performance'), s('accessibility'), s('best-practices'), s('seo'),
    Math.round(a['largest-contentful-paint'].numericValue), Math.round(a['total-blocking-time'].numericValue),
    a['total-byte-weight'].numericValue]);
}
const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
for (const r of rows) console.log(r.map((x, i) => String(x ?? '').padEnd(w[i])).join('  '));
JS
