# Run by `cmake --install` (cmake/HakoInstall.cmake) with hako_binaries (paths
# under the prefix) and hako_objcopy set: each binary's debug information goes
# to .debug/NAME.debug beside it, and the binary keeps a link to that file.
set(root "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}")
foreach(binary IN LISTS hako_binaries)
    cmake_path(GET binary PARENT_PATH dir)
    cmake_path(GET binary FILENAME name)
    set(debug "${root}/${dir}/.debug/${name}.debug")
    file(MAKE_DIRECTORY "${root}/${dir}/.debug")
    execute_process(COMMAND ${hako_objcopy} --only-keep-debug "${root}/${binary}" "${debug}"
                    COMMAND_ERROR_IS_FATAL ANY)
    execute_process(COMMAND ${hako_objcopy} --strip-debug --add-gnu-debuglink=${debug} "${root}/${binary}"
                    COMMAND_ERROR_IS_FATAL ANY)
    message(STATUS "Debug information: ${debug}")
endforeach()
