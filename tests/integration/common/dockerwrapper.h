// Fault injection for tests that drive the real engine: an executable shell
// script that stands in for the docker CLI, runs a few lines of its own (to
// hang, or to slow one command down) and then the real CLI with the same
// arguments. Settings point `docker.binary` at it.
#pragma once

#include <QString>

// Writes the wrapper to `path`; `prelude` is shell, run before `exec docker
// "$@"`. False (and a message in *error) when the file cannot be written.
bool writeDockerWrapper(const QString &path, const QString &prelude, QString *error);
