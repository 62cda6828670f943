#include "metrics.h"

#include <QLocale>

#include <cmath>

namespace hako::telemetry {
namespace {

const char *typeName(MetricFamily::Type type)
{
    switch (type) {
    case MetricFamily::Type::Counter: return "counter";
    case MetricFamily::Type::Gauge: return "gauge";
    case MetricFamily::Type::Histogram: return "histogram";
    }
    return "untyped";
}

// HELP text escapes backslash and newline; label values also the double quote.
QByteArray escape(const QString &text, bool quote)
{
    QByteArray out;
    for (const char c : text.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (quote && c == '"')
            out += "\\\"";
        else
            out += c;
    }
    return out;
}

} // namespace

QByteArray formatValue(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

MetricFamily::MetricFamily(QString name, Type type, QString help, QStringList labelNames, QList<double> buckets)
    : m_name(std::move(name)), m_type(type), m_help(std::move(help)), m_labelNames(std::move(labelNames)),
      m_buckets(std::move(buckets))
{}

MetricFamily::Series &MetricFamily::series(const QStringList &labels)
{
    Q_ASSERT(labels.size() == m_labelNames.size());
    Series &s = m_series[labels];
    if (m_type == Type::Histogram && s.buckets.empty())
        s.buckets.assign(std::size_t(m_buckets.size()), 0);
    return s;
}

void MetricFamily::add(const QStringList &labels, double by)
{
    Q_ASSERT(m_type != Type::Histogram && (m_type == Type::Gauge || by >= 0));
    series(labels).value += by;
}

void MetricFamily::set(const QStringList &labels, double value)
{
    Q_ASSERT(m_type == Type::Gauge);
    series(labels).value = value;
}

void MetricFamily::observe(const QStringList &labels, double value)
{
    Q_ASSERT(m_type == Type::Histogram);
    Series &s = series(labels);
    s.value += value;
    ++s.count;
    for (qsizetype i = 0; i < m_buckets.size(); ++i)
        if (value <= m_buckets.at(i)) {
            ++s.buckets[std::size_t(i)];
            break;
        }
}

void MetricFamily::clear()
{
    m_series.clear();
}

double MetricFamily::value(const QStringList &labels) const
{
    const auto it = m_series.constFind(labels);
    if (it == m_series.constEnd())
        return 0;
    return m_type == Type::Histogram ? double(it->count) : it->value;
}

QByteArray MetricFamily::labelText(const QStringList &values, const QString &extraName, const QString &extraValue) const
{
    QByteArrayList pairs;
    for (qsizetype i = 0; i < m_labelNames.size(); ++i)
        pairs << m_labelNames.at(i).toUtf8() + "=\"" + escape(values.at(i), true) + '"';
    if (!extraName.isEmpty())
        pairs << extraName.toUtf8() + "=\"" + escape(extraValue, true) + '"';
    return pairs.isEmpty() ? QByteArray() : '{' + pairs.join(',') + '}';
}

void MetricFamily::render(QByteArray *out) const
{
    const QByteArray name = m_name.toUtf8();
    *out += "# HELP " + name + ' ' + escape(m_help, false) + '\n';
    *out += "# TYPE " + name + ' ' + typeName(m_type) + '\n';
    for (auto it = m_series.constBegin(); it != m_series.constEnd(); ++it) {
        const Series &s = it.value();
        if (m_type != Type::Histogram) {
            *out += name + labelText(it.key()) + ' ' + formatValue(s.value) + '\n';
            continue;
        }
        quint64 cumulative = 0;
        for (qsizetype i = 0; i < m_buckets.size(); ++i) {
            cumulative += s.buckets[std::size_t(i)];
            *out += name + "_bucket"
                    + labelText(it.key(), QStringLiteral("le"), QString::fromLatin1(formatValue(m_buckets.at(i)))) + ' '
                    + QByteArray::number(cumulative) + '\n';
        }
        *out += name + "_bucket" + labelText(it.key(), QStringLiteral("le"), QStringLiteral("+Inf")) + ' '
                + QByteArray::number(s.count) + '\n';
        *out += name + "_sum" + labelText(it.key()) + ' ' + formatValue(s.value) + '\n';
        *out += name + "_count" + labelText(it.key()) + ' ' + QByteArray::number(s.count) + '\n';
    }
}

MetricFamily *MetricsRegistry::declare(const QString &name, MetricFamily::Type type, const QString &help,
                                       const QStringList &labels, const QList<double> &buckets)
{
    Q_ASSERT(!find(name));
    m_families.push_back(std::make_unique<MetricFamily>(name, type, help, labels, buckets));
    return m_families.back().get();
}

MetricFamily *MetricsRegistry::counter(const QString &name, const QString &help, const QStringList &labels)
{
    return declare(name, MetricFamily::Type::Counter, help, labels, {});
}

MetricFamily *MetricsRegistry::gauge(const QString &name, const QString &help, const QStringList &labels)
{
    return declare(name, MetricFamily::Type::Gauge, help, labels, {});
}

MetricFamily *MetricsRegistry::histogram(const QString &name, const QString &help, const QStringList &labels,
                                         const QList<double> &buckets)
{
    return declare(name, MetricFamily::Type::Histogram, help, labels, buckets);
}

const MetricFamily *MetricsRegistry::find(const QString &name) const
{
    for (const auto &family : m_families)
        if (family->name() == name)
            return family.get();
    return nullptr;
}

QByteArray MetricsRegistry::exposition() const
{
    QByteArray out;
    for (const auto &family : m_families)
        family->render(&out);
    return out;
}

} // namespace hako::telemetry
