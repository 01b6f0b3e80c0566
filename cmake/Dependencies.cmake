# Finds what Faultboard builds against. Each missing piece stops the configure with the Debian 12
# package that provides it, since that is what the reader has to do next (scripts/deps.sh installs
# them all).

macro(faultboard_require name debian_package)
    find_package(${name} ${ARGN} QUIET)
    if(NOT ${name}_FOUND)
        message(FATAL_ERROR "${name} was not found: install the Debian package "
            "'${debian_package}' (apt-get install ${debian_package}; scripts/deps.sh installs "
            "everything the build needs).")
    endif()
endmacro()

# Qt components in dependency order: Debian's qt6-charts-dev needs Qt6OpenGL's CMake package
# without depending on the package that has it.
set(faultboard_qt_components
    Core qt6-base-dev
    Gui qt6-base-dev
    Widgets qt6-base-dev
    Network qt6-base-dev
    Concurrent qt6-base-dev
    Sql qt6-base-dev
    Test qt6-base-dev
    OpenGL libqt6opengl6-dev
    Charts qt6-charts-dev
    LinguistTools qt6-tools-dev)
list(LENGTH faultboard_qt_components faultboard_qt_count)
math(EXPR faultboard_qt_last "${faultboard_qt_count} - 1")
foreach(i RANGE 0 ${faultboard_qt_last} 2)
    math(EXPR j "${i} + 1")
    list(GET faultboard_qt_components ${i} component)
    list(GET faultboard_qt_components ${j} debian_package)
    find_package(Qt6 6.4 QUIET COMPONENTS ${component})
    if(NOT Qt6${component}_FOUND)
        message(FATAL_ERROR "Qt6${component} was not found: install the Debian package "
            "'${debian_package}' (apt-get install ${debian_package}; scripts/deps.sh installs "
            "everything the build needs).")
    endif()
endforeach()
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Network Concurrent Charts Sql Test
    LinguistTools)

faultboard_require(nlohmann_json nlohmann-json3-dev 3.10)
faultboard_require(yaml-cpp libyaml-cpp-dev)
faultboard_require(OpenSSL libssl-dev)
# Node lists as protobuf: the wire-format reader (kube/) and protoc for the tests' encoder.
faultboard_require(Protobuf libprotobuf-dev)
if(NOT Protobuf_PROTOC_EXECUTABLE)
    message(FATAL_ERROR "protoc was not found: install the Debian package 'protobuf-compiler' "
        "(apt-get install protobuf-compiler; scripts/deps.sh installs everything the build needs).")
endif()

# lupdate and lrelease come from a package of their own.
if(NOT TARGET Qt6::lupdate OR NOT TARGET Qt6::lrelease)
    message(FATAL_ERROR "Qt's lupdate/lrelease were not found: install the Debian package "
        "'qt6-l10n-tools'.")
endif()
