#!/bin/sh
# StreetDesk's launcher in the UOS app-store package (scripts/uos-deb.mjs; docs/electron.md, "The UOS app store").
# Chromium sandboxes its processes with user namespaces where the kernel lets an ordinary user create them, else
# with the setuid helper chrome-sandbox — which must be owned by root with mode 4755, and only a maintainer script
# could make it so; the store allows none. Without either, Chromium refuses to start ("No usable sandbox!").
# So: the sandbox wherever either works, and --no-sandbox only where neither can, said on stderr and in the log.
files=$(dirname "$(dirname "$(readlink -f "$0")")")
helper="$files/chrome-sandbox"
if unshare --user --map-root-user true 2>/dev/null; then
  exec "$files/streetdesk" "$@"
fi
if [ -u "$helper" ] && [ "$(stat -c %u "$helper")" = 0 ]; then
  exec "$files/streetdesk" "$@"
fi
echo "StreetDesk: 本机内核不允许普通用户创建 user namespace，$helper 也不是 root 所有的 setuid 程序：不带 Chromium 沙箱启动" >&2
exec "$files/streetdesk" --no-sandbox "$@"
