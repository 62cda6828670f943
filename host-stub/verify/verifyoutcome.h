// What one probe found: passed or not, the evidence lines behind it, and notes
// on how this runtime answered differently (keys of verifynotes).
#pragma once

#include <QStringList>

namespace hako::host::verify {

struct Outcome
{
    bool passed = false;
    bool off = false;     // an optional layer that is not enabled: neither pass nor fail
    QStringList evidence; // "ok: …" and "FAIL: …" lines, measured facts in English
    QStringList notes;    // note keys, translated when rendered
    qint64 ms = 0;

    void check(bool ok, const QString &text)
    {
        evidence << (ok ? QStringLiteral("ok: ") : QStringLiteral("FAIL: ")) + text;
        passed = passed && ok;
    }
    // Starts passing; every failed check() turns it.
    static Outcome start() { return Outcome{true, false, {}, {}, 0}; }
    void merge(const Outcome &other)
    {
        evidence += other.evidence;
        notes += other.notes;
        passed = passed && other.passed;
    }
};

} // namespace hako::host::verify
