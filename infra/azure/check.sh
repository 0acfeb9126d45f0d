#!/usr/bin/env bash
# Compiles and lints the Azure templates under infra/azure with the Bicep CLI, and fails on any diagnostic.
#
#   infra/azure/check.sh        (from any folder; needs only the .NET SDK)
#
# 1. Restores infra/azure/tools/bicep.csproj, which downloads the NuGet package Azure.Bicep.CommandLine.linux-x64
#    (the bicep binary) into the NuGet global packages folder.
# 2. Every .bicep file: 'bicep build' (into a temporary folder, never into the repository) and 'bicep lint'.
#    Every .bicepparam file: 'bicep build-params' (the values against main.bicep's declarations and decorators).
# 3. Fails when a command fails or when any output line is a warning or an error (': Warning ...' / ': Error ...'
#    as bicep prints them, ': warning NU....' as NuGet does). Bicep reports type problems as warnings and still
#    exits 0, so the exit code alone proves nothing.
#
# The linter rules and their levels are in bicepconfig.json beside this script.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly here
readonly bicep_version="0.49.2"
readonly tool_project="$here/tools/bicep.csproj"

work="$(mktemp -d)"
readonly work
trap 'rm -rf "$work"' EXIT

failures=0
checked=0
log="$work/all.log"
: >"$log"

# run LABEL COMMAND...: runs the command, keeps its output (stdout and stderr) in the log under LABEL, and counts a
# failure when it exits non-zero.
run() {
  local label="$1"
  shift
  local out="$work/step.out"
  local status=0
  "$@" >"$out" 2>&1 || status=$?
  {
    printf '### %s\n' "$label"
    cat "$out"
  } >>"$log"
  if ((status != 0)); then
    failures=$((failures + 1))
    printf 'FAILED (exit %d): %s\n' "$status" "$label" >&2
    sed 's/^/    /' "$out" >&2
  fi
  checked=$((checked + 1))
}

# 1. The bicep binary, from NuGet.
run "dotnet restore tools/bicep.csproj" dotnet restore "$tool_project" -nologo -v q
if ((failures > 0)); then
  echo "check.sh: could not restore the Bicep CLI package" >&2
  exit 1
fi

# The global packages folder (NUGET_PACKAGES when set, else ~/.nuget/packages, or what a NuGet.config says).
packages="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
packages="${packages:-${NUGET_PACKAGES:-$HOME/.nuget/packages}}"
packages="${packages%/}"
bicep="$packages/azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"
if [[ ! -f "$bicep" ]]; then
  echo "check.sh: no bicep binary at $bicep after the restore" >&2
  exit 1
fi
if [[ ! -x "$bicep" ]]; then
  # NuGet extraction can drop the executable bit; fix it in place, or run a copy when the cache is read-only.
  if ! chmod +x "$bicep" 2>/dev/null; then
    cp "$bicep" "$work/bicep"
    chmod +x "$work/bicep"
    bicep="$work/bicep"
  fi
fi

# 2. Every template and parameters file under infra/azure. One bicep process per command over a glob: each start
#    of the single-file binary costs about 3 s, so file by file would take over a minute; diagnostics name their file
#    either way. The file lists are only for the counts below (a glob that matched nothing would pass silently).
mapfile -t templates < <(find "$here" -name '*.bicep' -not -path "$here/tools/*" | sort)
mapfile -t parameter_files < <(find "$here" -name '*.bicepparam' -not -path "$here/tools/*" | sort)
if ((${#templates[@]} == 0 || ${#parameter_files[@]} == 0)); then
  echo "check.sh: no .bicep or .bicepparam files found under $here" >&2
  exit 1
fi

mkdir -p "$work/templates" "$work/parameters"
run "bicep build (every .bicep)" "$bicep" build --pattern "$here/**/*.bicep" --outdir "$work/templates"
run "bicep lint (every .bicep)" "$bicep" lint --pattern "$here/**/*.bicep"
# DUMMY VALUES, for this compile check only: the parameters files read their secrets with readEnvironmentVariable(),
# which is a compile error when the variable is unset. These placeholders (long enough for the templates' @minLength;
# 64 hex digits is the shape of one API key hash) replace whatever the caller's environment holds, so a real secret
# never reaches the compiled output, which goes to the temporary folder and is deleted.
run "bicep build-params (every .bicepparam)" env \
  BASIS_POSTGRES_ADMIN_PASSWORD="dummy-for-compile-check-only" \
  BASIS_API_KEY_HASHES="0000000000000000000000000000000000000000000000000000000000000000" \
  "$bicep" build-params --pattern "$here/**/*.bicepparam" --outdir "$work/parameters"

# Every file found was compiled (the globs and find agree).
built_templates="$(find "$work/templates" -name '*.json' | wc -l)"
built_parameters="$(find "$work/parameters" -name '*.json' | wc -l)"
if ((built_templates != ${#templates[@]} || built_parameters != ${#parameter_files[@]})); then
  failures=$((failures + 1))
  printf 'check.sh: compiled %d of %d templates and %d of %d parameters files\n' \
    "$built_templates" "${#templates[@]}" "$built_parameters" "${#parameter_files[@]}" >&2
fi

# 3. Any warning or error in any output fails the check.
diagnostics="$work/diagnostics"
grep -Ei ':[[:space:]]*(warning|error)\b' "$log" | awk '!seen[$0]++' >"$diagnostics" || true
if [[ -s "$diagnostics" ]]; then
  echo "check.sh: warnings or errors:" >&2
  cat "$diagnostics" >&2
  failures=$((failures + $(wc -l <"$diagnostics")))
fi

if ((failures > 0)); then
  echo "check.sh: FAILED (${#templates[@]} templates, ${#parameter_files[@]} parameters files, $checked commands)" >&2
  exit 1
fi
echo "check.sh: OK: ${#templates[@]} templates built and linted, ${#parameter_files[@]} parameters files built, no warnings (bicep $bicep_version)"
