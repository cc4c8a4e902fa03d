#!/usr/bin/env bash
# A net8.0 app that takes our packages must not be pulled up to the 10.x stack by them: restores a fresh net8.0
# project referencing LivePersonEscalation and .Testing from the packed feed and fails when its assets resolve any
# 10.x Microsoft.Extensions.*, System.Text.Json or System.Diagnostics.DiagnosticSource; then adds .Redis and fails
# when one of our packages itself asks for a 10.x one (StackExchange.Redis 3.x does, for net8.0 too: printed).
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

restore "$folder/redis" LivePersonEscalation LivePersonEscalation.Redis
# Each resolved package's own dependencies, as "package/version -> dependency version".
edges=$(python3 - "$folder/redis/obj/project.assets.json" <<'PY'
import json, sys
targets = json.load(open(sys.argv[1]))["targets"]["net8.0"]
for package, info in targets.items():
    for dependency, version in (info.get("dependencies") or {}).items():
        print(f"{package} -> {dependency} {version}")
PY
)
ours=$(grep -E '^LivePersonEscalation[^ ]* -> ' <<<"$edges" | grep -E " -> $stack 10\." || true)
if [ -n "$ours" ]; then
  echo "package check: our packages ask a net8.0 consumer for 10.x packages:" >&2
  echo "$ours" >&2
  exit 1
fi
theirs=$(grep -vE '^LivePersonEscalation' <<<"$edges" | grep -E " -> $stack 10\." | sed 's/ -> / asks for /' | tr '\n' ';' || true)
echo "package check: with .Redis, none of ours asks for a 10.x package; ${theirs:-nothing else does}"
