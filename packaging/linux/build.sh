#!/usr/bin/env bash
# Builds Tachiiri's Linux installers from the jar Maven makes, into target/installers/:
#   Tachiiri/                        the app-image: bin/Tachiiri with its own trimmed Java runtime
#   tachiiri_<version>_amd64.deb     the same image as a package (/opt/tachiiri, menu entry, icon)
# The version is pom.xml's, the release notes (lib/app/RELEASE-NOTES.md) are CHANGELOG.md's section for it.
#
#   bash packaging/linux/build.sh                  builds the jar (tests skipped), then both
#   bash packaging/linux/build.sh --app-image-only only the app-image
#   bash packaging/linux/build.sh --skip-maven     uses target/tachiiri.jar as it is (the tests do this)
#
# Needs a JDK 17 with jlink and jpackage (JAVA_HOME, or on the PATH); for the .deb, fakeroot and dpkg-deb.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

app_image_only=false
skip_maven=false
for argument in "$@"; do
    case "$argument" in
        --app-image-only) app_image_only=true ;;
        --skip-maven) skip_maven=true ;;
        *) echo "build.sh: unknown option $argument (see the comment at the top of this script)" >&2; exit 2 ;;
    esac
done

jdk_tool() {
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$1" ]; then echo "$JAVA_HOME/bin/$1"
    elif command -v "$1" >/dev/null; then command -v "$1"
    else echo "build.sh: $1 not found: install a full JDK 17 (Debian: openjdk-17-jdk) or set JAVA_HOME" >&2; exit 1
    fi
}
jar=$(jdk_tool jar)
jdeps=$(jdk_tool jdeps)
jlink=$(jdk_tool jlink)
jpackage=$(jdk_tool jpackage)

if [ "$skip_maven" = false ]; then
    ./mvnw -B -q package -DskipTests
fi
[ -f target/tachiiri.jar ] || { echo "build.sh: target/tachiiri.jar is missing: run ./mvnw package first" >&2; exit 1; }

# The version comes from pom.xml (filtered into the jar's tachiiri-version.properties). jpackage takes only
# numbers; a snapshot becomes Debian revision 0~snapshot, which sorts before the release's revision 1.
version=$(sed -n 's/^version=//p' target/classes/tachiiri-version.properties)
app_version=${version%-SNAPSHOT}
if [[ ! "$app_version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
    echo "build.sh: the version in pom.xml ($version) must be MAJOR.MINOR.PATCH, optionally -SNAPSHOT" >&2; exit 1
fi
if [ "$app_version" != "$version" ]; then release=0~snapshot; notes_heading=Unreleased; else release=1; notes_heading=$version; fi

out=target/installers
rm -rf "$out"
mkdir -p "$out/input/lib" "$out/input/javafx"
# The licence travels with the application (GPL-3.0-or-later), whichever way the folder is passed on.
cp target/tachiiri.jar LICENSE "$out/input/"
# JavaFX goes on the module path, the configuration JavaFX supports (on the class path it warns at every start),
# with its native libraries beside its jars, where it loads them from instead of unpacking them into each user's
# ~/.openjfx/cache; jpackage then also finds what they link against (GTK 3). Its jars without a platform are
# empty placeholders.
for library in target/lib/*.jar; do
    case "$(basename "$library")" in
        javafx-*-linux.jar) cp "$library" "$out/input/javafx/" ;;
        javafx-*) ;;
        *) cp "$library" "$out/input/lib/" ;;
    esac
done
(cd "$out/input/javafx" && for fx in *.jar; do
    natives=$("$jar" tf "$fx" | grep '\.so$' || true)
    if [ -n "$natives" ]; then "$jar" xf "$fx" $natives; fi
done)

# Release notes: the CHANGELOG.md section "## [<version>]" (or "## [Unreleased]" for a snapshot).
awk -v heading="## [$notes_heading]" '
    index($0, heading) == 1 { printing = 1; print; next }
    printing && /^## \[/ { exit }
    printing { print }' CHANGELOG.md > "$out/input/RELEASE-NOTES.md"
if [ "$(grep -c . "$out/input/RELEASE-NOTES.md")" -lt 2 ]; then
    echo "build.sh: CHANGELOG.md has no section \"## [$notes_heading]\" with notes for version $version" >&2; exit 1
fi

# The runtime: the modules the code uses (jdeps) and those it reaches only through services. The libraries go on
# jdeps' class path, not as roots: fastexcel is a named module requiring opczip, a plain jar, which jdeps cannot
# resolve as a module; followed from the app (--recursive), every library the app reaches is still analysed.
code_modules=$("$jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 --recursive \
    --class-path "target/lib/*" target/tachiiri.jar)
service_modules=$(grep -v '^#' packaging/jpackage/runtime.modules | grep . | paste -sd, -)
"$jlink" --add-modules "$code_modules,$service_modules" --include-locales=en,ja \
    --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"

# The launcher starts the JVM with packaging/jvm.options, and JavaFX from the module path ($APPDIR is lib/app).
{
    grep -v '^#' packaging/jvm.options | grep . | sed 's/.*/--java-options "&"/'
    echo '--java-options "--module-path=$APPDIR/javafx"'
    echo '--java-options "--add-modules=javafx.controls"'
} > "$out/java-options.args"

common=(@packaging/jpackage/common.args @packaging/linux/image.args @"$out/java-options.args"
        --app-version "$app_version" --input "$out/input" --runtime-image "$out/runtime" --dest "$out")
"$jpackage" --type app-image "${common[@]}"
echo "app-image: $out/Tachiiri"
if [ "$app_image_only" = false ]; then
    "$jpackage" --type deb "${common[@]}" @packaging/linux/deb.args --linux-app-release "$release"
    echo "package: $(ls "$out"/*.deb)"
fi
