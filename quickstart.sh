#!/usr/bin/env bash
# hvsim quick start, for a fresh Debian 12 machine (run as root):
#   ./quickstart.sh demo   install what is missing, build, run the demo
#   ./quickstart.sh test   install what is missing, build, run every test
# Installing twice is a no-op: apt is only called for missing packages.
set -euo pipefail

cd "$(dirname "$0")"
BUILD_DIR=${BUILD_DIR:-build}
PACKAGES=(
    build-essential cmake ninja-build pkg-config clang-format
    gcc-sparc64-linux-gnu binutils-sparc64-linux-gnu
    libunicorn-dev libxml2-dev libelf-dev libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev fonts-dejavu-core libcmocka-dev
    qemu-system-sparc gdb-multiarch python3 groff-base libmd-dev clang libclang-rt-dev libcapstone-dev libdw-dev
)

install_missing_packages() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "quickstart: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
    cmake -S . -B "$BUILD_DIR" -G Ninja
    cmake --build "$BUILD_DIR"
}

demo() {
    echo "== hvsim bench paper --case 1 --mafs 3 (the LEON3 paper's case 1, 3 major frames)"
    "$BUILD_DIR/sim/hvsim" bench paper --case 1 --mafs 3 --build-dir "$BUILD_DIR" \
        --paper-dir scenarios/paper
}

run_tests() {
    cmake --build "$BUILD_DIR" --target format-check
    (cd "$BUILD_DIR" && ctest --output-on-failure -j"$(nproc)")
}

case "${1:-}" in
demo) install_missing_packages && build && demo ;;
test) install_missing_packages && build && run_tests ;;
*)
    echo "usage: $0 demo|test" >&2
    exit 2
    ;;
esac
