@echo off
@REM Runs the Maven that .mvn\wrapper\maven.properties pins, as ./mvnw does (its comment says why this wrapper is
@REM ours): the first run has .mvn\wrapper\fetch-maven.ps1 fetch, check and unpack it.
setlocal
for /f "usebackq eol=# tokens=1,* delims==" %%a in ("%~dp0.mvn\wrapper\maven.properties") do set "MVNW_%%a=%%b"
set "MVNW_USER_HOME=%MAVEN_USER_HOME%"
if not defined MVNW_USER_HOME set "MVNW_USER_HOME=%USERPROFILE%\.m2"
@REM Named by the checksum, so that a changed pin never runs a Maven checked against the old one.
set "MVNW_MAVEN_HOME=%MVNW_USER_HOME%\wrapper\dists\apache-maven-%MVNW_mavenVersion%\%MVNW_mavenSha256%"
if exist "%MVNW_MAVEN_HOME%\bin\mvn.cmd" goto run
set MVNW_OFFLINE=
for %%a in (%*) do for %%o in (-o --offline) do if "%%~a"=="%%o" set MVNW_OFFLINE=-Offline
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0.mvn\wrapper\fetch-maven.ps1" -Version "%MVNW_mavenVersion%" -Sha256 "%MVNW_mavenSha256%" -MavenHome "%MVNW_MAVEN_HOME%" %MVNW_OFFLINE%
if errorlevel 1 exit /b 1
:run
"%MVNW_MAVEN_HOME%\bin\mvn.cmd" %*
