#!/usr/bin/env bash
# The README's two commands, run the way a new user runs them: on a fresh Debian 12 (minbase) root,
# as root, with nothing installed but what the project's own scripts install.
#
#   scripts/fresh-check.sh [--worktree] [--keep]
#
#   1. root     a fresh `debootstrap --variant=minbase bookworm` root (the bare root is cached in
#               /var/cache/faultboard/fresh-root as a tarball keyed by the day; the packages
#               installed into it never are), /proc and /dev mounted, a clean clone of HEAD in
#               /src/faultboard (--worktree: the working tree as it is, uncommitted changes too)
#   2. tests    ./scripts/test.sh inside the root: it installs the packages, builds (Release), and
#               runs every test; it prints its own phase times (packages, build, tests)
#   3. demo     ./scripts/demo.sh inside the root, offscreen: the window must show the demo
#               cluster's nodes and stay up for 10 s, then it is stopped
#   4. package  the .deb CPack builds, installed with apt-get, started, and checked by
#               appstreamcli, desktop-file-validate and lintian
#
# Every phase's time is printed at the end. The root is unmounted and removed afterwards, also when
# a phase fails (--keep leaves it for a look, still unmounted). It fails, saying why, when it cannot
# make or enter the root: a check that proved nothing must not pass.
#
# Control-plane binaries built by scripts/realcluster.sh are cached outside any root, in
# /var/cache/faultboard, which is bind-mounted into the root so that they are built once per
# machine. Extra kubectl versions on the host (kubectl.1.NN beside the kubectl on PATH) are copied
# into the root for the per-version kubectl suite, and the script says so.
set -euo pipefail

script=$(readlink -f "${BASH_SOURCE[0]}")
repo=$(cd "$(dirname "$script")/.." && pwd)

# ---------------------------------------------------------------------------------------------
# Inside the root: the demo and package phases (called by the outer script through chroot).

# The pids of the processes called NAME whose parent is PID.
children_named() {
    local p
    for p in /proc/[0-9]*; do
        [[ "$(cat "$p/comm" 2>/dev/null)" == "$1" ]] || continue
        [[ "$(awk '$1 == "PPid:" { print $2 }' "$p/status" 2>/dev/null)" == "$2" ]] && echo "${p#/proc/}"
    done
    return 0
}

# Runs a window command offscreen until it logs that the cluster's nodes are shown, keeps it up
# 10 s more, stops it, and checks that it took its demo cluster down with it.
check_window() {
    local log
    log=$(mktemp)
    QT_QPA_PLATFORM=offscreen "$@" >"$log" 2>&1 &
    local pid=$! start=$SECONDS line=""
    while :; do
        line=$(grep -m1 -E 'nodes synced' "$log" || true)
        [[ -n "$line" ]] && break
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "the window exited before it showed any node:" >&2
            cat "$log" >&2
            return 1
        fi
        if ((SECONDS - start > 180)); then
            echo "the window showed no node within 180 s:" >&2
            cat "$log" >&2
            kill "$pid"
            return 1
        fi
        sleep 0.5
    done
    echo "  $line"
    local count
    count=$(sed -nE 's/.* ([0-9]+) nodes synced, ([0-9]+) shown.*/\1 \2/p' <<<"$line")
    if [[ -z "$count" || "${count% *}" == 0 || "${count% *}" != "${count#* }" ]]; then
        echo "the window does not show the cluster's nodes: $line" >&2
        kill "$pid"
        return 1
    fi
    sleep 10
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "the window did not stay up for 10 s:" >&2
        cat "$log" >&2
        return 1
    fi
    echo "  up for $((SECONDS - start)) s with ${count% *} nodes shown; stopping it"
    local children
    children=$(children_named kubesim "$pid")
    kill -TERM "$pid"
    wait "$pid" 2>/dev/null || true
    local c waited=0
    for c in $children; do
        while kill -0 "$c" 2>/dev/null && ((waited < 50)); do
            sleep 0.1
            waited=$((waited + 1))
        done
        if kill -0 "$c" 2>/dev/null; then
            echo "the demo cluster (kubesim, pid $c) outlived the window" >&2
            return 1
        fi
    done
    [[ -n "$children" ]] && echo "  its demo cluster (kubesim) stopped with it"
    rm -f "$log"
}

inside_demo() {
    cd /src/faultboard
    check_window ./scripts/demo.sh
}

inside_package() {
    cd /src/faultboard
    ./scripts/deps.sh package
    local build=${FAULTBOARD_BUILD_DIR:-/src/faultboard/build} out=/tmp/faultboard-package
    rm -rf "$out"
    cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >/dev/null
    local deb
    deb=$(ls "$out"/faultboard_*.deb)
    echo "  built $(basename "$deb") ($(du -h "$deb" | cut -f1))"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
    echo "  installed: $(dpkg-query -W -f='${Package} ${Version}, ${Installed-Size} KiB' faultboard)"
    local version
    version=$(faultboard --version)
    echo "  faultboard --version: $version"
    [[ "$version" == "faultboard "* ]]
    check_window faultboard --demo
    appstreamcli validate --no-net /usr/share/metainfo/io.faultboard.Faultboard.metainfo.xml
    desktop-file-validate /usr/share/applications/io.faultboard.Faultboard.desktop
    echo "  desktop-file-validate: no errors"
    # Root may run lintian on a local .deb; --fail-on error: warnings are printed, errors fail.
    lintian --allow-root --fail-on error --tag-display-limit 0 "$deb"
    echo "  lintian: no errors"
}

# The whole run is one function, read in full before it starts: editing this file while a check
# runs cannot change what the running check does.
main() {
if [[ "${1:-}" == "--inside" ]]; then
    case "${2:-}" in
    demo) inside_demo ;;
    package) inside_package ;;
    *) echo "fresh-check: --inside demo|package" >&2; exit 2 ;;
    esac
    return 0
fi

# ---------------------------------------------------------------------------------------------
# Outside: make the root, run the phases in it, clean up.

worktree=0 keep=0
for arg in "$@"; do
    case "$arg" in
    --worktree) worktree=1 ;;
    --keep) keep=1 ;;
    -h | --help) sed -n '2,27p' "$script" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fresh-check: unknown argument '$arg' (--worktree, --keep)" >&2; exit 2 ;;
    esac
done

die() { echo "fresh-check: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || die "must run as root: debootstrap, mount and chroot need it"
for tool in debootstrap chroot mount umount tar git; do
    if ! command -v "$tool" >/dev/null; then
        [[ "$tool" == debootstrap ]] || die "'$tool' is missing on this machine"
        "$repo/scripts/deps.sh" fresh-root
    fi
done

declare -A phase_seconds=()
phase_order=()
phase_start=0
begin_phase() { phase_start=$SECONDS; phase_order+=("$1"); echo "== fresh-check: $1"; }
end_phase() { phase_seconds[$1]=$((SECONDS - phase_start)); }

source "$repo/scripts/debian-sources.sh"

sources=$(debian_sources)
mirror=$(awk '$2 == "bookworm" { print $1; exit }' <<<"$sources")
[[ -n "$mirror" ]] || die "this machine's apt sources name no Debian bookworm archive to debootstrap from"

work=$(mktemp -d /var/tmp/faultboard-fresh.XXXXXX)
root="$work/root"
mounted=()

cleanup() {
    local rc=$?
    set +e
    if [[ -d "$root" ]]; then
        # Whatever a phase left running inside the root goes first, then the mounts, deepest first.
        local p
        for p in /proc/[0-9]*; do
            [[ "$(readlink "$p/root" 2>/dev/null)" == "$root" ]] && kill -KILL "${p#/proc/}" 2>/dev/null
        done
        local i
        for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
            umount -R "${mounted[i]}" 2>/dev/null || umount -R -l "${mounted[i]}"
        done
        if grep -q " $root" /proc/mounts; then
            echo "fresh-check: $root is still mounted; not removing it" >&2
            rc=1
        elif ((keep)); then
            echo "fresh-check: the root is kept in $root"
        else
            rm -rf --one-file-system "$work"
        fi
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# -- 1. root ----------------------------------------------------------------------------------
begin_phase root
cache=/var/cache/faultboard/fresh-root
tarball="$cache/bookworm-minbase-$(date -u +%Y%m%d).tar.gz"
mkdir -p "$cache" "$root"
if [[ -f "$tarball" ]]; then
    echo "  bare root from the cache: $tarball"
    tar -C "$root" -xzf "$tarball" || die "cannot unpack $tarball"
else
    echo "  debootstrap --variant=minbase bookworm from this machine's Debian archive"
    if ! debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1; then
        tail -n 20 "$work/debootstrap.log" >&2
        die "debootstrap failed (full log above: $work/debootstrap.log)"
    fi
    tar -C "$root" -czf "$tarball.part" . && mv "$tarball.part" "$tarball"
    find "$cache" -name 'bookworm-minbase-*.tar.gz' ! -path "$tarball" -delete
fi
# The same Debian suites as the machine (bookworm, its updates and security), nothing else.
rm -f "$root/etc/apt/sources.list" "$root"/etc/apt/sources.list.d/*
while read -r uri suite comps; do
    echo "deb $uri $suite $comps"
done <<<"$sources" >"$root/etc/apt/sources.list"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
# As in any chroot: installing a package starts no service in it (etcd-server's among them); the
# tests start what they need themselves.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"

mount -t proc proc "$root/proc" || die "cannot mount /proc in the root"
mounted+=("$root/proc")
mount --rbind /dev "$root/dev" || die "cannot bind /dev into the root"
mount --make-rslave "$root/dev"
mounted+=("$root/dev")
mkdir -p /var/cache/faultboard "$root/var/cache/faultboard"
mount --bind /var/cache/faultboard "$root/var/cache/faultboard" || die "cannot bind the build cache"
mounted+=("$root/var/cache/faultboard")

mkdir -p "$root/src"
if ((worktree)); then
    echo "  the working tree of $repo, uncommitted changes included"
    mkdir -p "$root/src/faultboard"
    (cd "$repo" && git ls-files -z -c -o --exclude-standard | tar --null -T - -c) |
        tar -x -C "$root/src/faultboard"
else
    echo "  a clean clone of $(git -C "$repo" rev-parse --short HEAD) ($(git -C "$repo" log -1 --format=%s | cut -c1-60))"
    [[ -z "$(git -C "$repo" status --porcelain --untracked-files=no)" ]] ||
        echo "  note: uncommitted changes in $repo are not part of this check (--worktree takes them)"
    git clone --quiet --no-hardlinks "$repo" "$root/src/faultboard"
fi

env_inside=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
    LANG=C.UTF-8 TERM=dumb "CI=${CI:-}" CMAKE_BUILD_TYPE=Release
    # The .deb's maintainer, as Debian's tools take it: here the author of the commit checked.
    "DEBFULLNAME=$(git -C "$repo" log -1 --format=%an)" "DEBEMAIL=$(git -C "$repo" log -1 --format=%ae)")
kubectl_host=$(command -v kubectl || true)
if [[ -n "$kubectl_host" ]]; then
    kubectl_dir=$(dirname "$(readlink -f "$kubectl_host")")
    versions=("$kubectl_dir"/kubectl.1.*)
    if [[ -e "${versions[0]}" ]]; then
        mkdir -p "$root/opt/kubectl-versions"
        cp "${versions[@]}" "$root/opt/kubectl-versions/"
        echo "  copied the host's kubectl versions into the root for the per-version suite:" \
            "$(cd "$kubectl_dir" && echo kubectl.1.* | sed 's/kubectl\.//g') (from $kubectl_dir)"
        env_inside+=(FAULTBOARD_KUBECTL_VERSIONS_DIR=/opt/kubectl-versions)
    fi
fi
chroot "$root" /usr/bin/true || die "cannot enter the root with chroot"
end_phase root

in_root() { chroot "$root" /usr/bin/env -i "${env_inside[@]}" "$@"; }

failed=()
# -- 2. tests (packages, build, tests: test.sh times each) ------------------------------------
begin_phase "tests (packages + build + tests)"
if ! in_root bash -c 'cd /src/faultboard && FAULTBOARD_PHASE_TIMES=/tmp/phase-times ./scripts/test.sh'; then
    failed+=("tests")
fi
end_phase "tests (packages + build + tests)"
test_phases=$(cat "$root/tmp/phase-times" 2>/dev/null || true)
if [[ ! -x "$root/src/faultboard/build/bin/faultboard" ]]; then
    failed+=("build")
else
    # -- 3. demo ------------------------------------------------------------------------------
    begin_phase demo
    in_root /src/faultboard/scripts/fresh-check.sh --inside demo || failed+=("demo")
    end_phase demo
    # -- 4. package ---------------------------------------------------------------------------
    begin_phase package
    in_root /src/faultboard/scripts/fresh-check.sh --inside package || failed+=("package")
    end_phase package
fi

echo "== fresh-check: where the time went"
total=0
for p in "${phase_order[@]}"; do
    printf '  %-34s %5d s\n' "$p" "${phase_seconds[$p]:-0}"
    total=$((total + ${phase_seconds[$p]:-0}))
    if [[ "$p" == tests* && -n "$test_phases" ]]; then
        sed 's/^/    /' <<<"$test_phases"
    fi
done
printf '  %-34s %5d s\n' total "$total"
if ((${#failed[@]})); then
    echo "fresh-check: FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "fresh-check: passed"
}

main "$@"
exit $?
