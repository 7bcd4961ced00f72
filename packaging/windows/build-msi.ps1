# Builds Tachiiri's Windows installer from the jar Maven makes, into target\installers\:
#   Tachiiri-<version>.msi     installs Tachiiri.exe (windowed) and tachiiri-cli.exe (console) with their own
#                              trimmed Java runtime
# The version is pom.xml's, the release notes (app\RELEASE-NOTES.md) are CHANGELOG.md's section for it. The
# Windows counterpart of packaging/linux/build.sh: keep the two in step.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-msi.ps1              builds the jar, then the MSI
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-msi.ps1 -SkipMaven   uses target\tachiiri.jar
#
# Needs, on Windows: a JDK 17 (JAVA_HOME, or jpackage on the PATH) and WiX Toolset 3.x on the PATH.
param([switch]$SkipMaven)
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..')

function Find-JdkTool([string]$name) {
    if ($env:JAVA_HOME -and (Test-Path "$env:JAVA_HOME\bin\$name.exe")) { return "$env:JAVA_HOME\bin\$name.exe" }
    $found = Get-Command "$name.exe" -ErrorAction SilentlyContinue
    if ($found) { return $found.Source }
    throw "build-msi.ps1: $name not found: install a JDK 17 or set JAVA_HOME"
}
function Invoke-Tool([string]$tool, [string[]]$arguments) {
    & $tool @arguments
    if ($LASTEXITCODE -ne 0) { throw "build-msi.ps1: $tool failed (exit code $LASTEXITCODE)" }
}
$jar = Find-JdkTool 'jar'
$jdeps = Find-JdkTool 'jdeps'
$jlink = Find-JdkTool 'jlink'
$jpackage = Find-JdkTool 'jpackage'
if (-not (Get-Command 'candle.exe' -ErrorAction SilentlyContinue)) {
    throw 'build-msi.ps1: WiX Toolset 3 (candle.exe, light.exe) is not on the PATH'
}

if (-not $SkipMaven) { Invoke-Tool '.\mvnw.cmd' @('-B', '-q', 'package', '-DskipTests') }
if (-not (Test-Path 'target\tachiiri.jar')) { throw 'build-msi.ps1: target\tachiiri.jar is missing: run .\mvnw.cmd package first' }

# The version comes from pom.xml (filtered into tachiiri-version.properties). An MSI takes only numbers, so a
# snapshot is packaged with its release's number: do not hand snapshot installers out.
$version = ((Get-Content 'target\classes\tachiiri-version.properties') -match '^version=')[0].Substring(8)
$appVersion = $version -replace '-SNAPSHOT$', ''
if ($appVersion -notmatch '^\d+\.\d+\.\d+$') { throw "build-msi.ps1: the version in pom.xml ($version) must be MAJOR.MINOR.PATCH" }
$notesHeading = if ($appVersion -ne $version) { 'Unreleased' } else { $version }

$out = 'target\installers'
if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory "$out\input\lib", "$out\input\javafx" | Out-Null
# The licence is installed with the application (GPL-3.0-or-later), not only shown by the installer.
Copy-Item 'target\tachiiri.jar', 'LICENSE' "$out\input\"
# JavaFX goes on the module path (the configuration JavaFX supports), its native libraries beside its jars, where it
# loads them from instead of each user's cache. Its jars without a platform are empty placeholders.
foreach ($library in Get-ChildItem 'target\lib\*.jar') {
    if ($library.Name -like 'javafx-*-win.jar') { Copy-Item $library.FullName "$out\input\javafx\" }
    elseif ($library.Name -notlike 'javafx-*') { Copy-Item $library.FullName "$out\input\lib\" }
}
Push-Location "$out\input\javafx"
foreach ($fx in Get-ChildItem '*.jar') {
    $natives = @(& $jar tf $fx.Name | Where-Object { $_ -like '*.dll' })
    if ($natives.Count -gt 0) { Invoke-Tool $jar (@('xf', $fx.Name) + $natives) }
}
Pop-Location

# Release notes: the CHANGELOG.md section "## [<version>]" (or "## [Unreleased]" for a snapshot).
$notes = @(); $printing = $false
foreach ($line in Get-Content -Encoding UTF8 'CHANGELOG.md') {
    if ($line.StartsWith("## [$notesHeading]")) { $printing = $true }
    elseif ($printing -and $line.StartsWith('## [')) { break }
    if ($printing) { $notes += $line }
}
if ($notes.Count -lt 2) { throw "build-msi.ps1: CHANGELOG.md has no section ""## [$notesHeading]"" for version $version" }
[IO.File]::WriteAllLines((Join-Path (Resolve-Path "$out\input") 'RELEASE-NOTES.md'), $notes)

# The runtime: the modules the code uses (jdeps) and those it reaches only through services. The libraries go on
# jdeps' class path, not as roots (fastexcel is a named module requiring opczip, a plain jar, which jdeps cannot
# resolve as a module); followed from the app (--recursive), every library the app reaches is still analysed.
$codeModules = (& $jdeps --print-module-deps --ignore-missing-deps --multi-release 17 --recursive `
    --class-path 'target\lib\*' 'target\tachiiri.jar' | Select-Object -Last 1).Trim()
$serviceModules = (Get-Content 'packaging\jpackage\runtime.modules' | Where-Object { $_ -and -not $_.StartsWith('#') }) -join ','
Invoke-Tool $jlink @('--add-modules', "$codeModules,$serviceModules", '--include-locales=en,ja', '--strip-debug',
    '--no-header-files', '--no-man-pages', '--compress=2', '--output', "$out\runtime")

# The launchers start the JVM with packaging\jvm.options, and JavaFX from the module path ($APPDIR is app).
$javaOptions = @(Get-Content 'packaging\jvm.options' | Where-Object { $_ -and -not $_.StartsWith('#') } |
    ForEach-Object { "--java-options ""$_""" })
# (A forward slash: jpackage reads a backslash in an options file as an escape.)
$javaOptions += '--java-options "--module-path=$APPDIR/javafx"', '--java-options "--add-modules=javafx.controls"'
[IO.File]::WriteAllLines((Join-Path (Resolve-Path $out) 'java-options.args'), [string[]]$javaOptions)

Invoke-Tool $jpackage @('--type', 'msi', '@packaging\jpackage\common.args', '@packaging\windows\msi.args',
    "@$out\java-options.args", '--app-version', $appVersion, '--input', "$out\input", '--runtime-image', "$out\runtime",
    '--dest', $out)
Write-Output "package: $(Get-ChildItem "$out\*.msi")"
