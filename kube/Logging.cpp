#include "kube/Logging.h"

Q_LOGGING_CATEGORY(lcKube, "faultboard.kube", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKubeWatch, "faultboard.kube.watch", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKubeAuth, "faultboard.kube.auth", QtInfoMsg)
