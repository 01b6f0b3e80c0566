#pragma once

#include <QCoreApplication>
#include <QString>

namespace models {

// A duration as an operator reads it in a chart or a table: "45 s", "1 min 5 s", "2 h 10 min",
// "3 d 4 h", never "1.083 minutes". Two units at most, the smaller one left out when it is zero;
// seconds are rounded to the nearest whole one. Negative durations are unknown: an empty string.
class DurationText
{
    Q_DECLARE_TR_FUNCTIONS(DurationText)

public:
    static QString format(double seconds);
};

} // namespace models
