// Fuzz target for the exec credential plugin's answer (CredentialProvider::readExecCredential):
// whatever a plugin prints gives credentials or a reason, never an exception (it is read in a
// QProcess slot, where one would end the program), and what is accepted is complete.
#include "FuzzCheck.h"

#include "kube/CredentialProvider.h"

using namespace kube;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray output(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const QString &apiVersion : {QStringLiteral("client.authentication.k8s.io/v1"),
                                      QStringLiteral("client.authentication.k8s.io/v1beta1")}) {
        QString why;
        const auto status = CredentialProvider::readExecCredential(output, apiVersion, &why);
        if (!status) {
            FUZZ_CHECK(!why.isEmpty(), "rejected without a reason");
            continue;
        }
        FUZZ_CHECK(!status->token.isEmpty() || !status->clientCertificateData.isEmpty(),
                   "accepted without a token or a certificate");
        FUZZ_CHECK(status->clientCertificateData.isEmpty() == status->clientKeyData.isEmpty(),
                   "a certificate without its key, or a key without its certificate");
    }
    return 0;
}
