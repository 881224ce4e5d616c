#!/usr/bin/env bash
# Build every sample under tests/e2e/samples (or those named) and check its
# output:   tests/e2e/samples.sh [NAME...]
#
# Each sample is built with --network=host as dslim-sample/NAME:orig and run
# with --network=none.  sample.toml: `smoke` (optional) is split like a shell
# command line and given as the container's command (ENTRYPOINT kept, no
# shell needed); without it the image's default CMD runs.  The combined
# stdout+stderr must contain `expect`.  Needs the stand-ins (standins.sh).
# NO_CACHE=1 builds with --no-cache (honest build times).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DOCKER=/usr/bin/docker
export DOCKER_BUILDKIT=1
TAG_SUFFIX=${TAG_SUFFIX:-orig}
NO_CACHE=${NO_CACHE:-}
[ "$NO_CACHE" = 1 ] || NO_CACHE=

"$HERE/engine.sh"
LOGDIR=$(mktemp -d /tmp/dslim-samples.XXXXXX)

if [ $# -gt 0 ]; then names=("$@"); else
    names=(); for d in "$HERE"/samples/*/; do names+=("$(basename "$d")"); done
fi

fail=0
printf '%-12s %-6s %8s %10s\n' sample result build_s size_MB
for n in "${names[@]}"; do
    dir="$HERE/samples/$n"; img="dslim-sample/$n:$TAG_SUFFIX"; log="$LOGDIR/$n.log"
    [ -f "$dir/Dockerfile" ] || { echo "no sample $n" >&2; fail=1; continue; }
    # smoke (NUL-separated argv) and expect, read with Python's tomllib
    mapfile -d '' -t smoke < <(python3 -c 'import sys, tomllib, shlex
d = tomllib.load(open(sys.argv[1], "rb"))
for a in shlex.split(d.get("smoke", "")): sys.stdout.write(a + "\0")' "$dir/sample.toml")
    expect=$(python3 -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["expect"])' "$dir/sample.toml")
    t0=$(date +%s%N)
    if ! "$DOCKER" build --network=host --progress=plain ${NO_CACHE:+--no-cache} -t "$img" "$dir" >"$log" 2>&1; then
        printf '%-12s %-6s (log: %s)\n' "$n" BUILD-FAILED "$log"; tail -n 20 "$log" >&2; fail=1; continue
    fi
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    size=$("$DOCKER" image inspect -f '{{.Size}}' "$img")
    out=$("$DOCKER" run --rm --pull=never --network=none "$img" "${smoke[@]}" 2>&1) || true
    if [[ "$out" == *"$expect"* ]]; then res=ok; else res=WRONG; fail=1; fi
    printf '%-12s %-6s %8s %10s\n' "$n" "$res" "$(awk -v m="$ms" 'BEGIN{printf "%.1f", m/1000}')" "$(awk -v s="$size" 'BEGIN{printf "%.1f", s/1e6}')"
    [ "$res" = ok ] || { echo "  expected: $expect" >&2; echo "  got: $out" >&2; }
done
[ $fail != 0 ] || rm -rf "$LOGDIR"
exit $fail
