// Where the plugin that belongs to this interface library is, worked out at
// run time from where the library itself was loaded: a host finds the plugin
// without a path compiled in, also after the installed tree was moved whole.
#pragma once

#include <hako/hako_export.h>

#include <QString>

namespace hako {

// Installed: LIBDIR/hako/plugins/libhako.so beside LIBDIR/libhakointerface.so.
// In Hako's own build tree: the plugin that tree built. A path that does not
// exist when neither is there, so that the loader's error names where it looked.
HAKO_INTERFACE_EXPORT QString pluginPath();

} // namespace hako
