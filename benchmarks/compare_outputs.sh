#!/bin/bash
# Before/after comparison of the seeds' outputs for a refactoring commit (run by hand):
#
#   benchmarks/compare_outputs.sh COMMIT [WORKDIR]
#
# Checks COMMIT^ and COMMIT out side by side (git worktrees under WORKDIR, default
# /tmp/compare-COMMIT), runs `summarize run seeds/` on both (the tests' tiny models, built once
# into /tmp/summarize-tiny; no cache; beam 1) and `summarize digest` on the hand-translated seeds
# (tests/fixtures/seeds_en of this checkout, the same input for both), and diffs every file
# written. Only what changes from run to run is left out: run.json's timings and report.html's
# timings line. The digest writer's signature key (settings.summariser before the American
# spelling, settings.summarizer_signature after) is compared under its new name.
set -euo pipefail
C=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
R=${2:-/tmp/compare-$C}
PY=${PYTHON:-python}
TINY=/tmp/summarize-tiny
[ -d $TINY/marian ] || (cd "$ROOT" && $PY -c "from pathlib import Path; from tests.tiny_models import build_all; build_all(Path('$TINY'))")
rm -rf "$R"; mkdir -p "$R"; cp -r "$ROOT/tests/fixtures/seeds_en" "$R/seeds_en"
for side in before after; do
  rev=$C; [ $side = before ] && rev=$C^
  git -C "$ROOT" worktree add -q --detach "$R/src-$side" "$rev"
  (cd "$R/src-$side" && export PYTHONPATH="$R/src-$side" HF_HUB_OFFLINE=1 &&
   $PY -m summarize run seeds/ --out "$R/$side-run" --no-cache --beams 1 --quiet \
     --model tr=$TINY/marian --model de=$TINY/marian --model it=$TINY/marian \
     --nllb-model $TINY/nllb || echo "run exit $?"
   $PY -m summarize digest "$R/seeds_en" --out "$R/$side-en" --quiet || echo "digest exit $?")
  for k in run en; do
    $PY - "$R/$side-$k/run.json" <<'PY'
import json, sys
path = sys.argv[1]
record = json.load(open(path, encoding="utf-8"))
record.pop("timings", None)
settings = record.get("settings", {})
if "summariser" in settings:
    settings["summarizer_signature"] = settings.pop("summariser")
signature = settings.get("summarizer_signature")
if isinstance(signature, dict) and "summariser" in signature:
    signature["summarizer"] = signature.pop("summariser")
json.dump(record, open(path, "w", encoding="utf-8"), indent=1, sort_keys=True,
          ensure_ascii=False)
PY
    sed -i -e 's#<dt>timings (s)</dt><dd>[^<]*</dd>##' \
        -e 's#<dt>summariser</dt>#<dt>summarizer_signature</dt>#' \
        -e 's#&quot;summariser&quot;#\&quot;summarizer\&quot;#g' "$R/$side-$k/report.html"
  done
  git -C "$ROOT" worktree remove --force "$R/src-$side"
done
status=0
for k in run en; do
  if diff -r -x '.summarize*' "$R/before-$k" "$R/after-$k" > "$R/$k.diff"; then
    echo "$k: identical"
  else
    echo "$k: differs (see $R/$k.diff)"; status=1
  fi
done
exit $status
