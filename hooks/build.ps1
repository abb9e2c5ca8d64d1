# ask-cli v2 custom build hook for Windows, doing what hooks/build.sh does elsewhere. On win32 ask-cli
# looks for hooks/build.ps1 instead of build.sh; without it, it falls back to zipping lambda/ as it is,
# raw TypeScript that Lambda cannot start. ask-cli runs (lib/builtins/build-flows/custom.js):
#   PowerShell.exe -Command "& {& 'hooks\build.ps1' '<zip file to write>' $False }"
# from its copy of lambda/ under .ask\. We build from the repository root: validate content, bundle
# with esbuild, then zip build\lambda\ (index.js + source map) into that file.
param(
    [Parameter(Mandatory = $true)][string]$OutFile,
    [bool]$DoDebug = $false
)
$ErrorActionPreference = 'Stop'
# A relative zip path means relative to where ask-cli ran us, not to the repository root.
if (-not [System.IO.Path]::IsPathRooted($OutFile)) { $OutFile = Join-Path (Get-Location).Path $OutFile }
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root
if ($DoDebug) { Set-PSDebug -Trace 1 }
# npm and npx are batch files on Windows: a failure shows in $LASTEXITCODE, not as an exception.
if (-not (Test-Path 'node_modules')) {
    npm ci --no-audit --no-fund
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}
npx tsx tools/package-lambda.ts "$OutFile"
exit $LASTEXITCODE
