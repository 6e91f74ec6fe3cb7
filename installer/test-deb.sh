#!/usr/bin/env bash
# CI check of the Linux package: builds the .deb with the installer profile, installs it with
# dpkg -i, runs the installed launcher and the emcc-console command by its bare name, checks the AppCDS archive, the desktop entry and the
# runtime, then removes the package and checks that nothing is left (and purges dpkg's record of
# it). Runs as root on Debian.
#   installer/test-deb.sh [--no-build]     (--no-build: test target/installer/*.deb as it is)
# Installs what it needs with apt-get: fakeroot, dpkg-dev, and the package's dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

package=emcc-console
home=/opt/$package
launcher=$home/bin/$package
checks=0
fail() { echo "test-deb: FAILED: $*" >&2; exit 1; }
pass() { checks=$((checks + 1)); echo "test-deb: ok: $*"; }
[ "$(id -u)" = 0 ] || fail "must run as root (dpkg -i)"

apt_updated=no
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$apt_updated" = no ]; then apt-get update -qq; apt_updated=yes; fi
  echo "test-deb: apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

if [ "${1:-}" != --no-build ]; then
  apt_install fakeroot dpkg-dev
  # gzip instead of xz: the same files, built several times faster
  DPKG_DEB_COMPRESSOR_TYPE=gzip mvn -B -q -Pinstaller package -DskipTests
fi
deb=$(ls target/installer/${package}_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no target/installer/${package}_*.deb"

# Leave the machine as it was, whatever happens below.
logs=$(mktemp -d)
purge() { dpkg-query -W "$package" >/dev/null 2>&1 && dpkg --purge "$package" >/dev/null 2>&1 || true; }
trap 'purge; rm -rf "$logs"' EXIT
purge

# The package's Depends (libgtk-3-0, xdg-utils, the JDK's native libraries), then the package.
mapfile -t depends < <(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed -E 's/\(.*\)//; s/\|.*//; s/[[:space:]]//g' | grep -v '^$')
apt_install "${depends[@]}"
dpkg -i "$deb" >"$logs"/install.log 2>&1 || { cat "$logs"/install.log >&2; fail "dpkg -i $deb"; }
pass "dpkg -i $(basename "$deb")"

[ -x "$launcher" ] || fail "$launcher is missing"
out=$("$launcher" errors 37 --lang en 2>"$logs"/err.log) || fail "errors 37 exited $? ($(cat "$logs"/err.log))"
grep -q 'Error code 37' <<<"$out" && grep -q 'Duplicate device name' <<<"$out" || fail "errors 37 printed: $out"
grep -q '^\[' <<<"$out" && fail "JVM messages in stdout: $out"
pass "$launcher errors 37 --lang en: exit 0, code 37 Duplicate device name"

out=$("$launcher" errors 37 --lang ja) || fail "errors 37 --lang ja exited $?"
grep -q '重複するデバイス名' <<<"$out" || fail "errors 37 --lang ja printed: $out"
pass "errors 37 --lang ja: Japanese text intact"

set +e; "$launcher" errors 99999 >/dev/null 2>&1; code=$?; set -e
[ "$code" = 1 ] || fail "errors 99999 exited $code, not 1 (nothing found)"
"$launcher" --help | grep -q '^Usage: emcc' || fail "--help printed no usage"
pass "exit codes pass through the launcher (1 for no match), --help prints the usage"

# The command on the PATH: /usr/bin/emcc-console, by its bare name, as the README says.
[ "$(command -v "$package")" = "/usr/bin/$package" ] || fail "$package is not on the PATH as /usr/bin/$package"
[ "$(dpkg -S "/usr/bin/$package" 2>/dev/null | cut -d: -f1)" = "$package" ] || fail "/usr/bin/$package not owned by the package"
out=$("$package" errors 37 --lang en 2>"$logs"/err.log) || fail "$package errors 37 exited $? ($(cat "$logs"/err.log))"
grep -q 'Error code 37' <<<"$out" && grep -q 'Duplicate device name' <<<"$out" || fail "$package errors 37 printed: $out"
[ -s "$logs"/err.log ] && fail "$package errors 37 wrote to stderr: $(cat "$logs"/err.log)"
out=$("$package" errors 37 --lang ja) || fail "$package errors 37 --lang ja exited $?"
grep -q '重複するデバイス名' <<<"$out" || fail "$package errors 37 --lang ja printed: $out"
set +e; "$package" errors 99999 >/dev/null 2>&1; code=$?; set -e
[ "$code" = 1 ] || fail "$package errors 99999 exited $code, not 1"
pass "$package errors 37 by its bare name (/usr/bin/$package): English, Japanese, exit codes"

[ -f "$home/lib/app/$package.jsa" ] && [ ! -L "$home/lib/app/$package.jsa" ] || fail "postinst made no AppCDS archive"
for command in "$launcher" "$package"; do
  _JAVA_OPTIONS=-Xlog:class+load=info "$command" errors 37 2>/dev/null | grep -q 'dev.emcc.app.Main source: shared objects file (top)' \
    || fail "$command does not load its classes from the AppCDS archive"
done
pass "AppCDS archive made at install and used: $(du -k "$home/lib/app/$package.jsa" | cut -f1) KB"

# Start time of "errors 37", median of 5, through jpackage's launcher and through /usr/bin (a
# figure for the log, not a check: CI machines differ).
median_ms() {
  local times=() t0 t1
  for _ in 1 2 3 4 5; do
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}
echo "test-deb: errors 37, median of 5: $launcher $(median_ms "$launcher" errors 37) ms," \
  "$package (PATH) $(median_ms "$package" errors 37) ms"

grep -q '^MODULES=.*jdk.crypto.ec' "$home/lib/runtime/release" || fail "runtime without jdk.crypto.ec"
pass "runtime has jdk.crypto.ec"

# The entry the package carries; xdg-desktop-menu installs it into the menu only where there is a
# desktop (a machine without menu directories skips that, and so does this check).
entry=$home/lib/$package-$package.desktop
grep -q '^Name=EMCC Console' "$entry" && grep -q '^MimeType=application/x-emcc-workspace' "$entry" \
  && grep -q "^Exec=$launcher %f" "$entry" || fail "desktop entry $entry missing or wrong"
grep -q 'pattern="\*\.emcc\.json"' "$home/lib/$package-$package-MimeInfo.xml" || fail "no *.emcc.json MIME type"
desktop=/usr/share/applications/$package-$package.desktop
if [ -e "$desktop" ]; then pass "desktop entry with the *.emcc.json association, in the menu"
else pass "desktop entry with the *.emcc.json association (no menu directory here: not installed in a menu)"; fi

dpkg -r "$package" >"$logs"/remove.log 2>&1 || { cat "$logs"/remove.log >&2; fail "dpkg -r $package"; }
[ ! -e "$home" ] || fail "$home left after dpkg -r: $(find "$home" | head -5)"
[ ! -e "$desktop" ] || fail "$desktop left after dpkg -r"
[ ! -e "/usr/bin/$package" ] || fail "/usr/bin/$package left after dpkg -r"
pass "dpkg -r removes everything, the AppCDS archive too"
dpkg --purge "$package" >/dev/null 2>&1 || fail "dpkg --purge $package"  # and dpkg's record of it

echo "test-deb: all $checks checks passed"
