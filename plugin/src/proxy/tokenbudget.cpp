#include "tokenbudget.h"

namespace hako::proxy {

void TokenBudget::add(const QString &socket, qint64 input, qint64 output)
{
    Usage &u = m_used[socket];
    u.input += input;
    u.output += output;
}

} // namespace hako::proxy
