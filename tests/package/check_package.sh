#!/bin/bash
# Builds the Debian package from the build tree (CPack) and checks it as Debian's tools do
# (issue 25.1): dpkg-deb --info and --contents, lintian, desktop-file-validate, appstreamcli
# validate, systemd-analyze verify of the unit, man --warnings, and the extracted binary's
# --version and --help. Exits 77 (skipped) when a tool is missing: `make deps` installs them.
#   check_package.sh BUILD_DIR VERSION
set -euo pipefail
build=$1
version=$2

for tool in cpack dpkg-deb dpkg-shlibdeps lintian desktop-file-validate appstreamcli \
    systemd-analyze man; do
    command -v "$tool" >/dev/null || { echo "SKIPPED: $tool is not installed"; exit 77; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAILED: $*"; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) ||
    { cat "$work/cpack.log"; fail "cpack"; }
deb="$work/out/bidtracker_${version}_amd64.deb"
[ -f "$deb" ] || fail "no $deb: $(ls "$work/out")"
echo "== $(basename "$deb"): $(du -h "$deb" | cut -f1)"

info=$(dpkg-deb --info "$deb")
echo "$info" | grep -E '^ (Package|Version|Architecture|Depends|Recommends):'
echo "$info" | grep -qx " Version: $version" || fail "Version is not $version"
echo "$info" | grep -qx " Architecture: amd64" || fail "Architecture"
depends=$(echo "$info" | sed -n 's/^ Depends: //p')
# Found from the binary by dpkg-shlibdeps, and the plugins no tool can see.
for needed in libqt6core6 libqt6widgets6 libqt6httpserver6 libc6 libqt6sql6-sqlite \
    qt6-qpa-plugins; do
    [[ "$depends" == *"$needed"* ]] || fail "Depends lacks $needed: $depends"
done

contents=$(dpkg-deb --contents "$deb" | awk '{print $6}')
for path in ./usr/bin/bidtracker ./usr/share/applications/org.bidtracker.BidTracker.desktop \
    ./usr/share/metainfo/org.bidtracker.BidTracker.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/bidtracker.svg \
    ./usr/share/icons/hicolor/16x16/apps/bidtracker.png \
    ./usr/share/icons/hicolor/48x48/apps/bidtracker.png \
    ./usr/share/icons/hicolor/256x256/apps/bidtracker.png \
    ./usr/share/man/man1/bidtracker.1.gz ./usr/share/doc/bidtracker/copyright \
    ./usr/share/doc/bidtracker/changelog.gz ./usr/lib/systemd/system/bidtracker-server.service; do
    grep -qx "$path" <<<"$contents" || fail "the package lacks $path"
done

echo "== lintian"
lintian --fail-on error,warning --display-info "$deb" | tee "$work/lintian.log" ||
    fail "lintian reports errors or warnings"

root="$work/root"
dpkg-deb -x "$deb" "$root"
echo "== desktop-file-validate"
desktop-file-validate "$root"/usr/share/applications/*.desktop || fail "desktop-file-validate"
echo "== appstreamcli validate"
appstreamcli validate --no-net "$root"/usr/share/metainfo/*.xml || fail "appstreamcli validate"
echo "== man --warnings"
warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l \
    "$root/usr/share/man/man1/bidtracker.1.gz" 2>&1 >/dev/null)
[ -z "$warnings" ] || fail "man --warnings: $warnings"
echo "== systemd-analyze verify"
# The unit as installed: its ExecStart and its manual page found in the extracted package.
unit="$work/bidtracker-server.service"
sed "s|/usr/bin/bidtracker|$root/usr/bin/bidtracker|" \
    "$root/usr/lib/systemd/system/bidtracker-server.service" >"$unit"
verify=$(MANPATH="$root/usr/share/man" SYSTEMD_LOG_LEVEL=notice \
    systemd-analyze verify "$unit" 2>&1) || fail "systemd-analyze verify: $verify"
[ -z "$verify" ] || fail "systemd-analyze verify: $verify"

echo "== the extracted binary"
out=$("$root/usr/bin/bidtracker" --version)
echo "$out"
[[ "$out" =~ ^bidtracker\ $version\ \(Qt\ 6\.[0-9]+\.[0-9]+\)$ ]] || fail "--version: $out"
help=$("$root/usr/bin/bidtracker" --help)
for word in --headless backup restore --version; do
    [[ "$help" == *"$word"* ]] || fail "--help lacks $word"
done
echo "package checks passed"
