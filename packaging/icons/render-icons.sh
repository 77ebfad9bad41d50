#!/bin/sh
# Renders the hicolor PNG sizes from bidtracker.svg (librsvg2-bin's rsvg-convert). Run by hand
# after the drawing changes; the PNGs are kept in the repository so that a build needs no
# SVG renderer.
set -eu
cd "$(dirname "$0")"
for size in 16 22 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" bidtracker.svg -o "bidtracker-$size.png"
done
