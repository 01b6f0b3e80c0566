# Installation layout for Linux desktops and the .deb built by CPack.

install(FILES ${CMAKE_SOURCE_DIR}/resources/io.faultboard.Faultboard.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/resources/io.faultboard.Faultboard.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/faultboard.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
    RENAME io.faultboard.Faultboard.svg)

set(CPACK_PACKAGE_NAME "faultboard")
set(CPACK_PACKAGE_VENDOR "Faultboard")
set(CPACK_PACKAGE_CONTACT "Faultboard developers <dev@faultboard.io>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "admin")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# Runtime libraries, as Debian 12 names them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6widgets6 (>= 6.4), libqt6network6 (>= 6.4), libqt6sql6-sqlite (>= 6.4), libqt6charts6 (>= 6.4), libqt6concurrent6 (>= 6.4), libyaml-cpp0.7, libssl3")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Fault dashboard for large Kubernetes AI clusters
 Faultboard shows every node of a Kubernetes cluster as a tile coloured by its
 worst fault, explains GPU and NPU faults, keeps each node's fault history, and
 isolates, restores and drains nodes safely. Includes kubesim, a simulated
 kube-apiserver for demos and tests.")
include(CPack)
