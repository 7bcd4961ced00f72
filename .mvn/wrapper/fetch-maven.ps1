# Fetches, checks and unpacks the Maven that mvnw.cmd runs, on its first run: the same steps as ./mvnw, whose
# comment says why this wrapper is ours.
param([string]$Version, [string]$Sha256, [string]$MavenHome, [switch]$Offline)
$ErrorActionPreference = 'Stop'
$artifact = "org.apache.maven:apache-maven:${Version}:zip:bin"

function Fail([string]$message) {
    [Console]::Error.WriteLine("mvnw: $message")
    exit 1
}

$bootstrap = Get-Command mvn -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
if (-not $bootstrap) {
    Fail ("Maven $Version is not in $MavenHome yet, and fetching it ($artifact) needs a Maven 3.8 or newer on " +
        "the PATH: install one (choco install maven, scoop install maven) and run .\mvnw.cmd again.")
}
$download = Join-Path (Split-Path -Parent $MavenHome) ('fetch.' + [IO.Path]::GetRandomFileName())
New-Item -ItemType Directory -Force $download | Out-Null
try {
    [Console]::Error.WriteLine("mvnw: fetching Maven $Version ($artifact) with $($bootstrap.Source)")
    $offlineOption = @(if ($Offline) { '-o' })
    # As in ./mvnw: the pom's dependency plugin, and Maven's output on standard error. Quoted, the -D options
    # reach Maven whole (PowerShell would split them at the dots).
    & $bootstrap -B -q @offlineOption -f (Join-Path $PSScriptRoot '..\..\pom.xml') dependency:copy `
        "-Dartifact=$artifact" "-DoutputDirectory=$download" | ForEach-Object { [Console]::Error.WriteLine($_) }
    if ($LASTEXITCODE -ne 0) { Fail "could not fetch $artifact (Maven's messages above say why)." }
    $actual = (Get-FileHash -Algorithm SHA256 (Join-Path $download "apache-maven-$Version-bin.zip")).Hash.ToLower()
    if ($actual -ne $Sha256) {
        Fail ("refusing ${artifact}: its SHA-256 is $actual, but .mvn\wrapper\maven.properties pins $Sha256. " +
            "If your local Maven repository holds a damaged copy, delete its folder " +
            "org\apache\maven\apache-maven\$Version and run .\mvnw.cmd again.")
    }
    Expand-Archive (Join-Path $download "apache-maven-$Version-bin.zip") -DestinationPath $download
    if (-not (Test-Path $MavenHome)) { Move-Item (Join-Path $download "apache-maven-$Version") $MavenHome }
} finally {
    Remove-Item -Recurse -Force $download
}
