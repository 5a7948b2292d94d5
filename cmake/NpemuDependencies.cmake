# Finds what libnpemu links and sets NPEMU_PRIVATE_LIBS.
find_package(Boost 1.74 REQUIRED COMPONENTS filesystem)
find_package(SQLite3 REQUIRED)
find_package(Threads REQUIRED)
find_package(tomlplusplus CONFIG QUIET)
if(NOT TARGET tomlplusplus::tomlplusplus)
  # No compiled toml++ (the mingw build): use it header-only.
  find_path(TOMLPP_INCLUDE_DIR toml++/toml.h REQUIRED
            PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH)  # header-only: the host's serves
  if(CMAKE_CROSSCOMPILING AND TOMLPP_INCLUDE_DIR MATCHES "^/usr/include/?$")
    # The build machine's header serves the cross build, but not through -isystem /usr/include
    # (glibc's headers would shadow mingw-w64's): a directory holding only toml++.
    file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/host-headers)
    file(CREATE_LINK ${TOMLPP_INCLUDE_DIR}/toml++ ${CMAKE_BINARY_DIR}/host-headers/toml++ SYMBOLIC)
    set(TOMLPP_INCLUDE_DIR ${CMAKE_BINARY_DIR}/host-headers)
  endif()
  add_library(tomlplusplus_header INTERFACE)
  target_include_directories(tomlplusplus_header SYSTEM INTERFACE ${TOMLPP_INCLUDE_DIR})
  target_compile_definitions(tomlplusplus_header INTERFACE TOML_HEADER_ONLY=1)
  add_library(tomlplusplus::tomlplusplus ALIAS tomlplusplus_header)
endif()
set(NPEMU_PRIVATE_LIBS Boost::filesystem SQLite::SQLite3 tomlplusplus::tomlplusplus Threads::Threads)
