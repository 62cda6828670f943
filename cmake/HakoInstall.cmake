# Installation layout and the CMake package a host uses: find_package(Hako)
# gives Hako::Interface (headers + the small library carrying ToolCall),
# Hako::Plugin (an imported module whose location is the installed plugin) and
# HAKO_* variables naming the installed plugin, agent, host, policies and
# translations.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(HAKO_INSTALL_PLUGINDIR ${CMAKE_INSTALL_LIBDIR}/hako/plugins)
set(HAKO_INSTALL_AGENTDIR ${CMAKE_INSTALL_LIBEXECDIR}/hako)
set(HAKO_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/hako)
set(HAKO_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/Hako)
set(HAKO_INSTALL_DOCDIR ${CMAKE_INSTALL_DATAROOTDIR}/doc/hako)

# The installed programs find each other by relative path, so that a tree
# installed under any prefix (or moved whole) keeps working.
function(hako_relative_path out from to)
    cmake_path(ABSOLUTE_PATH from BASE_DIRECTORY ${CMAKE_INSTALL_PREFIX})
    cmake_path(ABSOLUTE_PATH to BASE_DIRECTORY ${CMAKE_INSTALL_PREFIX})
    file(RELATIVE_PATH path ${from} ${to})
    set(${out} ${path} PARENT_SCOPE)
endfunction()
hako_relative_path(agent_from_plugin ${HAKO_INSTALL_PLUGINDIR} ${HAKO_INSTALL_AGENTDIR}/hako-agent)
hako_relative_path(plugin_from_interface ${CMAKE_INSTALL_LIBDIR} ${HAKO_INSTALL_PLUGINDIR}/${HAKO_PLUGIN_FILE})
hako_relative_path(libdir_from_plugin ${HAKO_INSTALL_PLUGINDIR} ${CMAKE_INSTALL_LIBDIR})
hako_relative_path(libdir_from_host ${CMAKE_INSTALL_BINDIR} ${CMAKE_INSTALL_LIBDIR})
target_compile_definitions(hako-core PRIVATE HAKO_AGENT_FROM_PLUGIN="${agent_from_plugin}")
target_compile_definitions(HakoInterface PRIVATE HAKO_PLUGIN_FROM_INTERFACE="${plugin_from_interface}")
set_target_properties(hako PROPERTIES INSTALL_RPATH "$ORIGIN/${libdir_from_plugin}")
set_target_properties(hako-host PROPERTIES INSTALL_RPATH "$ORIGIN/${libdir_from_host}")
# qt_standard_project_setup() gives every target an $ORIGIN run path; the
# static agent has no dynamic section to hold one.
set_target_properties(hako-agent PROPERTIES INSTALL_RPATH "")
set_target_properties(HakoInterface PROPERTIES EXPORT_NAME Interface)

install(TARGETS HakoInterface EXPORT HakoTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${CMAKE_SOURCE_DIR}/plugin/include/hako/toolexecutor.h ${CMAKE_SOURCE_DIR}/plugin/include/hako/filetransfer.h
              ${CMAKE_SOURCE_DIR}/plugin/include/hako/toolcall.h ${CMAKE_SOURCE_DIR}/plugin/include/hako/error.h
              ${CMAKE_SOURCE_DIR}/plugin/include/hako/pluginpath.h ${CMAKE_BINARY_DIR}/plugin/include/hako/hako_export.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/hako)
set(hako_binaries
    ${CMAKE_INSTALL_LIBDIR}/$<TARGET_FILE_NAME:HakoInterface> ${HAKO_INSTALL_PLUGINDIR}/${HAKO_PLUGIN_FILE}
    ${HAKO_INSTALL_AGENTDIR}/hako-agent ${CMAKE_INSTALL_BINDIR}/hako-host)
install(TARGETS hako LIBRARY DESTINATION ${HAKO_INSTALL_PLUGINDIR})
install(TARGETS hako-agent RUNTIME DESTINATION ${HAKO_INSTALL_AGENTDIR})
install(TARGETS hako-host RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Debug information moves to .debug/NAME.debug beside each binary (where gdb
# looks for a debug link), so that the binaries carry no build-tree paths.
install(CODE "set(hako_binaries \"${hako_binaries}\")\nset(hako_objcopy \"${CMAKE_OBJCOPY}\")")
install(SCRIPT ${CMAKE_CURRENT_LIST_DIR}/HakoSplitDebug.cmake)

install(DIRECTORY ${CMAKE_SOURCE_DIR}/policies/ DESTINATION ${HAKO_INSTALL_DATADIR}/policies)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/resources/workspace-base ${CMAKE_SOURCE_DIR}/resources/prometheus
        DESTINATION ${HAKO_INSTALL_DATADIR})
# The plugin embeds its messages; the .qm files are for hosts that want them too.
get_directory_property(qm_files DIRECTORY ${CMAKE_SOURCE_DIR}/host-stub DEFINITION HAKO_HOST_QM_FILES)
install(FILES ${qm_files} DESTINATION ${HAKO_INSTALL_DATADIR}/translations)

# What a host author reads, and the example the guide builds from the installed tree.
install(FILES ${CMAKE_SOURCE_DIR}/docs/host-integration.md ${CMAKE_SOURCE_DIR}/docs/settings.md
              ${CMAKE_SOURCE_DIR}/docs/settings-dialog.png ${CMAKE_SOURCE_DIR}/docs/settings-dialog.ja.png
        DESTINATION ${HAKO_INSTALL_DOCDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/examples/settings-dialog DESTINATION ${HAKO_INSTALL_DOCDIR}/examples)

install(EXPORT HakoTargets NAMESPACE Hako:: DESTINATION ${HAKO_INSTALL_CMAKEDIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/HakoConfig.cmake.in
    ${CMAKE_BINARY_DIR}/HakoConfig.cmake INSTALL_DESTINATION ${HAKO_INSTALL_CMAKEDIR}
    PATH_VARS HAKO_INSTALL_PLUGINDIR HAKO_INSTALL_AGENTDIR HAKO_INSTALL_DATADIR CMAKE_INSTALL_BINDIR)
# The package's version is the interface's (see the top CMakeLists.txt): a
# host built against 1.x builds against any later 1.y.
write_basic_package_version_file(${CMAKE_BINARY_DIR}/HakoConfigVersion.cmake VERSION ${PROJECT_VERSION}
                                 COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_BINARY_DIR}/HakoConfig.cmake ${CMAKE_BINARY_DIR}/HakoConfigVersion.cmake
        DESTINATION ${HAKO_INSTALL_CMAKEDIR})
