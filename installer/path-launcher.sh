#!/bin/sh
# /usr/bin/emcc-console (installed by the .deb): the console without arguments, the emcc command
# line with a subcommand (emcc-console errors 37). It starts the packaged runtime's java with the
# options of the jpackage launcher (/opt/emcc-console/bin/emcc-console, its lib/app/emcc-console.cfg):
# the same JVM, jar and AppCDS archive, without the launcher's look-up of the package that owns it
# (dpkg -S, about half a second) before the JVM starts. installer/build.sh writes the options in.
app=/opt/emcc-console
exec "$app/lib/runtime/bin/java" @OPTIONS@ \
  -Djpackage.app-path="$app/bin/emcc-console" -cp "$app/lib/app/emcc-console.jar" dev.emcc.app.Main "$@"
