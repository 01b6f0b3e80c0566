// The resources are added to this library by qt_add_resources; Qt's CMake integration makes
// them initialise in every executable that links it.
