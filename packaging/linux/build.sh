#!/usr/bin/env bash
# Builds Tachiiri's Linux installers from the jar Maven makes, into target/installers/:
#   Tachiiri/                        the app-image: bin/Tachiiri with its own trimmed Java runtime
#   tachiiri_<version>_<arch>.deb    the same image as a package (/opt/tachiiri, menu entry, icon)
# The version is pom.xml's, the release notes (lib/app/RELEASE-NOTES.md) are CHANGELOG.md's section for it.
#
#   bash packaging/linux/build.sh                  builds the jar (tests skipped), then both
#   bash packaging/linux/build.sh --app-image-only only the app-image
#   bash packaging/linux/build.sh --skip-maven     uses target/tachiiri.jar as it is (the tests do this)
#
# The runtime is made with jlink and jpackage of the packaging JDK: TACHIIRI_PACKAGING_JDK, else a JDK 25 under
# /usr/lib/jvm, else the JDK of JAVA_HOME or the PATH (17 or newer). On JDK 25, one start of the built app on a virtual
# display (xvfb-run) trains an ahead-of-time class cache that later starts map (JEP 483/514/515); on an older JDK, or
# without xvfb-run, the image is made without it and starts more slowly. For the .deb, fakeroot and dpkg-deb.
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

# The JDK's feature version (17, 25), from its release file.
feature_of() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }
packaging_jdk() {
    if [ -n "${TACHIIRI_PACKAGING_JDK:-}" ]; then echo "$TACHIIRI_PACKAGING_JDK"; return; fi
    for candidate in /usr/lib/jvm/*; do
        if [ "$(feature_of "$candidate")" = 25 ] && [ -x "$candidate/bin/jpackage" ]; then echo "$candidate"; return; fi
    done
    if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME"
    elif command -v jpackage >/dev/null; then dirname "$(dirname "$(readlink -f "$(command -v jpackage)")")"
    fi
}
jdk=$(packaging_jdk)
for tool in jar jdeps jlink jpackage; do
    [ -x "$jdk/bin/$tool" ] || { echo "build.sh: no $tool in the packaging JDK (${jdk:-none found}): install a full JDK 25 or 17" \
        "(Debian: openjdk-17-jdk), or name one with TACHIIRI_PACKAGING_JDK" >&2; exit 1; }
done
jdk_feature=$(feature_of "$jdk")
jar=$jdk/bin/jar
jdeps=$jdk/bin/jdeps
jlink=$jdk/bin/jlink
jpackage=$jdk/bin/jpackage
if [ "${jdk_feature:-0}" -ge 25 ] && command -v xvfb-run >/dev/null; then aot_cache=true; else aot_cache=false; fi
echo "build.sh: packaging with the JDK $jdk_feature in $jdk"
if [ "$aot_cache" = false ]; then
    echo "build.sh: no ahead-of-time class cache: it needs JDK 25 or newer (TACHIIRI_PACKAGING_JDK, or one under" \
        "/usr/lib/jvm) and xvfb-run (Debian: xvfb); the app will start about twice as slowly"
fi

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
mkdir -p "$out/input/lib" "$out/javafx"
# The licence travels with the application (GPL-3.0-or-later), whichever way the folder is passed on.
cp target/tachiiri.jar LICENSE "$out/input/"
# JavaFX is linked into the runtime (below) as the JDK's own modules are, with its native libraries beside the JDK's:
# nothing is unpacked into the users' ~/.openjfx/cache, and the class cache stays valid wherever the folder is
# copied or installed (JDK 25 maps it only at its own folder when JavaFX comes from a module path). Its jars without
# a platform are empty placeholders.
for library in target/lib/*.jar; do
    case "$(basename "$library")" in
        javafx-*-linux.jar | javafx-*-linux-aarch64.jar) cp "$library" "$out/javafx/" ;;
        javafx-*) ;;
        *) cp "$library" "$out/input/lib/" ;;
    esac
done

# SQLite's native library goes into the image unpacked, and the launcher points sqlite-jdbc at it (below): otherwise
# the driver unpacks it from its jar into the temporary folder at every start (about 60 ms of a start here, more on
# a tablet) and sweeps old copies away.
case "$(uname -m)" in
    x86_64) sqlite_arch=x86_64 ;;
    aarch64) sqlite_arch=aarch64 ;;
    *) echo "build.sh: no SQLite library for this machine's architecture ($(uname -m))" >&2; exit 1 ;;
esac
sqlite_jar=$(ls "$out"/input/lib/sqlite-jdbc-*.jar)
mkdir -p "$out/input/native"
(cd "$out/input/native" && "$jar" xf "../lib/$(basename "$sqlite_jar")" "org/sqlite/native/Linux/$sqlite_arch/libsqlitejdbc.so" \
    && mv "org/sqlite/native/Linux/$sqlite_arch/libsqlitejdbc.so" . && rm -r org)
[ -f "$out/input/native/libsqlitejdbc.so" ] || { echo "build.sh: $sqlite_jar has no Linux/$sqlite_arch library" >&2; exit 1; }

# Release notes: the CHANGELOG.md section "## [<version>]" (or "## [Unreleased]" for a snapshot).
awk -v heading="## [$notes_heading]" '
    index($0, heading) == 1 { printing = 1; print; next }
    printing && /^## \[/ { exit }
    printing { print }' CHANGELOG.md > "$out/input/RELEASE-NOTES.md"
if [ "$(grep -c . "$out/input/RELEASE-NOTES.md")" -lt 2 ]; then
    echo "build.sh: CHANGELOG.md has no section \"## [$notes_heading]\" with notes for version $version" >&2; exit 1
fi

# The runtime: the modules the code uses (jdeps), those it reaches only through services, and JavaFX. The libraries
# go on jdeps' class path, not as roots: fastexcel is a named module requiring opczip, a plain jar, which jdeps cannot
# resolve as a module; followed from the app (--recursive), every library the app reaches is still analysed.
code_modules=$("$jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 --recursive \
    --class-path "target/lib/*" target/tachiiri.jar)
service_modules=$(grep -v '^#' packaging/jpackage/runtime.modules | grep . | paste -sd, -)
if [ "$jdk_feature" -ge 21 ]; then compression=zip-6; else compression=2; fi
# JavaFX's jars carry their native libraries (and an SWT bridge) as resources; they go into the runtime's lib folder
# instead, where the JDK's own are and where JavaFX looks first.
"$jlink" --module-path "$out/javafx" --add-modules "$code_modules,$service_modules,javafx.controls" \
    --exclude-resources='/javafx.graphics/*.so,/javafx.graphics/javafx-swt.jar' --include-locales=en,ja \
    --strip-debug --no-header-files --no-man-pages --compress="$compression" --output "$out/runtime"
(cd "$out/runtime/lib" && for fx in ../../javafx/*.jar; do
    natives=$("$jar" tf "$fx" | grep '\.so$' || true)
    if [ -n "$natives" ]; then "$jar" xf "$fx" $natives; fi
done)

# The launcher starts the JVM with packaging/jvm.options and SQLite's library from the image. From JDK 24 on, the JVM warns at every start about what
# JavaFX and the libraries rely on: loading native code (JavaFX, SQLite) and sun.misc.Unsafe (JavaFX, protobuf for
# Tink); the runtime is made for them, so they are allowed (JDK 17 does not know these options).
{
    grep -v '^#' packaging/jvm.options | grep . | sed 's/.*/--java-options "&"/'
    echo '--java-options "-Dorg.sqlite.lib.path=$APPDIR/native"'
    echo '--java-options "-Dorg.sqlite.lib.name=libsqlitejdbc.so"'
    if [ "$jdk_feature" -ge 24 ]; then
        echo '--java-options "--enable-native-access=javafx.graphics,ALL-UNNAMED"'
        echo '--java-options "--sun-misc-unsafe-memory-access=allow"'
    fi
} > "$out/java-options.args"
"$jpackage" --type app-image @packaging/jpackage/common.args @packaging/linux/image.args @"$out/java-options.args" \
    --app-version "$app_version" --input "$out/input" --runtime-image "$out/runtime" --dest "$out"

# The ahead-of-time class cache: the image's own launcher starts the app once, on a virtual display and a demo data
# folder of its own, up to its home screen, and the JVM writes what it loaded and linked into lib/app/tachiiri.aot as
# the app closes itself there (tachiiri.closeAfterHomeScreen). Later starts map the cache, found through $APPDIR, and
# skip that work. The JVM's messages about the cache go to standard error instead of standard output, so that a cache
# that cannot be used (it matches only this runtime and these jars) never mixes into a command's output: the app
# then starts as without it.
if [ "$aot_cache" = true ]; then
    training=$(mktemp -d)
    trap 'rm -rf "$training"' EXIT
    launcher=$out/Tachiiri/bin/Tachiiri
    HOME=$training "$launcher" --data "$training/data" role inspector >/dev/null
    HOME=$training "$launcher" --data "$training/data" demo >/dev/null
    if ! HOME=$training JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$out/Tachiiri/lib/app/tachiiri.aot -Dtachiiri.closeAfterHomeScreen=true" \
            timeout 600 xvfb-run -a -s "-screen 0 1280x800x24" "$launcher" --data "$training/data" \
            > "$out/aot-training.log" 2>&1 || [ ! -f "$out/Tachiiri/lib/app/tachiiri.aot" ]; then
        tail -n 20 "$out/aot-training.log" >&2
        echo "build.sh: the start that trains the class cache failed (all of its output: $out/aot-training.log)" >&2; exit 1
    fi
    {
        echo 'java-options=-Xlog:aot=off:stdout'
        echo 'java-options=-Xlog:aot=warning:stderr'
        echo 'java-options=-XX:AOTCache=$APPDIR/tachiiri.aot'
    } >> "$out/Tachiiri/lib/app/Tachiiri.cfg"
    echo "class cache: $(du -h "$out/Tachiiri/lib/app/tachiiri.aot" | cut -f1) trained by one start"
fi
echo "app-image: $out/Tachiiri"

# The package holds the image as it is, its class cache included; of the shared options it takes what describes the
# application (how the launcher starts it is in the image already).
# jpackage's resource folder for the package: the menu entry and install scripts of linux/resources, and the menu icon,
# which jpackage takes from there (as Tachiiri.png) when it packages an image, not from --icon.
if [ "$app_image_only" = false ]; then
    grep -v -e '^--main-jar' -e '^--main-class' packaging/jpackage/common.args > "$out/package.args"
    mkdir "$out/deb-resources"
    cp packaging/linux/resources/* "$out/deb-resources/"
    cp packaging/linux/tachiiri.png "$out/deb-resources/Tachiiri.png"
    "$jpackage" --type deb --app-image "$out/Tachiiri" @"$out/package.args" --app-version "$app_version" \
        @packaging/linux/deb.args --resource-dir "$out/deb-resources" --linux-app-release "$release" --dest "$out"
    echo "package: $(ls "$out"/*.deb)"
fi
