#!/usr/bin/env bash
# Fails when a QFuture continuation is given a context object (then(context, f), then(pool, f),
# onCanceled(context, f), onFailed(context, f)) anywhere in the program's code: with Qt 6.4 such a
# continuation crashes when its context is deleted while the future finishes on another thread.
# kube::continueOn (kube/ContinueOn.h, which names the pattern in its comment) is the safe form.
# Reads the sources as text, so a call may span lines; names each file and what it found.
set -euo pipefail
root=${1:?usage: no-then-context.sh SOURCE_DIR}
cd "$root"
pattern='\.(then|onCanceled|onFailed)\(\s*[A-Za-z_&][A-Za-z0-9_:.>&-]*\s*,'
files=$(grep -rlPz "$pattern" --include='*.cpp' --include='*.h' --exclude=ContinueOn.h \
    app kube models ui sim || true)
if [[ -n "$files" ]]; then
    echo "QFuture continuations with a context object (use kube::continueOn):"
    for f in $files; do
        printf '  %s: %s\n' "$f" "$(grep -Pzo "$pattern" "$f" | tr '\0\n' '  ')"
    done
    exit 1
fi
echo "no QFuture continuation with a context object in app, kube, models, ui, sim"
