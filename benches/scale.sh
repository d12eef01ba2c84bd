#!/usr/bin/env bash
# Prints the command-line rows of issue #18's scale table as Markdown, for each size
# given (default 100000 experts; the synthetic mix of explor-synth, needs = experts/10
# up to 20,000, the size of the largest national platform's mission list):
#
#   import            `explor import` of the generated JSON Lines (streamed, as users run it)
#   reindex           `explor reindex`: the search index rebuilt from the store
#   batch             `explor batch` over every open need (all calls), end to end
#   match             one `explor match NEED` process, median over 21 needs
#
# with each command's wall time and peak memory (GNU time), and the machine's cores.
# RAYON_NUM_THREADS, when set, is passed on (the thread-scaling rows).
#
# Run: benches/scale.sh [EXPERTS ...]     e.g. benches/scale.sh 10000 100000
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000)

if ! [ -x /usr/bin/time ]; then
  echo "scale.sh needs GNU time (/usr/bin/time: apt-get install time)" >&2
  exit 1
fi

cargo build --release --locked -q -p explor -p explor-benches --bins
bin=target/release

# Wall seconds and peak MiB of one command, as "S MiB".
measure() {
  local out
  out=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$out" "$@" >/dev/null
  awk '{ printf "%.1f %.0f\n", $1, $2 / 1024 }' "$out"
  rm -f "$out"
}

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); threads: ${RAYON_NUM_THREADS:-all}; $(date +%F)"
echo
echo "| experts | needs | import | import peak | reindex | batch (all needs) | batch peak | one \`explor match\` process (median of 21) |"
echo "|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  needs=$(( n / 10 < 20000 ? n / 10 : 20000 ))
  "$bin/explor-synth" --experts "$n" --needs "$needs" --out "$tmp/data" --format jsonl >/dev/null
  export EXPLOR_WORKSPACE="$tmp/ws"
  "$bin/explor" init >/dev/null
  read -r import_s import_mib < <(measure "$bin/explor" import "$tmp/data")
  read -r reindex_s _ < <(measure "$bin/explor" reindex)
  read -r batch_s batch_mib < <(measure "$bin/explor" batch)
  times=()
  for id in $(grep -o '"id": *"need-[^"]*"' "$tmp/data/needs.jsonl" | head -21 | sed 's/.*"\(need-[^"]*\)"$/\1/'); do
    start=$(date +%s%N)
    "$bin/explor" match "$id" >/dev/null
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  match_ms=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  printf '| %s | %s | %s s | %s MiB | %s s | %s s | %s MiB | %s ms |\n' \
    "$n" "$needs" "$import_s" "$import_mib" "$reindex_s" "$batch_s" "$batch_mib" "$match_ms"
  rm -rf "$tmp"
  trap - EXIT
done
