#include "models/DurationText.h"

#include <cmath>

namespace models {

QString DurationText::format(double seconds)
{
    if (!(seconds >= 0))
        return {};
    const qint64 s = std::llround(seconds);
    constexpr qint64 minute = 60, hour = 3600, day = 24 * 3600;
    // The units are abbreviations with no plural (as the SI symbols): "1 min", "5 min".
    if (s < minute)
        return tr("%1 s", "duration in seconds").arg(s);
    if (s < hour) {
        if (s % minute == 0)
            return tr("%1 min", "duration in minutes").arg(s / minute);
        return tr("%1 min %2 s", "duration: minutes and seconds").arg(s / minute).arg(s % minute);
    }
    if (s < day) {
        // Rounded to the minute: the seconds of a two-hour recovery are noise.
        const qint64 m = (s + minute / 2) / minute;
        if (m % 60 == 0)
            return tr("%1 h", "duration in hours").arg(m / 60);
        return tr("%1 h %2 min", "duration: hours and minutes").arg(m / 60).arg(m % 60);
    }
    const qint64 h = (s + hour / 2) / hour;
    if (h % 24 == 0)
        return tr("%1 d", "duration in days").arg(h / 24);
    return tr("%1 d %2 h", "duration: days and hours").arg(h / 24).arg(h % 24);
}

} // namespace models
