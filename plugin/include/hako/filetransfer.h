// Optional second interface of a ToolExecutor plugin: write_file and read_file
// with the file's bytes streamed from and to a QIODevice instead of carried in
// the JSON input and result. A host moving a user's large file in or out of a
// workspace asks for it with qobject_cast<hako::FileTransfer *>(instance).
#pragma once

#include <hako/toolcall.h>

#include <QString>
#include <QtPlugin>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

#define HakoFileTransfer_iid "org.hako.FileTransfer/1.0"

namespace hako {

class FileTransfer
{
public:
    virtual ~FileTransfer() = default;

    // write_file with the content read from `source`: a random-access device
    // (a file, a buffer) open for reading, read from its current position to
    // its end. It must stay alive until the call finishes. Same path rules,
    // limits and result ({size}) as the tool.
    virtual ToolCall *writeFile(const QString &conversationId, const QString &callId, const QString &path,
                                QIODevice *source) = 0;

    // read_file with the content written to `sink`, a device open for writing,
    // as it arrives. It must stay alive until the call finishes; on an error
    // it may hold part of the file. The result is {size}.
    virtual ToolCall *readFile(const QString &conversationId, const QString &callId, const QString &path,
                               QIODevice *sink) = 0;
};

} // namespace hako

Q_DECLARE_INTERFACE(hako::FileTransfer, HakoFileTransfer_iid)
