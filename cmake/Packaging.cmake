# Installation layout for Linux desktops and the .deb built by CPack.

install(FILES ${CMAKE_SOURCE_DIR}/resources/io.faultboard.Faultboard.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/resources/io.faultboard.Faultboard.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/faultboard.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
    RENAME io.faultboard.Faultboard.svg)

# The package's maintainer is whoever builds it, as with Debian's own tools: DEBFULLNAME and
# DEBEMAIL, else the author of the commit being built. No address is made up.
set(FAULTBOARD_PACKAGE_MAINTAINER "" CACHE STRING
    "Maintainer field of the .deb (\"Name <address>\"); empty: DEBFULLNAME/DEBEMAIL, else the commit's author")
set(faultboard_maintainer "${FAULTBOARD_PACKAGE_MAINTAINER}")
if(NOT faultboard_maintainer AND DEFINED ENV{DEBFULLNAME} AND DEFINED ENV{DEBEMAIL})
    set(faultboard_maintainer "$ENV{DEBFULLNAME} <$ENV{DEBEMAIL}>")
endif()
if(NOT faultboard_maintainer)
    find_package(Git QUIET)
    if(GIT_FOUND)
        execute_process(COMMAND ${GIT_EXECUTABLE} log -1 "--format=%an <%ae>"
            WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
            OUTPUT_VARIABLE faultboard_maintainer OUTPUT_STRIP_TRAILING_WHITESPACE
            ERROR_QUIET)
    endif()
endif()
if(NOT faultboard_maintainer)
    set(faultboard_maintainer "Faultboard developers")
    message(STATUS "Packaging: no maintainer address known (set DEBFULLNAME and DEBEMAIL, or "
        "FAULTBOARD_PACKAGE_MAINTAINER); lintian will flag the package")
endif()

# Debian's documentation files: the copyright (the licence text is the system's own copy) and a
# changelog in Debian's format, gzipped reproducibly.
string(TIMESTAMP faultboard_changelog_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
configure_file(${CMAKE_SOURCE_DIR}/resources/debian/copyright
    ${CMAKE_BINARY_DIR}/debian/copyright COPYONLY)
configure_file(${CMAKE_SOURCE_DIR}/resources/debian/changelog.in
    ${CMAKE_BINARY_DIR}/debian/changelog @ONLY)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/debian/changelog.gz
    COMMAND gzip -n -9 -c ${CMAKE_BINARY_DIR}/debian/changelog > ${CMAKE_BINARY_DIR}/debian/changelog.gz
    DEPENDS ${CMAKE_BINARY_DIR}/debian/changelog
    VERBATIM)
add_custom_target(faultboard_debian_docs ALL DEPENDS ${CMAKE_BINARY_DIR}/debian/changelog.gz)
install(FILES ${CMAKE_BINARY_DIR}/debian/copyright ${CMAKE_BINARY_DIR}/debian/changelog.gz
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/faultboard)

set(CPACK_PACKAGE_NAME "faultboard")
set(CPACK_PACKAGE_VENDOR "Faultboard")
set(CPACK_PACKAGE_CONTACT "${faultboard_maintainer}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "fault dashboard for large Kubernetes AI clusters")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "admin")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The libraries the binaries link come from dpkg-shlibdeps; plugins Qt loads at run time do not
# show up there and are named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite (>= 6.4)")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
# The extended description; CPack indents it under the summary.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Faultboard shows every node of a Kubernetes cluster as a tile coloured by its
worst fault, explains GPU and NPU faults, keeps each node's fault history, and
isolates, restores and drains nodes safely. Includes kubesim, a simulated
kube-apiserver for demos and tests.")
include(CPack)
