#!/usr/bin/env bash
# A net8.0 app that takes our packages must not be pulled up to the 10.x stack by them: restores a fresh net8.0
# project referencing LivePersonEscalation and .Testing from the packed feed, then one referencing every package,
# and fails when its assets resolve any 9.x or 10.x Microsoft.Extensions.*, System.Text.Json or
# System.Diagnostics.DiagnosticSource (StackExchange.Redis is 2.8 on net8.0 for that reason).
# Usage: net8-dependencies.sh <folder> <version> <nuget.config>
set -euo pipefail
folder="$1"; version="$2"; config="$3"
stack='(Microsoft\.Extensions\.[A-Za-z.]+|System\.Text\.Json|System\.Diagnostics\.DiagnosticSource)'

restore() {
  local dir="$1"; shift
  mkdir -p "$dir"
  {
    echo '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net8.0</TargetFramework></PropertyGroup><ItemGroup>'
    for package in "$@"; do echo "<PackageReference Include=\"$package\" Version=\"$version\" />"; done
    echo '</ItemGroup></Project>'
  } > "$dir/Net8Consumer.csproj"
  echo 'System.Console.WriteLine(typeof(LivePersonEscalation.EscalationClient));' > "$dir/Program.cs"
  cp "$config" "$dir/nuget.config"
  (cd "$dir" && dotnet restore -v quiet -nologo) >/dev/null
}

restore "$folder/core" LivePersonEscalation LivePersonEscalation.Testing
resolved=$(grep -oE "\"$stack/[0-9][0-9.]*\"" "$folder/core/obj/project.assets.json" | tr -d '"' | sort -u)
pulled=$(grep -E '/10\.' <<<"$resolved" || true)
if [ -n "$pulled" ]; then
  echo "package check: a net8.0 consumer of LivePersonEscalation and .Testing resolves 10.x packages:" >&2
  echo "$pulled" >&2
  exit 1
fi
echo "package check: a net8.0 consumer of LivePersonEscalation and .Testing resolves no 10.x package: $(tr '\n' ' ' <<<"$resolved")"

restore "$folder/all" LivePersonEscalation LivePersonEscalation.Availability LivePersonEscalation.Redis LivePersonEscalation.Testing
resolved=$(grep -oE "\"$stack/[0-9][0-9.]*\"" "$folder/all/obj/project.assets.json" | tr -d '"' | sort -u)
pulled=$(grep -E '/(9|10)\.' <<<"$resolved" || true)
if [ -n "$pulled" ]; then
  echo "package check: a net8.0 consumer of every package resolves packages past 8.x:" >&2
  echo "$pulled" >&2
  exit 1
fi
echo "package check: a net8.0 consumer of every package (core, .Availability, .Redis, .Testing) resolves no package past 8.x: $(tr '\n' ' ' <<<"$resolved")"
