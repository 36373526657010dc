#!/usr/bin/env bash
# setup.sh - installs what the project needs on Debian 12 and builds it.
# Idempotent: installs only what is missing; safe to run again.
#   Debian packages: emscripten (WASM toolchain), chromium, firefox-esr and
#   webkit2gtk-driver + xvfb + xauth (browser tests), gcc/make/python3 (native
#   tests), clang-14 + libclang-rt-14-dev (the 64-bit libFuzzer targets; the
#   32-bit checks are emscripten's wasm32 sanitizer builds, run in Node),
#   python3-torch (PyTorch parity test and bench peer); npm packages from
#   package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=()
command -v emcc >/dev/null 2>&1 || need_pkgs+=(emscripten)
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_pkgs+=(chromium)
# Firefox ESR for the Firefox browser tests (driven by puppeteer-core over WebDriver BiDi)
[ -x /usr/bin/firefox-esr ] || need_pkgs+=(firefox-esr)
# WebKit (Safari's engine) for the WebKit browser tests: WebKitWebDriver drives MiniBrowser under Xvfb
command -v WebKitWebDriver >/dev/null 2>&1 || need_pkgs+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null 2>&1 || need_pkgs+=(xvfb)
command -v xauth >/dev/null 2>&1 || need_pkgs+=(xauth)
command -v gcc >/dev/null 2>&1 || need_pkgs+=(gcc)
command -v make >/dev/null 2>&1 || need_pkgs+=(make)
command -v python3 >/dev/null 2>&1 || need_pkgs+=(python3)
command -v node >/dev/null 2>&1 || need_pkgs+=(nodejs npm)
# PyTorch (Debian's build, for /usr/bin/python3): the export parity test and the bench's peer
/usr/bin/python3 -c 'import torch' >/dev/null 2>&1 || need_pkgs+=(python3-torch)
# OpenBLAS for Debian's torch/numpy: with only the reference libblas3 the bench's peers are ~25x slow
[ -e /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 ] || [ "$(dpkg --print-architecture)" != amd64 ] || need_pkgs+=(libopenblas0-pthread)
# the 64-bit libFuzzer targets (the 32-bit checks need nothing more than emscripten)
command -v clang-14 >/dev/null 2>&1 || need_pkgs+=(clang-14)
compgen -G '/usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a' >/dev/null || need_pkgs+=(libclang-rt-14-dev)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "setup: installing ${need_pkgs[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then echo "setup: Node >= 20 is required (found $(node --version))" >&2; exit 1; fi

# npm dependencies, exactly as locked; reinstalled only when the lock changed
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.setup-lock; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.setup-lock
fi

# builds: everything generated (the WASM modules, then web/gen and web/vendor:
# `make generated`, deterministic) and the native bench binary
make -s generated native >/dev/null
echo "setup: ok" >&2
