#!/usr/bin/env pwsh
# Thin wrapper: every behaviour lives in the C# command; this only forwards the arguments to it.
#   ./run-conformance.ps1 run --report out
#   ./run-conformance.ps1 certify connector --manifest connector.json
$project = Join-Path $PSScriptRoot 'harness/Conformance.Cli'
& dotnet run --project $project -- @args
exit $LASTEXITCODE
