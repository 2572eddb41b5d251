#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring, so the tests
# use a real Secret Service (DESIGN §9) without touching the keyring of the person running them.
set -euo pipefail

if [ "${KLUIS_TEST_KEYRING:-}" != "running" ]; then
  command -v dbus-run-session >/dev/null || { echo "dbus-run-session is missing: install the 'dbus' package" >&2; exit 1; }
  command -v gnome-keyring-daemon >/dev/null || { echo "gnome-keyring-daemon is missing: install the 'gnome-keyring' package" >&2; exit 1; }
  export KLUIS_TEST_KEYRING=running
  exec dbus-run-session -- bash "$0" "$@"
fi

scratch=$(mktemp -d /tmp/kluis-test-keyring.XXXXXX)
chmod 700 "$scratch"
trap 'rm -rf "$scratch"' EXIT
# The keyring files and the daemon's socket live in the scratch folder, not in $HOME.
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
# A throwaway keyring password: this keyring only ever holds test items and is deleted on exit.
eval "$(printf 'kluis-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
