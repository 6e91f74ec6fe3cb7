#!/usr/bin/env bash
# Renders the application icon from its SVG sources into the PNG, ICO and ICNS files next to this
# script, and copies the PNGs the console uses into the UI's resources. The outputs are committed, so
# the Maven build never runs this; run it again after editing an SVG.
# Needs (Debian): apt-get install -y librsvg2-bin icoutils icnsutils
#   rsvg-convert (librsvg2-bin), icotool (icoutils), png2icns (icnsutils)
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is missing (apt-get install -y librsvg2-bin icoutils icnsutils)" >&2; exit 2; }
done

name=emcc-console
resources=../src/main/resources/dev/emcc/ui/icons
mkdir -p png "$resources"

# 16 and 24 px come from the simplified drawing; the full one blurs at those sizes.
for size in 16 24 32 48 64 128 256 512; do
  source=$name.svg
  if [ "$size" -le 24 ]; then source=$name-small.svg; fi
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$source" --output "png/$name-$size.png"
done

# Windows: every size up to 256 in one .ico; 256 stays PNG-compressed (-r), as Windows Vista+ reads it.
icotool --create --output "$name.ico" \
  png/$name-16.png png/$name-24.png png/$name-32.png png/$name-48.png png/$name-64.png png/$name-128.png \
  --raw=png/$name-256.png

# macOS: .icns holds only the sizes it has slots for (no 24 or 64).
png2icns "$name.icns" \
  png/$name-16.png png/$name-32.png png/$name-48.png png/$name-128.png png/$name-256.png png/$name-512.png >/dev/null

# The console sets these as the window's icons (Stage.getIcons()); JavaFX picks the best size.
for size in 16 24 32 48 64 128 256; do
  cp "png/$name-$size.png" "$resources/$name-$size.png"
done

echo "icons: $(ls png | wc -l) PNGs, $name.ico, $name.icns, and $resources/"
