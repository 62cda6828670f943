// A small Prometheus metrics registry: families of counters, gauges and
// histograms with fixed label names, rendered in the text exposition format
// (version 0.0.4). Label values are the caller's to bound: the registry never
// sees a conversation ID or a path, only the small sets WorkspaceMetrics uses.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace hako::telemetry {

class MetricFamily
{
public:
    enum class Type { Counter, Gauge, Histogram };

    MetricFamily(QString name, Type type, QString help, QStringList labelNames, QList<double> buckets);

    // `labels` are values in the order of the family's label names.
    void add(const QStringList &labels = {}, double by = 1); // counters and gauges
    void set(const QStringList &labels, double value);       // gauges
    void observe(const QStringList &labels, double value);   // histograms
    void clear();                                            // gauges: forget every series
    double value(const QStringList &labels = {}) const;      // counter/gauge value, histogram count

    QString name() const { return m_name; }
    void render(QByteArray *out) const;

private:
    struct Series
    {
        double value = 0; // counter, gauge; histogram sum
        quint64 count = 0;
        std::vector<quint64> buckets; // per bucket, not cumulative
    };
    Series &series(const QStringList &labels);
    QByteArray labelText(const QStringList &values, const QString &extraName = {},
                         const QString &extraValue = {}) const;

    QString m_name;
    Type m_type;
    QString m_help;
    QStringList m_labelNames;
    QList<double> m_buckets;
    QMap<QStringList, Series> m_series;
};

class MetricsRegistry
{
public:
    MetricFamily *counter(const QString &name, const QString &help, const QStringList &labels = {});
    MetricFamily *gauge(const QString &name, const QString &help, const QStringList &labels = {});
    MetricFamily *histogram(const QString &name, const QString &help, const QStringList &labels,
                            const QList<double> &buckets);
    const MetricFamily *find(const QString &name) const;

    // Every family, in the order declared.
    QByteArray exposition() const;

private:
    MetricFamily *declare(const QString &name, MetricFamily::Type type, const QString &help, const QStringList &labels,
                          const QList<double> &buckets);
    std::vector<std::unique_ptr<MetricFamily>> m_families;
};

// The exposition format's number spelling: integers without a fraction,
// +Inf/-Inf/NaN by name.
QByteArray formatValue(double value);

} // namespace hako::telemetry
