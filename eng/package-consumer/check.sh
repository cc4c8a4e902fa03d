#!/usr/bin/env bash
# Packs the four packages, checks their contents, then builds a fresh consumer outside the solution that restores them
# from a local folder feed, runs it, publishes it trimmed (self-contained linux-x64) and runs that too, and, where
# a clang is installed (however it is named), publishes it with Native AOT, runs that, and times its cold start
# beside a raw HttpClient program published the same way. It also runs docs/dependency-injection.md's first block
# as written, in a fresh `dotnet new worker`, and builds every C# block of the READMEs in a fresh project of its
# template (readme-blocks.sh), and restores a net8.0 consumer to prove it resolves no 10.x package through ours
# (net8-dependencies.sh).
# Fails on a missing README, XML docs or symbols, on any trim/AOT warning that names the library, or on a failed run.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
feed="$repo/artifacts/packages"
work="$(mktemp -d)"
# Other projects, and the package cache, live beside the consumer's folder, never inside it: its build would take in
# their sources (a test project's package brings a .cs file).
side="$(mktemp -d)"
trap 'rm -rf "$work" "$side"' EXIT

rm -rf "$feed"
for package in LivePersonEscalation LivePersonEscalation.Availability LivePersonEscalation.Testing LivePersonEscalation.Redis; do
  dotnet pack "$repo/src/$package/$package.csproj" -c Release -o "$feed" -v quiet -nologo
done

# The version comes from git (MinVer): the packed core package's file name says which.
core_nupkg=$(ls "$feed"/LivePersonEscalation.[0-9]*.nupkg | head -n 1)
version=$(basename "$core_nupkg" .nupkg | sed 's/^LivePersonEscalation\.//')
if git -C "$repo" describe --tags --exact-match HEAD >/dev/null 2>&1; then
  [[ "$version" != *-* ]] || { echo "package check: HEAD is tagged but the version $version is a prerelease" >&2; exit 1; }
else
  [[ "$version" == *-* ]] || { echo "package check: HEAD is not tagged but the version $version has no prerelease suffix" >&2; exit 1; }
fi

for id in LivePersonEscalation LivePersonEscalation.Availability LivePersonEscalation.Testing LivePersonEscalation.Redis; do
  nupkg="$feed/$id.$version.nupkg"
  [ -f "$nupkg" ] || { echo "package check: $nupkg is missing" >&2; exit 1; }
  [ -f "$feed/$id.$version.snupkg" ] || { echo "package check: symbols package of $id is missing" >&2; exit 1; }
  listing=$(unzip -l "$nupkg")
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  fail() { echo "package check: $id: $1" >&2; exit 1; }
  for file in README.md LICENSE CHANGELOG.md icon.png; do
    grep -qE " $file\$" <<<"$listing" || fail "no $file in the package"
  done
  dlls=$(grep -c "lib/.*/$id.dll$" <<<"$listing" || true)
  docs=$(grep -c "lib/.*/$id.xml$" <<<"$listing" || true)
  [ "$dlls" -gt 0 ] && [ "$dlls" -eq "$docs" ] || fail "$dlls assemblies but $docs XML doc files"
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "no license expression"
  grep -q '<icon>icon.png</icon>' <<<"$nuspec" || fail "no icon"
  grep -qE '<projectUrl>https://[^<]+</projectUrl>' <<<"$nuspec" || fail "no project URL"
  grep -qE '<repository type="git" url="https://[^"]+"' <<<"$nuspec" || fail "no repository URL"
  grep -qE '<releaseNotes>https://[^<]+CHANGELOG.md</releaseNotes>' <<<"$nuspec" || fail "no release notes pointing at the changelog"
  readme=$(unzip -p "$nupkg" README.md)
  relative=$(grep -oE '\]\([^)h#][^)]*\)' <<<"$readme" || true)
  [ -z "$relative" ] || fail "its README has relative links, broken on the gallery: $relative"
  ! grep -q 'dotnet run --project' <<<"$readme" || fail "its README has repository-only commands (dotnet run --project)"
  echo "package check: $id $version: README (absolute links only), LICENSE, CHANGELOG, icon, project and repository URLs, $dlls assemblies with XML docs, symbols, license"
done

# The core package is about escalating: at most 32 public types, on every target it ships.
core_lib="$work/core-lib"
mkdir -p "$core_lib"
unzip -q -o "$core_nupkg" 'lib/*' -d "$core_lib"
for dll in "$core_lib"/lib/*/LivePersonEscalation.dll; do
  dotnet run --project "$repo/eng/package-consumer/public-types" -c Release -- "$dll" 32 \
    || { echo "package check: the core package's $(basename "$(dirname "$dll")") assembly has more than 32 public types" >&2; exit 1; }
done

cp "$repo/eng/package-consumer/Program.cs" "$work/"
sed "s/@VERSION@/$version/" "$repo/eng/package-consumer/PackageConsumer.csproj.template" > "$work/PackageConsumer.csproj"
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="LivePersonEscalation*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
export NUGET_PACKAGES="$side/nuget-packages"

bash "$repo/eng/package-consumer/net8-dependencies.sh" "$side/net8-consumer" "$version" "$work/nuget.config"

(cd "$work" && dotnet run -c Release -v quiet -nologo)

# Publishes the consumer with the given properties, fails on any IL2xxx/IL3xxx warning naming the library, runs it.
publish_and_run() {
  local name="$1"; shift
  local log="$work/$name.log"
  (cd "$work" && dotnet publish -c Release "$@" -o "$work/$name" -nologo) >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
  if grep -E 'warning IL[23][0-9]{3}' "$log" | grep -q 'LivePersonEscalation'; then
    echo "package check: $name publish reported warnings from the library:" >&2
    grep -E 'warning IL[23][0-9]{3}' "$log" | grep 'LivePersonEscalation' >&2
    exit 1
  fi
  echo "package check: $name publish: $(grep -cE 'warning IL[23][0-9]{3}' "$log" || true) IL2xxx/IL3xxx warnings in all, none from the library"
  "$work/$name/PackageConsumer"
  echo "package check: $name consumer escalated (executable $(du -h "$work/$name/PackageConsumer" | cut -f1), folder $(du -sh "$work/$name" | cut -f1))"
}

publish_and_run trimmed -p:PublishTrimmed=true

# One emulator in a process of its own (the trimmed consumer in serve mode) for the checks below, kept open
# through a pipe: it prints "<endpoint> <key>" and stops when its standard input closes.
coproc EMULATOR { "$work/trimmed/PackageConsumer" serve; }
read -r endpoint key <&"${EMULATOR[0]}"
stop_emulator() {
  exec {EMULATOR[1]}>&- 2>/dev/null || true
  wait "$EMULATOR_PID" 2>/dev/null || true
}

# The dependency-injection guide's block, as written, in a fresh `dotnet new worker`: its Program.cs and its
# appsettings.json are docs/dependency-injection.md's first csharp and json blocks under "Use it with dependency injection"; the
# package comes from the packed feed, and only the environment points it at the emulator.
readme_block() {
  awk -v lang="$1" '
    /^## Use it with dependency injection/ { section = 1; next }
    section && /^## / { exit }
    section && !inside && $0 == "```" lang { inside = 1; next }
    inside && $0 == "```" { exit }
    inside { print }
  ' "$repo/docs/dependency-injection.md"
}
(cd "$side" && dotnet new worker -n ReadmeWorker -o readme-worker >/dev/null)
readme_block csharp > "$side/readme-worker/Program.cs"
readme_block json > "$side/readme-worker/appsettings.json"
rm -f "$side/readme-worker/Worker.cs"
cp "$work/nuget.config" "$side/readme-worker/"
(cd "$side/readme-worker" && dotnet add package LivePersonEscalation --version "$version" >/dev/null)
worker_output=$(cd "$side/readme-worker" && LivePerson__Escalation__Endpoint="$endpoint" LivePerson__Escalation__ApiAccessKey="$key" \
  timeout 120 dotnet run -nologo 2>&1) || { echo "$worker_output" >&2; echo "package check: the dependency-injection guide's worker failed" >&2; stop_emulator; exit 1; }
grep -q "Escalation accepted" <<<"$worker_output" || { echo "$worker_output" >&2; echo "package check: the dependency-injection guide's worker did not escalate" >&2; stop_emulator; exit 1; }
echo "package check: docs/dependency-injection.md's block, pasted into dotnet new worker, escalated: $(grep -o 'Escalation accepted[^"]*' <<<"$worker_output" | head -n 1)"

# Every C# block of the READMEs, in a fresh project of its template, with the packages named before it.
bash "$repo/eng/package-consumer/readme-blocks.sh" "$repo" "$side/readme-blocks" "$version" "$work/nuget.config" \
  || { stop_emulator; exit 1; }

# Native AOT needs a clang, named "clang" or versioned ("clang-14" on Debian 12). Where one is found, the AOT publish
# must succeed; then the library's consumer and a raw HttpClient program, both AOT, are timed from process start to
# an accepted escalation against an emulator already running in a process of its own.
find_clang() {
  command -v clang 2>/dev/null && return
  local versioned
  versioned=$(compgen -c clang- | grep -E '^clang-[0-9]+$' | sort -t- -k2 -n | tail -n 1)
  [ -n "$versioned" ] && command -v "$versioned"
}

# Median milliseconds of five cold starts of "$@".
cold_start_ms() {
  local times=()
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null || { echo "package check: cold-start run of $1 failed" >&2; exit 1; }
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

clang_path=$(find_clang || true)
if [ -z "$clang_path" ]; then
  echo "Native AOT: skipped: no clang on this machine (apt-get install clang)"
  stop_emulator
  exit 0
fi

publish_and_run native-aot -p:PublishAot=true -p:CppCompilerAndLinker="$clang_path"

mkdir -p "$side/raw"
cp "$repo/eng/package-consumer/raw/Program.cs" "$side/raw/"
cp "$repo/eng/package-consumer/raw/RawConsumer.csproj.template" "$side/raw/RawConsumer.csproj"
cp "$work/nuget.config" "$side/raw/"
(cd "$side/raw" && dotnet publish -c Release -p:PublishAot=true -p:CppCompilerAndLinker="$clang_path" -o "$side/raw-aot" -nologo) >"$side/raw-aot.log" 2>&1 \
  || { cat "$side/raw-aot.log" >&2; stop_emulator; exit 1; }

library_ms=$(cold_start_ms "$work/native-aot/PackageConsumer" escalate "$endpoint" "$key")
raw_ms=$(cold_start_ms "$side/raw-aot/RawConsumer" "$endpoint" "$key")
stop_emulator

size() { du -h "$1" | cut -f1; }
echo "Native AOT: library consumer $(size "$work/native-aot/PackageConsumer") (the Testing package's emulator linked in), cold start ${library_ms} ms; raw HttpClient program $(size "$side/raw-aot/RawConsumer"), cold start ${raw_ms} ms (process start to an accepted escalation, median of 5, $(basename "$clang_path"))"
