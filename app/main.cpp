// faultboard: the desktop fault dashboard for large Kubernetes AI clusters.

#include "app/Application.h"

int main(int argc, char *argv[])
{
    return app::run(argc, argv);
}
