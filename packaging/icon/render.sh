#!/usr/bin/env bash
# Regenerates every platform icon from packaging/icon/tachiiri.svg:
#   packaging/icon/png/tachiiri-{16..1024}.png   reference PNGs
#   packaging/linux/tachiiri.png                 256 px, for jpackage (Linux launcher / .desktop entry)
#   packaging/windows/tachiiri.ico               16, 24, 32, 48, 64, 128, 256 px
#   resources/icons/tachiiri-{16..256}.png       JavaFX window icons (class path /icons/...)
#   src/android/res/mipmap-*/ic_launcher.png     Android launcher icons (gluonfx)
#   src/ios/assets/Assets.xcassets/...           iOS app icon set (gluonfx), opaque PNGs + Contents.json
# Needs (Debian): apt-get install -y librsvg2-bin imagemagick
# rsvg-convert draws every size straight from the SVG; ImageMagick only assembles the .ico and flattens
# the iOS icons (no alpha). Metadata is left out so that re-running gives byte-identical files.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

for tool in rsvg-convert convert; do
  command -v "$tool" >/dev/null || { echo "render.sh: $tool not found (apt-get install -y librsvg2-bin imagemagick)" >&2; exit 1; }
done

SVG=packaging/icon/tachiiri.svg
# Background colour behind the iOS icons (the SVG's bottom gradient stop); the squared background covers it anyway.
IOS_MATTE='#0B3E4B'
IM_PNG=(-strip -define png:exclude-chunks=date,time)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# render SIZE OUT [extra rsvg-convert options...]
render() {
  local size=$1 out=$2
  shift 2
  mkdir -p "$(dirname "$out")"
  rsvg-convert --width "$size" --height "$size" "$@" --output "$out" "$SVG"
}

# Reference PNGs
for s in 16 24 32 48 64 128 256 512 1024; do
  render "$s" "packaging/icon/png/tachiiri-$s.png"
done

# Linux (jpackage --icon)
render 256 packaging/linux/tachiiri.png

# Windows .ico, built from the reference PNGs
mkdir -p packaging/windows
ico_sizes=(16 24 32 48 64 128 256)
ico_inputs=()
for s in "${ico_sizes[@]}"; do ico_inputs+=("packaging/icon/png/tachiiri-$s.png"); done
convert "${ico_inputs[@]}" "${IM_PNG[@]}" packaging/windows/tachiiri.ico

# JavaFX window icons
for s in 16 32 48 64 128 256; do
  render "$s" "resources/icons/tachiiri-$s.png"
done

# Android launcher icons (legacy mipmaps: mdpi 48 ... xxxhdpi 192)
for d in mdpi:48 hdpi:72 xhdpi:96 xxhdpi:144 xxxhdpi:192; do
  render "${d#*:}" "src/android/res/mipmap-${d%%:*}/ic_launcher.png"
done

# iOS: the system rounds the corners itself and rejects alpha, so draw the background as a full square
# (stylesheet below) and flatten to 8-bit RGB.
printf '#background { rx: 0; ry: 0; }\n' > "$tmp/square.css"
XC=src/ios/assets/Assets.xcassets
SET=$XC/AppIcon.appiconset
mkdir -p "$SET"
# idiom point-size scale (file: icon-POINTS[@SCALEx].png, one per point size and scale, shared by iphone/ipad)
ios_slots=(
  "iphone 20 2" "iphone 20 3" "iphone 29 2" "iphone 29 3" "iphone 40 2" "iphone 40 3" "iphone 60 2" "iphone 60 3"
  "ipad 20 1" "ipad 20 2" "ipad 29 1" "ipad 29 2" "ipad 40 1" "ipad 40 2" "ipad 76 1" "ipad 76 2" "ipad 83.5 2"
  "ios-marketing 1024 1"
)
{
  printf '{\n  "images" : [\n'
  sep=''
  for slot in "${ios_slots[@]}"; do
    read -r idiom pt scale <<<"$slot"
    file="icon-$pt.png"
    [ "$scale" = 1 ] || file="icon-$pt@${scale}x.png"
    px=$(awk -v p="$pt" -v s="$scale" 'BEGIN { printf "%d", p * s }')
    if [ ! -e "$tmp/$file" ]; then
      render "$px" "$tmp/$file" --stylesheet "$tmp/square.css"
      convert "$tmp/$file" -background "$IOS_MATTE" -alpha remove -alpha off "${IM_PNG[@]}" "PNG24:$SET/$file"
    fi
    printf '%s    {\n      "filename" : "%s",\n      "idiom" : "%s",\n      "scale" : "%sx",\n      "size" : "%sx%s"\n    }' \
      "$sep" "$file" "$idiom" "$scale" "$pt" "$pt"
    sep=$',\n'
  done
  printf '\n  ],\n  "info" : {\n    "author" : "xcode",\n    "version" : 1\n  }\n}\n'
} > "$SET/Contents.json"
printf '{\n  "info" : {\n    "author" : "xcode",\n    "version" : 1\n  }\n}\n' > "$XC/Contents.json"

echo "render.sh: icons written from $SVG"
