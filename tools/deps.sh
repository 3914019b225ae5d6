#!/bin/sh
# deps.sh PACKAGE...: install the Debian packages that are missing.
# The tests of Chinese messages need the zh_CN.UTF-8 locale (root only:
# elsewhere they fall back to LANGUAGE under C.UTF-8).
zh_locale() {
	if [ "$(id -u)" = 0 ] && command -v locale-gen >/dev/null 2>&1 &&
		! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\{0,1\}8$'; then
		sed -i 's/^# *\(zh_CN\.UTF-8 UTF-8\)/\1/' /etc/locale.gen 2>/dev/null
		grep -q '^zh_CN\.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null ||
			echo 'zh_CN.UTF-8 UTF-8' >> /etc/locale.gen
		locale-gen >/dev/null 2>&1 || echo "zhili: locale-gen zh_CN.UTF-8 failed" >&2
	fi
	return 0
}
missing=
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && zh_locale && exit 0
echo "zhili: installing Debian packages:$missing" >&2
if [ "$(id -u)" = 0 ]; then
	SUDO=
elif command -v sudo >/dev/null 2>&1; then
	SUDO=sudo
else
	echo "zhili: run as root: apt-get install$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null || exit 1
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null || exit 1
zh_locale
