#!/usr/bin/env bash
# Lighthouse (npm, pinned 12.2.3) in mobile mode on every page type of the
# seed site, in Debian's Chromium. Prints the four scores, LCP, TBT and the
# bytes transferred. A benchmark, not a test: it asserts nothing.
# Aim: 100 in all four categories everywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund >/dev/null
port=${PORT:-18731}
out=$(mktemp -d)
go build -o "$out/generator" ./generator
"$out/generator" serve -addr "127.0.0.1:$port" >"$out/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 1 120); do grep -q "Menyajikan" "$out/serve.log" && break; sleep 0.5; done
r=dinas-sosial-sidoarjo/2021
pages=("" "glosarium/" "$r/" "$r/profil/" "$r/rencana/" "$r/capaian/" "$r/program/" "$r/program/penunjang/"
       "$r/program/penunjang/administrasi-umum/kunjungan-tamu/" "$r/anggaran/" "$r/efisiensi/" "$r/analisis/"
       "$r/catatan-data/" "$r/metodologi/" "$r/data-terbuka/" "$r/ringkasan-dprd/" "cari/")
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
