#!/usr/bin/env bash
# Builds the EMCC Console packages from the shaded jar (target/emcc-console.jar):
#   target/installer/runtime                  a Java runtime cut to the modules the app uses (jlink)
#   target/installer/emcc-console/            the app image (jpackage): bin/emcc-console, lib/app, lib/runtime
#   target/installer/emcc-console_V-1_ARCH.deb  on Linux: the app image under /opt/emcc-console, a menu
#                                             entry, the *.emcc.json association, AppCDS made at install
# Maven's installer profile runs it right after the shade step: mvn -B -Pinstaller package
# By hand, after mvn package: installer/build.sh [--version 0.1.0] [--no-deb]
# Needs a full JDK 17 (jlink, jpackage, jmods: Debian openjdk-17-jdk-headless); for the .deb also
# fakeroot and dpkg-dev. DPKG_DEB_COMPRESSOR_TYPE=gzip makes the .deb faster to build (tests);
# EMCC_DEB_MAINTAINER sets the e-mail address of the package's Maintainer field.
set -euo pipefail
cd "$(dirname "$0")/.."

version=0.1.0
deb=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version=$2; shift 2 ;;
    --no-deb) deb=no; shift ;;
    *) echo "build.sh: unknown option $1 (--version X.Y.Z, --no-deb)" >&2; exit 2 ;;
  esac
done
# jpackage takes only digits and dots: 0.1.0-SNAPSHOT -> 0.1.0
version=$(printf '%s' "$version" | sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/')

name=emcc-console
jar=target/$name.jar
out=target/installer
bin=${JAVA_HOME:+$JAVA_HOME/bin/}
[ "$(uname -s)" = Linux ] || { echo "build.sh builds the Linux packages; for .msi and .dmg see docs/install.md" >&2; exit 2; }
[ -f "$jar" ] || { echo "build.sh: $jar is missing: run mvn package first" >&2; exit 2; }

# What the app needs. jdeps finds java.base, java.desktop, java.naming, java.sql, jdk.unsupported
# (and jdk.jfr, only for JavaFX's optional pulse logging to Flight Recorder: left out). Added by hand:
# jdk.crypto.ec (TLS's EC suites: jdeps cannot see a provider), java.net.http and jdk.httpserver
# (sync client, node server), java.management, java.xml, java.logging, jdk.zipfs, jdk.charsets
# (Shift_JIS/EUC-JP/windows-31j for Japanese files), jdk.localedata cut to en and ja (Japanese
# dates and numbers), java.security.jgss and java.rmi (sshj and MINA SSHD ask for them).
# After a new dependency: jdeps --print-module-deps --ignore-missing-deps --multi-release 17 JAR
modules=java.base,java.desktop,java.sql,java.naming,java.net.http,jdk.httpserver,java.management
modules=$modules,jdk.crypto.ec,jdk.unsupported,java.xml,java.logging,jdk.zipfs,jdk.charsets,jdk.localedata
modules=$modules,java.security.jgss,java.rmi

started=$(date +%s)
rm -rf "$out"
mkdir -p "$out/input"

# --generate-cds-archive gives the runtime its own base CDS archive (lib/server/classes.jsa): the
# app's AppCDS archive is layered on it, and it alone makes the JDK's classes start fast.
"${bin}jlink" --add-modules "$modules" --include-locales=en,ja \
  --strip-debug --no-man-pages --no-header-files --generate-cds-archive \
  --output "$out/runtime"
# classes_nocoops.jsa serves only heaps over 32 GB
rm -f "$out/runtime/lib/server/classes_nocoops.jsa"

cp "$jar" installer/create-cds-archive.sh "$out/input/"

# The launcher's JVM options, for jpackage's launcher and /usr/bin/emcc-console alike.
# -XX:SharedArchiveFile names the app's archive; without a usable file there the JVM drops CDS
# altogether, so the app image carries a link to the runtime's base archive until
# create-cds-archive.sh (the .deb's postinst) puts the real one in its place.
# JVM warnings go to stderr, never into a command's output. The heap settings come from a file
# that also sets the console's child JVMs in emcc bench.
launcher_options=('-XX:SharedArchiveFile=$APPDIR/emcc-console.jsa' -Xlog:disable -Xlog:all=warning:stderr)
while IFS= read -r option; do
  case "$option" in ''|'#'*) ;; *) launcher_options+=("$option") ;; esac
done < src/main/resources/dev/emcc/app/launcher-jvm-options.txt
java_options=()
for option in "${launcher_options[@]}"; do java_options+=(--java-options "$option"); done

"${bin}jpackage" --type app-image --dest "$out" --name "$name" --app-version "$version" \
  --input "$out/input" --main-jar "$name.jar" --main-class dev.emcc.app.Main \
  --runtime-image "$out/runtime" --icon icons/png/$name-256.png \
  --description "EMCC Console: administration console for Cisco UCM Extension Mobility Cross Cluster" \
  --vendor "EMCC Console" --copyright "EMCC Console contributors" \
  "${java_options[@]}"
echo "app image: $out/$name ($(du -sh "$out/$name" | cut -f1)) in $(( $(date +%s) - started )) s"

if [ "$deb" = yes ]; then
  deb_started=$(date +%s)
  # built before the link to the base archive is added: jpackage would copy the file it points to
  "${bin}jpackage" --type deb --dest "$out" --app-image "$out/$name" \
    --name "$name" --app-version "$version" --linux-app-release 1 \
    --linux-package-name "$name" --linux-deb-maintainer "${EMCC_DEB_MAINTAINER:-emcc-console@localhost}" \
    --description "EMCC Console: administration console for Cisco UCM Extension Mobility Cross Cluster" \
    --vendor "EMCC Console" --icon icons/png/$name-256.png \
    --linux-shortcut --linux-menu-group "Network;Telephony;" --linux-app-category net \
    --linux-package-deps libgtk-3-0 \
    --file-associations installer/workspace-file.properties \
    --resource-dir installer/linux
  deb_file=$(ls "$out"/${name}_*.deb)

  # /usr/bin/emcc-console, the command on the PATH (installer/path-launcher.sh, with the launcher's
  # options): jpackage puts files only under /opt, so it goes into the package jpackage made,
  # owned by it (dpkg -S knows it, dpkg -r removes it).
  root=$out/deb-root
  rm -rf "$root"
  dpkg-deb -R "$deb_file" "$root"
  path_options="${launcher_options[*]}"
  mkdir -p "$root/usr/bin"
  sed "s|@OPTIONS@|${path_options//\$APPDIR/\$app/lib/app}|" installer/path-launcher.sh > "$root/usr/bin/$name"
  chmod 755 "$root/usr/bin/$name"
  (cd "$root" && md5sum "usr/bin/$name" >> DEBIAN/md5sums)
  size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
  sed -i "s/^Installed-Size: .*/Installed-Size: $size/" "$root/DEBIAN/control"
  dpkg-deb --root-owner-group -b "$root" "$deb_file" >/dev/null
  rm -rf "$root"
  echo "deb: $deb_file ($(du -h "$deb_file" | cut -f1)) in $(( $(date +%s) - deb_started )) s"
fi

ln -s ../runtime/lib/server/classes.jsa "$out/$name/lib/app/$name.jsa"
