#!/bin/sh
# Creates this installation's AppCDS archive, lib/app/emcc-console.jsa, which the launcher names
# with -XX:SharedArchiveFile: the classes of a training run, pre-parsed, on top of the runtime's
# base archive, so the console and the commands start faster. The .deb's postinst runs it; after
# unpacking or moving the app image, run it once by hand. An archive holds the paths and dates of
# the jar it was made from: when those change the JVM ignores it (a warning on stderr) until this
# runs again. If training fails, the link to the runtime's base archive is put back, so the JVM
# still shares the JDK's classes.
set -eu
app_dir=$(cd "$(dirname "$0")" && pwd -P)
launcher=$app_dir/../../bin/emcc-console
base=$(cd "$app_dir/../runtime/lib/server" && pwd -P)/classes.jsa
archive=$app_dir/emcc-console.jsa
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# The launcher's own -XX:SharedArchiveFile is overridden (_JAVA_OPTIONS comes last): the base archive
# is the bottom layer, the new file the top one. Home and JavaFX's native-library cache go to the
# temporary folder so that a run as root from dpkg leaves nothing in root's home.
# train "EXTRA JVM OPTIONS" [ARGS...]
train() {
  extra=$1
  shift
  rm -f "$work/top.jsa"
  HOME=$work _JAVA_OPTIONS="-XX:SharedArchiveFile=$base -XX:ArchiveClassesAtExit=$work/top.jsa -Duser.home=$work -Djavafx.cachedir=$work/javafx $extra" \
    "$launcher" "$@" >>"$work/training.log" 2>&1 && [ -s "$work/top.jsa" ]
}

# One run makes one archive: the console's own start, on headless Monocle (no display at install
# time), through the opening window, the shell and the demo store until the workspace is loaded
# (emcc.startupProbe=loaded then exits). GTK's own glass classes are not in it. Where that fails,
# a command-line lookup.
console_start="-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true -Demcc.startupProbe=loaded"
if train "$console_start" || train "" errors 37; then
  chmod 644 "$work/top.jsa"
  mv -f "$work/top.jsa" "$archive"
  echo "emcc-console: AppCDS archive $archive ($(du -k "$archive" | cut -f1) KB)"
else
  ln -sfn ../runtime/lib/server/classes.jsa "$archive"
  echo "emcc-console: no AppCDS archive, the training run failed (start-up will be slower):" >&2
  tail -n 5 "$work/training.log" >&2
  exit 1
fi
