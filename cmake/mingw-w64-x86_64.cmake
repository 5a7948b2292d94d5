# CMake toolchain file: cross-compile npemu for 64-bit Windows with Debian's mingw-w64
# (posix-threads g++, so std::thread / std::mutex work) and run the results under Wine.
#
#   scripts/bootstrap-windows            # toolchain, Wine, and build/deps/mingw (Boost, SQLite)
#   cmake -S . -B build/win -G Ninja -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake
#   cmake --build build/win && ctest --test-dir build/win   # tests run through Wine
#
# Cache variables:
#   NPEMU_MINGW_DEPS   prefix of the cross-built deps (default: <repo>/build/deps/mingw)
#   NPEMU_WINEPREFIX   WINEPREFIX the tests run in (default: <repo>/build/wineprefix; created on
#                      first use by scripts/wine-prefix)
# Paths default relative to this file, not to CMAKE_SOURCE_DIR, so that they are also right in
# try_compile() projects and in standalone projects that use this toolchain (win32/smoke).

set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(NPEMU_MINGW_TRIPLET x86_64-w64-mingw32)
get_filename_component(_npemu_repo "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)

find_program(CMAKE_C_COMPILER NAMES ${NPEMU_MINGW_TRIPLET}-gcc-posix REQUIRED)
find_program(CMAKE_CXX_COMPILER NAMES ${NPEMU_MINGW_TRIPLET}-g++-posix REQUIRED)
find_program(CMAKE_RC_COMPILER NAMES ${NPEMU_MINGW_TRIPLET}-windres)
# The gcc-ar wrappers of the same variant, so that -flto archives would work too.
find_program(CMAKE_AR NAMES ${NPEMU_MINGW_TRIPLET}-gcc-ar-posix ${NPEMU_MINGW_TRIPLET}-ar)
find_program(CMAKE_RANLIB NAMES ${NPEMU_MINGW_TRIPLET}-gcc-ranlib-posix ${NPEMU_MINGW_TRIPLET}-ranlib)

set(NPEMU_MINGW_DEPS "${_npemu_repo}/build/deps/mingw" CACHE PATH
    "Prefix of the mingw-w64 builds of Boost and SQLite (scripts/bootstrap-windows)")
set(NPEMU_WINEPREFIX "${_npemu_repo}/build/wineprefix" CACHE PATH
    "WINEPREFIX for running cross-built programs (made by scripts/wine-prefix)")
# Carry the (possibly user-set) values into try_compile()/try_run() projects.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES NPEMU_MINGW_DEPS NPEMU_WINEPREFIX)

# Search headers, libraries and package configs only in the mingw sysroot and the deps prefix;
# programs (code generators, the emulator) come from the build machine.
set(CMAKE_FIND_ROOT_PATH "/usr/${NPEMU_MINGW_TRIPLET}" "${NPEMU_MINGW_DEPS}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# Static deps only: prefer lib*.a over import libraries when both exist.
set(CMAKE_FIND_LIBRARY_SUFFIXES .a .dll.a .lib)
# The deps are static and built with runtime-link=shared (gcc's runtime is linked statically
# below, at the final link, for every target).
set(Boost_USE_STATIC_LIBS ON CACHE BOOL "")

# mingw-w64's npapi.h declares NPAddConnection3 with LPTSTR: only with UNICODE does it match the
# NP signature (DESIGN.md, "Windows under Wine"). _WIN32_WINNT: Windows 7 and later.
add_compile_definitions(UNICODE _UNICODE _WIN32_WINNT=0x0601)

# Link the GCC runtime, libstdc++ and winpthread statically: the exes and DLLs then need no
# mingw DLLs next to them, under Wine or on Windows. `-static` makes the linker take
# libwinpthread.a rather than libwinpthread.dll.a; the system libraries (kernel32, mpr, ...)
# are import archives either way, so they still bind to the system's DLLs.
set(_npemu_static_rt "-static -static-libgcc -static-libstdc++")
set(CMAKE_EXE_LINKER_FLAGS_INIT "${_npemu_static_rt}")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "${_npemu_static_rt}")
set(CMAKE_MODULE_LINKER_FLAGS_INIT "${_npemu_static_rt}")

# Run cross-built programs (add_test, try_run, custom commands using the target file) under
# 64-bit Wine in the project's throw-away prefix; scripts/wine-prefix creates it on first use
# and execs the Wine loader with the arguments unchanged.
set(CMAKE_CROSSCOMPILING_EMULATOR
    "${_npemu_repo}/scripts/wine-prefix;--run;--prefix;${NPEMU_WINEPREFIX};--")
