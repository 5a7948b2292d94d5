# Installing npemu the way C and C++ projects expect: headers, libnpemu.so and
# libnpemu_static.a, npnet, a CMake package (find_package(npemu CONFIG) →
# npemu::npemu, npemu::npemu_static) and npemu.pc; and a .deb through CPack.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/core/include/npemu
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT devel FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")

# Components, one Debian package each (cmake/NpemuDebian.cmake): runtime (libnpemu0:
# the shared library and its helper), devel (libnpemu-dev), npnet (the tool and its docs).
install(TARGETS npemu EXPORT npemuTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_SKIP COMPONENT runtime
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT devel)
install(TARGETS npemu LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_ONLY COMPONENT devel)
# The static library's own dependencies are found again by npemuConfig.cmake, and
# listed for pkg-config --static in npemu.pc (Libs.private / Requires.private).
# Not on Windows: it needs the mingw builds of Boost and SQLite, which a consumer lacks;
# libnpemu.dll has them inside.
if(NOT WIN32)
  install(TARGETS npemu_static ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT devel)
endif()
if(WIN32)
  # bin\: libnpemu.dll, npemu_wnet.dll (library mode, npemu::npemu_wnet) and the provider
  # DLL npemu_np.dll beside npnet.exe (`npnet provider install` takes it from there);
  # lib\: the import libraries. All of them import only system DLLs.
  install(TARGETS npemu_wnet EXPORT npemuTargets
          RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT devel)
  install(TARGETS npemu_np RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
endif()
if(TARGET npnet)
  # Installed beside lib/: npnet finds libnpemu from any prefix.
  set_target_properties(npnet PROPERTIES INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}")
  install(TARGETS npnet RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT npnet)
endif()

# The licence (MIT); the Debian packages carry it as each one's copyright (NpemuDebian.cmake).
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)

set(NPEMU_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/npemu)
install(EXPORT npemuTargets NAMESPACE npemu:: DESTINATION ${NPEMU_CMAKE_DIR} COMPONENT devel)
# What a static link needs beside the archive: plain library names (no imported
# targets, so the consumer needs no find_package of its own), and pkg-config's.
get_property(NPEMU_INSTALL_BACKEND_LIBS GLOBAL PROPERTY NPEMU_BACKEND_LIBS)
set(NPEMU_CONFIG_STATIC_LINK boost_filesystem sqlite3 tomlplusplus)
foreach(lib ${NPEMU_INSTALL_BACKEND_LIBS})
  if(lib STREQUAL "PkgConfig::SMBCLIENT")
    list(APPEND NPEMU_CONFIG_STATIC_LINK smbclient)
  elseif(lib STREQUAL "PkgConfig::LIBMOUNT")
    list(APPEND NPEMU_CONFIG_STATIC_LINK mount)
  elseif(lib STREQUAL "PkgConfig::LIBBPF")
    list(APPEND NPEMU_CONFIG_STATIC_LINK bpf)
  endif()
endforeach()
list(APPEND NPEMU_CONFIG_STATIC_LINK stdc++ pthread)
if(WIN32)
  set(NPEMU_CONFIG_STATIC_LINK "")  # no static library installed (above): nothing to list
endif()
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/npemuConfig.cmake.in
  ${PROJECT_BINARY_DIR}/install-config/npemuConfig.cmake INSTALL_DESTINATION ${NPEMU_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/npemuConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/install-config/npemuConfig.cmake ${PROJECT_BINARY_DIR}/npemuConfigVersion.cmake
        DESTINATION ${NPEMU_CMAKE_DIR} COMPONENT devel)

# The build tree as a package too (-Dnpemu_DIR=<build>): the same targets, exported
# where they were built, beside a config that needs no install.
export(EXPORT npemuTargets NAMESPACE npemu:: FILE ${PROJECT_BINARY_DIR}/npemuTargets.cmake)
set(NPEMU_STATIC_FILE "")
if(NOT WIN32)
  set(NPEMU_STATIC_FILE "$<TARGET_FILE:npemu_static>")
endif()
configure_file(${CMAKE_CURRENT_LIST_DIR}/npemuBuildTreeConfig.cmake.in
  ${PROJECT_BINARY_DIR}/npemuBuildTreeConfig.cmake.gen @ONLY)
file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/npemuConfig.cmake
     INPUT ${PROJECT_BINARY_DIR}/npemuBuildTreeConfig.cmake.gen)

# pkg-config: the static link needs what libnpemu links privately.
# Plain -l flags, not Requires.private: the consumer needs no other .pc file.
list(TRANSFORM NPEMU_CONFIG_STATIC_LINK PREPEND "-l" OUTPUT_VARIABLE NPEMU_PC_LIBS_PRIVATE)
list(JOIN NPEMU_PC_LIBS_PRIVATE " " NPEMU_PC_LIBS_PRIVATE)
# Relocatable: the prefix is found from where npemu.pc lies (a prefix, the .deb's /usr).
file(RELATIVE_PATH NPEMU_PC_UP /x/${CMAKE_INSTALL_LIBDIR}/pkgconfig /x)
configure_file(${CMAKE_CURRENT_LIST_DIR}/npemu.pc.in ${PROJECT_BINARY_DIR}/npemu.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/npemu.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT devel)
configure_file(${CMAKE_CURRENT_LIST_DIR}/npemu-uninstalled.pc.in ${PROJECT_BINARY_DIR}/npemu-uninstalled.pc @ONLY)

if(WIN32)
  return()  # the .deb is Linux's
endif()

include(NpemuDebian)
