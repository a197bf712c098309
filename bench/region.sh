#!/usr/bin/env bash
# Benchmark for a whole region on one site: bench/region.sh N generates N
# varied reports from the seed (agencies of five yearly reports each, one
# figure changed per report so that every chart differs) into a temporary
# project — never into data/ —, builds it once cold and once warm, and
# prints wall time, peak memory, pages and the split of the build (data,
# charts, Hugo, Pagefind), in total and per report. It asserts nothing.
#   bench/region.sh 50
set -euo pipefail
n="${1:-50}"
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
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
run() {
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$tmp/generator-bin" build -root "$tmp" -out "$tmp/public" >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
  read -r wall kb <"$tmp/time"
  pages=$(find "$tmp/public" -name '*.html' | wc -l)
  split=$(grep -o '(data .*)' "$tmp/log")
  echo "$1: $n laporan, $pages halaman HTML; waktu $wall s, memori puncak $((kb / 1024)) MB; $split"
  awk -v w="$wall" -v n="$n" 'BEGIN { printf "    per laporan: %.3f s\n", w / n }'
}
run "dingin (tanpa cache grafik)"
run "hangat (cache grafik terisi)"
