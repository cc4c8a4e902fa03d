#!/usr/bin/env bash
# Every C# block of README.md, docs/ and the package READMEs, pasted as written into a fresh project of its template
# (`dotnet new worker` for a block that builds a host, `dotnet new xunit` for a test class, `dotnet new console`
# otherwise), with every package the README names before it (`dotnet add package NAME`): ours from the packed feed,
# the others at the versions this repository pins. All of them must restore and build with warnings as errors.
# tests/LivePersonEscalation.Documentation.Tests compiles and runs the same blocks in process; this proves the
# real templates, the SDK and the packed packages agree with it.
#
# usage: readme-blocks.sh <repository> <work folder> <package version> <nuget.config>
set -euo pipefail
repo="$1"
work="$2"
version="$3"
nuget_config="$4"

# The version Directory.Packages.props pins for a package, its MSBuild properties resolved.
pinned_version() {
  local props="$repo/Directory.Packages.props" value
  value=$(sed -n "s/.*<PackageVersion Include=\"$1\" Version=\"\([^\"]*\)\".*/\1/p" "$props")
  if [[ "$value" =~ ^\$\((.*)\)$ ]]; then
    value=$(sed -n "s/.*<${BASH_REMATCH[1]}>\(.*\)<\/${BASH_REMATCH[1]}>.*/\1/p" "$props")
  fi
  [ -n "$value" ] || { echo "readme blocks: the README names $1, which Directory.Packages.props does not pin" >&2; exit 1; }
  echo "$value"
}

mkdir -p "$work"
cp "$nuget_config" "$work/nuget.config"
(cd "$work" && dotnet new sln -n ReadmeBlocks --format slnx >/dev/null)
count=0
for readme in README.md $(cd "$repo" && ls docs/*.md) src/LivePersonEscalation/PACKAGE.md src/LivePersonEscalation.Availability/README.md src/LivePersonEscalation.Redis/README.md src/LivePersonEscalation.Testing/README.md; do
  # One file per C# block (its opening line in the name), and beside it the packages named before it.
  mkdir -p "$work/extracted"
  awk -v prefix="$work/extracted/$(tr -c 'A-Za-z0-9\n' '_' <<<"$readme")" '
    !inside && /^```csharp$/ { inside = 1; file = prefix "_" NR; next }
    inside && /^```$/ { inside = 0; close(file ".cs"); print named > (file ".packages"); close(file ".packages"); next }
    inside { print > (file ".cs"); next }
    { while (match($0, /dotnet add package [A-Za-z0-9_.-]+/)) { named = named " " substr($0, RSTART + 19, RLENGTH - 19); $0 = substr($0, RSTART + RLENGTH) } }
  ' "$repo/$readme"
done

for block in "$work"/extracted/*.cs; do
  name=$(basename "$block" .cs)
  if grep -q '\[Fact' "$block"; then template=xunit
  elif grep -q 'Host.CreateApplicationBuilder' "$block"; then template=worker
  else template=console
  fi

  project="$work/$name"
  (cd "$work" && dotnet new "$template" -n "$name" -o "$name" >/dev/null)
  rm -f "$project/Worker.cs" "$project/UnitTest1.cs"
  cp "$block" "$project/$([ "$template" = xunit ] && echo ReadmeTests.cs || echo Program.cs)"
  for package in $(tr ' ' '\n' < "$work/extracted/$name.packages" | sort -u); do
    case "$package" in
      LivePersonEscalation*) package_version="$version" ;;
      *) package_version=$(pinned_version "$package") ;;
    esac
    (cd "$project" && dotnet add package "$package" --version "$package_version" --no-restore >/dev/null)
  done
  (cd "$work" && dotnet sln add "$name/$name.csproj" >/dev/null)
  count=$((count + 1))
done

log="$work/build.log"
(cd "$work" && dotnet build ReadmeBlocks.slnx -nologo -p:TreatWarningsAsErrors=true -p:NuGetAudit=false) >"$log" 2>&1 \
  || { grep -E 'error|warning' "$log" | sort -u >&2; echo "readme blocks: a README block does not build as written" >&2; exit 1; }
echo "package check: all $count C# blocks of the READMEs, each pasted into a fresh dotnet new project of its template with the packages named before it, build with warnings as errors"
