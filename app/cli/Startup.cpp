#include "app/cli/Startup.h"

#include "models/Taxonomy.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace app {

void installTranslators(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    QLocale::setDefault(locale);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("faultboard"), QStringLiteral("_"),
                   QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    models::Taxonomy::setTextLocale(locale.name());
}

void setApplicationIdentity()
{
    // The settings file and the history folder are found by these names: the window and the
    // headless commands must agree on them.
    QCoreApplication::setApplicationName(QStringLiteral("faultboard"));
    QCoreApplication::setOrganizationName(QStringLiteral("Faultboard"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("faultboard.io"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FAULTBOARD_VERSION));
}

} // namespace app
