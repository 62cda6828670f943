// What the request parser and the upstream response reader share on top of
// http_parser: its callbacks, the start line's text, the headers gathered as
// they come (http_parser may hand a name or a value over in pieces), and a
// pause at the end of the message so that no byte after it is parsed. The
// direction-specific checks are the subclass's hooks.
#pragma once

#include "sigv4.h"

#include <QByteArray>
#include <QByteArrayView>

#include <http_parser.h>

namespace hako::proxy {

class HttpMessage
{
public:
    explicit HttpMessage(http_parser_type type);
    virtual ~HttpMessage() = default;
    HttpMessage(const HttpMessage &) = delete;
    HttpMessage &operator=(const HttpMessage &) = delete;

    // Returns how many bytes http_parser took; an empty view reports the end of input.
    qsizetype execute(QByteArrayView data);
    http_errno parserErrno() const { return HTTP_PARSER_ERRNO(&m_parser); }
    bool isComplete() const { return m_complete; }
    const http_parser &parser() const { return m_parser; }

    // The request target, or the response's reason phrase.
    const QByteArray &startText() const { return m_startText; }
    const HeaderList &headers() const { return m_headers; }

protected:
    // Each hook returns what http_parser expects of its callback: 0 to go on,
    // another value to stop (on_headers_complete also takes 1: no body follows).
    virtual int onNewHeader() { return 0; } // before a header (or trailer) line is started
    virtual int onHeadersComplete() = 0;
    virtual int onBody(QByteArrayView data) = 0;

private:
    static HttpMessage *self(http_parser *p) { return static_cast<HttpMessage *>(p->data); }
    int onHeaderField(QByteArrayView piece);

    http_parser m_parser{};
    http_parser_settings m_settings{};
    QByteArray m_startText;
    HeaderList m_headers;
    bool m_inValue = false;
    bool m_complete = false;
};

} // namespace hako::proxy
