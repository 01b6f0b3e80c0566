#!/usr/bin/env bash
# Sourced: debian_sources prints this machine's own apt sources for Debian's bookworm suites, one
# "URI SUITE COMPONENTS" line each, from sources.list files and deb822 .sources files alike. The
# fresh root (scripts/fresh-check.sh) and the control plane's source download
# (scripts/realcluster) use the archive the machine is set up with, and name no host of their own.
# Other vendors' sources are left out.

debian_sources() {
    local f
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [[ -f "$f" ]] || continue
        awk '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
                           uri = $i; suite = $(i + 1); comps = ""
                           for (j = i + 2; j <= NF; j++) comps = comps " " $j
                           if (suite ~ /^bookworm(-updates|-security)?$/) print uri, suite comps }' "$f"
    done
    for f in /etc/apt/sources.list.d/*.sources; do
        [[ -f "$f" ]] || continue
        awk 'function flush() { if (types ~ /(^| )deb( |$)/ && uris != "")
                                   for (s = 1; s <= ns; s++)
                                       if (suite[s] ~ /^bookworm(-updates|-security)?$/) print uris, suite[s], comps
                                types = uris = comps = ""; ns = 0 }
             /^[ \t]*$/ { flush(); next }
             /^[ \t]*#/ { next }
             $1 == "Types:" { $1 = ""; types = $0 }
             $1 == "URIs:" { uris = $2 }
             $1 == "Suites:" { ns = 0; for (k = 2; k <= NF; k++) suite[++ns] = $k }
             $1 == "Components:" { $1 = ""; comps = substr($0, 2) }
             END { flush() }' "$f"
    done | awk '!seen[$0]++'
}

