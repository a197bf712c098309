#!/usr/bin/env bash
# Benchmark for a whole region on one site: bench/region.sh N generates N
# varied reports from the seed (agencies of five yearly reports each, one
# figure changed per report so that every chart differs) into a temporary
# project — never into data/ —, builds it cold, warm (everything built
# again, -nocache), warm with nothing changed (the previous output reused)
# and warm with one figure of one report changed, and prints wall time,
# peak memory, pages and the split of the build (data, charts, Hugo,
# Pagefind), in total and per report. It asserts nothing.
#   bench/region.sh 50
#   bench/region.sh -m 50      # also Hugo's template metrics of the warm build
#                              # (LAKIP_HUGO_METRICS=nohints: --templateMetrics),
#                              # the 25 costliest
#   bench/region.sh -mh 50     # the same with --templateMetricsHints (cache
#                              # potential); the hints hash every partial's
#                              # input and output, which inflates each
#                              # template's time 10-40 times
#   REGION_DIR=/tmp/r50 bench/region.sh 50   # keep the generated project
#   bench/region.sh 200 -bagian 50   # options after N go to build (here: in
#                              # parts of 50 reports, one Hugo process each)
# Peak memory is given twice: the largest single process (GNU time's
# maximum resident set) and the whole process tree at once (the generator,
# a part's Hugo, Node rendering charts, Pagefind), sampled every second.
set -euo pipefail
metrics=""
case "${1:-}" in
  -m) metrics=nohints; shift ;;
  -mh) metrics=1; shift ;;
esac
n="${1:-50}"
shift || true
buildargs=("$@")
root="$(cd "$(dirname "$0")/.." && pwd)"
# REGION_DIR=/tmp/r50 keeps the generated project there (to profile it)
if [ -n "${REGION_DIR:-}" ]; then
  tmp="$REGION_DIR"; rm -rf "$tmp"; mkdir -p "$tmp"
else
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
fi
for f in config.toml content layouts assets i18n static package.json package-lock.json; do
  cp -r "$root/$f" "$tmp/"
done
[ -d "$root/node_modules" ] || (cd "$root" && npm ci --no-audit --no-fund --omit=dev >/dev/null)
ln -s "$root/node_modules" "$tmp/node_modules"
seed="$root/data/dinas-sosial-sidoarjo"
mkdir -p "$tmp/data"
for ((i = 0; i < n; i++)); do
  agency="dinas-uji-$((i / 5 + 1))"
  year=$((2017 + i % 5))
  dir="$tmp/data/$agency/$year"
  mkdir -p "$dir"
  [ -f "$tmp/data/$agency/instansi.toml" ] || sed "s/^nama = .*/nama = \"Dinas Uji $((i / 5 + 1))\"/" "$seed/instansi.toml" >"$tmp/data/$agency/instansi.toml"
  cp -r "$seed/2021/." "$dir/"
  sed -i "s/^tahun = 2021$/tahun = $year/" "$dir/laporan.toml"
  # one figure per report: the headline's realisation and its series value
  v="2,$(printf '%02d' $((10 + i % 89)))%"
  sed -i "0,/realisasi = \"2,38%\"/s//realisasi = \"$v\"/; s/nilai = \"2,38%\"/nilai = \"$v\"/" "$dir/capaian.toml"
done
(cd "$root" && go build -o "$tmp/generator-bin" ./generator)
# seconds of a Go duration as the build prints it (1m2.5s, 1.2s, 340ms, 0s)
secs() {
  awk -v d="$1" 'BEGIN {
    s = 0
    if (match(d, /[0-9.]+m[0-9]/)) { s += substr(d, RSTART, RLENGTH - 2) * 60; d = substr(d, RSTART + RLENGTH - 1) }
    if (d ~ /ms$/) s += d / 1000; else if (d ~ /µs$/) s += d / 1e6; else if (d ~ /s$/) s += d + 0
    printf "%.3f", s
  }'
}
run() {
  local env=()
  [ -n "$2" ] && env=(LAKIP_HUGO_METRICS="$2")
  env "${env[@]}" /usr/bin/time -f '%e %M' -o "$tmp/time" "$tmp/generator-bin" build -root "$tmp" -out "$tmp/public" "${buildargs[@]}" ${3:-} >"$tmp/log" 2>&1 &
  local pid=$! peak=0 kbs
  # the summed resident memory of every process below this run, each second
  while kill -0 "$pid" 2>/dev/null; do
    kbs=$(ps -eo pid=,ppid=,rss= | awk -v root="$pid" '{ parent[$1] = $2; rss[$1] = $3 }
      END { for (p in parent) { q = p; while (q in parent && q != root && q > 1) q = parent[q]; if (q == root) sum += rss[p] } print sum + 0 }')
    [ "$kbs" -gt "$peak" ] && peak=$kbs
    sleep 1
  done
  wait "$pid" || { cat "$tmp/log"; exit 1; }
  read -r wall kb <"$tmp/time"
  pages=$(find "$tmp/public" -name '*.html' | wc -l)
  split=$(grep -o '(data .*)' "$tmp/log")
  echo "$1: $n laporan, $pages halaman HTML; waktu $wall s, memori puncak $((kb / 1024)) MB satu proses, $((peak / 1024)) MB semua proses; $split"
  read -r d c h p < <(echo "$split" | sed -E 's/^\(data ([^,]+), grafik ([^,]+), Hugo ([^,]+), Pagefind ([^)]+)\)$/\1 \2 \3 \4/')
  awk -v w="$wall" -v n="$n" -v d="$(secs "$d")" -v c="$(secs "$c")" -v h="$(secs "$h")" -v p="$(secs "$p")" \
    'BEGIN { printf "    per laporan: %.3f s (data %.3f, grafik %.3f, Hugo %.3f, Pagefind %.3f s)\n", w / n, d / n, c / n, h / n, p / n }'
  if [ -n "$2" ]; then
    echo "    metrik templat Hugo (rata-rata per eksekusi; 25 termahal):"
    sed -n '/cumulative/,/^$/p' "$tmp/log" | head -27 | sed 's/^/    /'
  fi
}
run "dingin (tanpa cache grafik)" ""
# Hugo and Pagefind run again (-nocache) with the charts from their cache
run "hangat, semua dibangun ulang (-nocache)" "$metrics" -nocache
# nothing changed: the previous build's Hugo and Pagefind output is reused
run "hangat, tanpa perubahan" ""
# one figure of the last report changed, as when staff correct a report:
# in parts, only its part (and the shared part, when its pages change)
last="$tmp/data/dinas-uji-$(((n - 1) / 5 + 1))/$((2017 + (n - 1) % 5))/capaian.toml"
sed -i '0,/realisasi = "\([0-9]*\),\([0-9]*\)%"/s//realisasi = "\1,\21%"/' "$last"
run "hangat, satu laporan berubah" ""
