#!/usr/bin/env bash
# Install the Debian packages listed in debian-packages.txt (as root), or say which are missing.
set -euo pipefail
list="${1:-debian-packages.txt}"
missing=()
while read -r pkg; do
    pkg="${pkg%%#*}"; pkg="${pkg// /}"
    [ -n "$pkg" ] || continue
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done < "$list"
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
    echo "Faltan paquetes del sistema (instálelos con su gestor): ${missing[*]}" >&2
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    echo "Instalando paquetes de Debian: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
    echo "Faltan paquetes de Debian; ejecute como root: apt-get install ${missing[*]}" >&2
fi
