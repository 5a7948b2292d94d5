# cmake -P: installs the mingw build into a throw-away prefix, then configures, builds
# (with the same mingw-w64 toolchain) and runs, under Wine, a consumer that knows the
# prefix only through find_package(npemu CONFIG).
#   -DBUILD_DIR=... -DSOURCE_DIR=<consumer> -DWORK=<dir> -DTOOLCHAIN=... -DWINEPREFIX_DIR=...
#   -DEMULATOR=<;-list>
foreach(v BUILD_DIR SOURCE_DIR WORK TOOLCHAIN WINEPREFIX_DIR EMULATOR)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "install_consumer.cmake: -D${v}= is missing")
  endif()
endforeach()

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "FAIL: ${what} (exit ${rc})\n${out}\n${err}")
  endif()
  set(RUN_OUTPUT "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK})
set(prefix ${WORK}/prefix)
run("cmake --install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})

# What a Windows consumer gets.
foreach(f bin/libnpemu.dll bin/npemu_np.dll bin/npemu_wnet.dll bin/npnet.exe lib/libnpemu.dll.a
          lib/libnpemu_wnet.dll.a include/npemu/npapi.h include/npemu/winnetwk.h include/npemu/npemu.h
          lib/cmake/npemu/npemuConfig.cmake lib/cmake/npemu/npemuTargets.cmake)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "FAIL: the prefix lacks ${f}")
  endif()
endforeach()
# Boost and SQLite are inside the DLLs: the package must not ask the consumer for them.
file(GLOB package_files ${prefix}/lib/cmake/npemu/*.cmake)
foreach(f ${package_files})
  file(READ ${f} text)
  if(text MATCHES "Boost|boost_|SQLite|sqlite3|find_dependency")
    message(FATAL_ERROR "FAIL: ${f} asks the consumer for a dependency: ${CMAKE_MATCH_0}")
  endif()
endforeach()

# Configure as a consumer does; npemu_DIR, because the cross toolchain confines package
# lookups to the mingw sysroot (CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY).
run("configure the consumer" ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK}/build -G Ninja
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_TOOLCHAIN_FILE=${TOOLCHAIN}
    -DNPEMU_WINEPREFIX=${WINEPREFIX_DIR} -Dnpemu_DIR=${prefix}/lib/cmake/npemu)
run("build the consumer" ${CMAKE_COMMAND} --build ${WORK}/build)
run("run the consumer under Wine" ${EMULATOR} ${WORK}/build/consumer.exe)
message("${RUN_OUTPUT}")
if(NOT RUN_OUTPUT MATCHES "consumer ok")
  message(FATAL_ERROR "FAIL: the consumer did not say 'consumer ok'")
endif()
file(REMOVE_RECURSE ${WORK})
message("install_consumer: all ok")
