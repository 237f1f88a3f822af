#!/usr/bin/env bash
# self_contained.sh SOURCE_DIR
# The README and docs/ stand on their own in a clone: no reference to a
# file outside the repository (../shared/DESIGN.md, /work/...) or to the
# issue tracker ("issue 11"), and every docs/NAME.md they name exists.
set -u
cd "$1" || exit 1
status=0
if grep -nE '\.\./shared|DESIGN\.md|/work/' README.md docs/*.md; then
    echo "FAIL: a reference outside the repository (above)"
    status=1
fi
# The project's issue tracker is not in a clone either: say what is meant.
if grep -nE '\<[Ii]ssues? [0-9]+' README.md docs/*.md; then
    echo "FAIL: an issue number (above): a clone has no issues; name the document or say it"
    status=1
fi
for doc in $(grep -ohE 'docs/[A-Za-z0-9_-]+\.md' README.md docs/*.md | sort -u); do
    [ -f "$doc" ] || { echo "FAIL: $doc is named but does not exist"; status=1; }
done
[ $status -eq 0 ] && echo "ok: README.md and docs/ name only files of the repository"
exit $status
