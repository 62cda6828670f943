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
set(HAKO_PLUGIN_FILE ${CMAKE_SHARED_MODULE_PREFIX}hako${CMAKE_SHARED_MODULE_SUFFIX})

# The installed programs find each other by relative path, so that a tree
# installed under any prefix (or moved whole) keeps working.
function(hako_relative_path out from to)
    cmake_path(ABSOLUTE_PATH from BASE_DIRECTORY ${CMAKE_INSTALL_PREFIX})
    cmake_path(ABSOLUTE_PATH to BASE_DIRECTORY ${CMAKE_INSTALL_PREFIX})
    file(RELATIVE_PATH path ${from} ${to})
    set(${out} ${path} PARENT_SCOPE)
endfunction()
hako_relative_path(agent_from_plugin ${HAKO_INSTALL_PLUGINDIR} ${HAKO_INSTALL_AGENTDIR}/hako-agent)
hako_relative_path(plugin_from_host ${CMAKE_INSTALL_BINDIR} ${HAKO_INSTALL_PLUGINDIR}/${HAKO_PLUGIN_FILE})
hako_relative_path(libdir_from_plugin ${HAKO_INSTALL_PLUGINDIR} ${CMAKE_INSTALL_LIBDIR})
hako_relative_path(libdir_from_host ${CMAKE_INSTALL_BINDIR} ${CMAKE_INSTALL_LIBDIR})
target_compile_definitions(hako-core PRIVATE HAKO_AGENT_FROM_PLUGIN="${agent_from_plugin}")
target_compile_definitions(hako-host-common PRIVATE HAKO_PLUGIN_FROM_HOST="${plugin_from_host}")
set_target_properties(hako PROPERTIES INSTALL_RPATH "$ORIGIN/${libdir_from_plugin}")
set_target_properties(hako-host PROPERTIES INSTALL_RPATH "$ORIGIN/${libdir_from_host}")
# qt_standard_project_setup() gives every target an $ORIGIN run path; the
# static agent has no dynamic section to hold one.
set_target_properties(hako-agent PROPERTIES INSTALL_RPATH "")
set_target_properties(HakoInterface PROPERTIES EXPORT_NAME Interface)

install(TARGETS HakoInterface EXPORT HakoTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${CMAKE_SOURCE_DIR}/plugin/include/hako/toolexecutor.h ${CMAKE_SOURCE_DIR}/plugin/include/hako/filetransfer.h ${CMAKE_SOURCE_DIR}/plugin/include/hako/toolcall.h
              ${CMAKE_SOURCE_DIR}/plugin/include/hako/error.h ${CMAKE_BINARY_DIR}/plugin/include/hako/hako_export.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/hako)
install(TARGETS hako LIBRARY DESTINATION ${HAKO_INSTALL_PLUGINDIR})
install(TARGETS hako-agent RUNTIME DESTINATION ${HAKO_INSTALL_AGENTDIR})
install(TARGETS hako-host RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

install(DIRECTORY ${CMAKE_SOURCE_DIR}/policies/ DESTINATION ${HAKO_INSTALL_DATADIR}/policies)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/resources/workspace-base ${CMAKE_SOURCE_DIR}/resources/prometheus
        DESTINATION ${HAKO_INSTALL_DATADIR})
# The plugin embeds its messages; the .qm files are for hosts that want them too.
get_directory_property(qm_files DIRECTORY ${CMAKE_SOURCE_DIR}/host-stub DEFINITION HAKO_HOST_QM_FILES)
install(FILES ${qm_files} DESTINATION ${HAKO_INSTALL_DATADIR}/translations)

install(EXPORT HakoTargets NAMESPACE Hako:: DESTINATION ${HAKO_INSTALL_CMAKEDIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/HakoConfig.cmake.in
    ${CMAKE_BINARY_DIR}/HakoConfig.cmake INSTALL_DESTINATION ${HAKO_INSTALL_CMAKEDIR}
    PATH_VARS HAKO_INSTALL_PLUGINDIR HAKO_INSTALL_AGENTDIR HAKO_INSTALL_DATADIR CMAKE_INSTALL_BINDIR)
# Before 1.0 a minor release may change the interface.
write_basic_package_version_file(${CMAKE_BINARY_DIR}/HakoConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/HakoConfig.cmake ${CMAKE_BINARY_DIR}/HakoConfigVersion.cmake
        DESTINATION ${HAKO_INSTALL_CMAKEDIR})
