// Probes of the separation between conversations (threats T-3, T-4): the file
// tools' confinement to /workspace, pip installs, and the host directories.
#pragma once

#include "verifyoutcome.h"
#include "verifysession.h"

namespace hako::host::verify {

// `..`, absolute and host paths through the editor and the file tools.
Outcome editorEscapes(Session &session);
// The same through symbolic links the tool user planted in its workspace.
Outcome symlinkEscapes(Session &session);
// The neighbour's file and secret are nowhere to be found in the main conversation.
Outcome searchForNeighbour(Session &session);
// pip install --user lands in the conversation's own space, invisible next door.
Outcome userInstallsStayHome(Session &session);
// Each conversation's directories on the host: its own; the workspace and the
// agent's socket directory mode 0700 and the container user's, the socket
// directory around it 0755 and the host's.
Outcome hostDirectories(Session &session);

} // namespace hako::host::verify
