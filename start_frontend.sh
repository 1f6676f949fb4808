#!/usr/bin/env bash
# The page is served by the API itself: start it and say where to look.
set -euo pipefail
cd "$(dirname "$0")"
echo "PersonalMem web page: http://localhost:${PORT:-8888}/   (API docs: http://localhost:${PORT:-8888}/docs)"
exec ./start_api.sh "$@"
