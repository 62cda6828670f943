#include "httpmessage.h"

namespace hako::proxy {

namespace {

QByteArrayView piece(const char *at, size_t len)
{
    return QByteArrayView(at, qsizetype(len));
}

} // namespace

HttpMessage::HttpMessage(http_parser_type type)
{
    http_parser_init(&m_parser, type);
    m_parser.data = this;
    const auto appendStartText = [](http_parser *p, const char *at, size_t len) {
        self(p)->m_startText.append(piece(at, len));
        return 0;
    };
    m_settings.on_url = appendStartText;
    m_settings.on_status = appendStartText;
    m_settings.on_header_field = [](http_parser *p, const char *at, size_t len) {
        return self(p)->onHeaderField(piece(at, len));
    };
    m_settings.on_header_value = [](http_parser *p, const char *at, size_t len) {
        self(p)->m_inValue = true;
        self(p)->m_headers.last().second.append(piece(at, len));
        return 0;
    };
    m_settings.on_headers_complete = [](http_parser *p) { return self(p)->onHeadersComplete(); };
    m_settings.on_body = [](http_parser *p, const char *at, size_t len) { return self(p)->onBody(piece(at, len)); };
    m_settings.on_message_complete = [](http_parser *p) {
        self(p)->m_complete = true;
        http_parser_pause(p, 1);
        return 0;
    };
}

qsizetype HttpMessage::execute(QByteArrayView data)
{
    return qsizetype(http_parser_execute(&m_parser, &m_settings, data.data(), size_t(data.size())));
}

int HttpMessage::onHeaderField(QByteArrayView piece)
{
    if (m_inValue || m_headers.isEmpty()) {
        if (const int stop = onNewHeader())
            return stop;
        m_headers.append(QPair<QByteArray, QByteArray>());
        m_inValue = false;
    }
    m_headers.last().first.append(piece);
    return 0;
}

} // namespace hako::proxy
