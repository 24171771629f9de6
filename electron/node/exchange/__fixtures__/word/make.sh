#!/usr/bin/env bash
# Makes the Word fixtures from their flat ODF sources with LibreOffice (a real word processor writes
# the tracked changes and comments); the .docx files are committed so tests need no LibreOffice.
# Run from anywhere: electron/node/exchange/__fixtures__/word/make.sh
set -euo pipefail
cd "$(dirname "$0")"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for source in *.fodt; do
  soffice -env:UserInstallation="file://$profile" --headless --convert-to docx:"MS Word 2007 XML" --outdir . "$source" >/dev/null
done
ls -l ./*.docx
