# cpack -G DEB (in the build tree): the Debian packages, the way Debian splits a
# library:
#   libnpemu0     the shared library (and npemu-smbfs, its FUSE helper)
#   libnpemu-dev  headers, the static library, the CMake package, npemu.pc
#   npnet         the tool, its manual pages, bash completion and systemd user unit
# each with its copyright (LICENSE) and changelog, stripped, with the debug symbols
# in -dbgsym packages. ctest install_deb runs lintian on them and installs them.
if(WIN32)
  return()
endif()

set(NPEMU_DEB_MAINTAINER "The npemu authors <npemu@example.org>")
set(NPEMU_DEB_PACKAGES libnpemu0 libnpemu-dev npnet)
set(NPEMU_DEB_COMPONENTS runtime devel npnet)

# /usr/share/doc/PACKAGE/{copyright,changelog.gz} for each package: Debian wants both.
# A native package's changelog, compressed as dpkg expects (gzip -9n: no name, no time).
string(TIMESTAMP NPEMU_DEB_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
configure_file(${CMAKE_CURRENT_LIST_DIR}/debian-changelog.in ${PROJECT_BINARY_DIR}/debian/changelog @ONLY)
find_program(NPEMU_GZIP gzip REQUIRED)
add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/debian/changelog.gz
  COMMAND ${NPEMU_GZIP} -9nkf ${PROJECT_BINARY_DIR}/debian/changelog
  DEPENDS ${PROJECT_BINARY_DIR}/debian/changelog)
add_custom_target(debian_changelog ALL DEPENDS ${PROJECT_BINARY_DIR}/debian/changelog.gz)
foreach(pkg component IN ZIP_LISTS NPEMU_DEB_PACKAGES NPEMU_DEB_COMPONENTS)
  install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${pkg}
          RENAME copyright COMPONENT ${component})
  install(FILES ${PROJECT_BINARY_DIR}/debian/changelog.gz DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${pkg}
          COMPONENT ${component})
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME npemu)
set(CPACK_PACKAGE_VENDOR "npemu")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${NPEMU_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${NPEMU_DEB_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL ${NPEMU_DEB_COMPONENTS})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/npemu/npemu")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)       # Depends: from dpkg-shlibdeps (dpkg-dev)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${PROJECT_BINARY_DIR})
set(CPACK_DEBIAN_DEBUGINFO_PACKAGE ON)       # stripped, symbols in PACKAGE-dbgsym
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON) # libnpemu-dev and npnet depend on libnpemu0 (= version)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME libnpemu0)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)  # libnpemu0's shlibs file
# The ldconfig trigger Debian wants of a shared library package (cpack itself only
# writes postinst/postrm calling ldconfig, which lintian warns of but accepts).
file(WRITE ${PROJECT_BINARY_DIR}/debian/triggers "activate-noawait ldconfig\n")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_CONTROL_EXTRA ${PROJECT_BINARY_DIR}/debian/triggers)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION "Windows network provider API (NP*/WNet*) on Linux - library
npemu is the Windows Network Provider API (NPAddConnection3,
NPCancelConnection, NPGetConnection, ...) and the Multiple Provider Router's
WNet API, made real on Linux: drive letters and deviceless connections to
shares served from local directories, bind mounts or SMB servers, with
Windows' cancel rules (a connection with open files is refused unless forced).
.
This package holds the shared library and its FUSE helper for SMB drives.")

set(CPACK_DEBIAN_DEVEL_PACKAGE_NAME libnpemu-dev)
set(CPACK_DEBIAN_DEVEL_PACKAGE_SECTION libdevel)
set(CPACK_COMPONENT_DEVEL_DEPENDS runtime)
set(CPACK_COMPONENT_DEVEL_DESCRIPTION "Windows network provider API (NP*/WNet*) on Linux - development files
npemu is the Windows Network Provider API and the Multiple Provider Router's
WNet API on Linux, so that a program written against npapi.h and winnetwk.h
builds unchanged.
.
This package holds the headers (C and a C++17 face), the static library, the
CMake package (find_package(npemu)) and the pkg-config file.")

set(CPACK_DEBIAN_NPNET_PACKAGE_NAME npnet)
set(CPACK_DEBIAN_NPNET_PACKAGE_SECTION net)
set(CPACK_COMPONENT_NPNET_DEPENDS runtime)
set(CPACK_COMPONENT_NPNET_DESCRIPTION "connect and disconnect network shares like Windows' net use
npnet does what net use does on Windows, over npemu: it connects drive
letters, printer ports and deviceless connections to shares, lists them,
remembers them and restores them at login, and refuses to disconnect a share
whose files are open unless told to force it.
.
This package holds npnet, its manual pages, its bash completion and a systemd
user unit that runs npnet restore at login.")
include(CPack)
