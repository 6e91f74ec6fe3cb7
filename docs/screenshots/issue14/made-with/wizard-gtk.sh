#!/bin/bash
# wizard-gtk.sh JAR export|import LANG THEME OUT.png : the wizard's first page in a real GTK window under Xvfb
jar=$1; out=$5
d=${DISP:-87}
export HOME=$(mktemp -d)
Xvfb :$d -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
sleep 1
export DISPLAY=:$d
java -Dprism.order=sw -cp "$jar" "$(dirname "$0")/WizardShot.java" gtk "$2" "$3" "$4" "$out" > /tmp/wgtk$d.out 2>&1 &
jpid=$!
for i in $(seq 1 120); do grep -q READY /tmp/wgtk$d.out && break; sleep 1; done
sleep 1
size=$(grep READY /tmp/wgtk$d.out | awk '{print $2}')
import -window root -crop "$size+0+0" +repage "$out"
kill $jpid; wait $jpid 2>/dev/null
kill $xpid; wait $xpid 2>/dev/null
rm -rf "$HOME"
