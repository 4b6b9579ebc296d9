#!/usr/bin/env bash
# Installs libyaml's development files and pkg-config, and libxml2 (which Foundation's XML parser, used to read
# .xlsx workbooks, loads at run time), from Debian's packages when they are missing.
# Sourced by scripts/run-samples.sh and .ci/run.
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists yaml-0.1; then
    echo "installing libyaml-dev and pkg-config (apt-get)" >&2
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update
    $SUDO apt-get install -y libyaml-dev pkg-config
fi
if ! ldconfig -p 2>/dev/null | grep -q 'libxml2\.so\.2'; then
    echo "installing libxml2 (apt-get)" >&2
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update
    $SUDO apt-get install -y libxml2
fi
# SQLite's development files: the web workbench's store (GRDB) links the system's SQLite.
if ! { [ -f /usr/include/sqlite3.h ] || pkg-config --exists sqlite3 2>/dev/null; }; then
    echo "installing libsqlite3-dev (apt-get)" >&2
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update
    $SUDO apt-get install -y libsqlite3-dev
fi
