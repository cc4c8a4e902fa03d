#!/usr/bin/env bash
# Packs the three packages, checks their contents, then builds a fresh consumer outside the solution that restores them
# from a local folder feed, runs it, publishes it trimmed (self-contained linux-x64) and runs that too, and, where
# clang is installed, publishes it with Native AOT and runs that.
# Fails on a missing README, XML docs or symbols, on any trim/AOT warning that names the library, or on a failed run.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
feed="$repo/artifacts/packages"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

rm -rf "$feed"
dotnet pack "$repo/LivePersonEscalation.sln" -c Release -o "$feed" -v quiet -nologo

version=$(sed -n 's/.*<VersionPrefix>\(.*\)<\/VersionPrefix>.*/\1/p' "$repo/Directory.Build.props")
for id in LivePersonEscalation LivePersonEscalation.Testing LivePersonEscalation.Redis; do
  nupkg="$feed/$id.$version.nupkg"
  [ -f "$nupkg" ] || { echo "package check: $nupkg is missing" >&2; exit 1; }
  [ -f "$feed/$id.$version.snupkg" ] || { echo "package check: symbols package of $id is missing" >&2; exit 1; }
  listing=$(unzip -l "$nupkg")
  grep -q ' README.md$' <<<"$listing" || { echo "package check: $id has no README.md" >&2; exit 1; }
  dlls=$(grep -c "lib/.*/$id.dll$" <<<"$listing" || true)
  docs=$(grep -c "lib/.*/$id.xml$" <<<"$listing" || true)
  [ "$dlls" -gt 0 ] && [ "$dlls" -eq "$docs" ] || { echo "package check: $id has $dlls assemblies but $docs XML doc files" >&2; exit 1; }
  unzip -p "$nupkg" "$id.nuspec" | grep -q '<license type="expression">MIT</license>' || { echo "package check: $id has no license expression" >&2; exit 1; }
  echo "package check: $id $version: README, $dlls assemblies with XML docs, symbols, license"
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
export NUGET_PACKAGES="$work/nuget-packages"

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

# Native AOT needs clang (not on a fresh machine: apt-get install clang). Run it where it can run.
if command -v clang >/dev/null 2>&1; then
  publish_and_run native-aot -p:PublishAot=true
else
  echo "package check: Native AOT skipped: clang is not installed (apt-get install clang)"
fi
