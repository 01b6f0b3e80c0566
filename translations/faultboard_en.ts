<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ApiError</name>
    <message>
        <source>no error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kubeconfig problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not obtain credentials: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot resolve the API server&apos;s host name (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API server refused the connection (%1); is it running and is the address right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API server did not answer in time (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not authenticated (401): the credentials were rejected; log in again or check the kubeconfig user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forbidden (403): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the API server answered %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected answer from the API server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KubeConfig</name>
    <message>
        <source>%1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not valid base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a mapping with name and %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list of name/value pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be client.authentication.k8s.io/v1 or v1beta1, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is required for client.authentication.k8s.io/v1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: line %2, column %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no kubeconfig found: %1 does not exist and KUBECONFIG is not set; pass --kubeconfig FILE or try --demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none of the files in KUBECONFIG exists: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: current-context is not set; choose a context with --context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: context &quot;%2&quot; does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: contexts[%2].context.cluster: cluster &quot;%3&quot; does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: contexts[%2].context.user: user &quot;%3&quot; does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: clusters[%2].cluster.server: is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: clusters[%2].cluster.server: &quot;%3&quot; is not an http(s) URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: clusters[%2].cluster: certificate-authority and insecure-skip-tls-verify cannot both be set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: users[%2].user: token and username/password cannot both be set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: users[%2].user: client-certificate and client-key must be set together</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>Healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Taxonomy</name>
    <message>
        <source>%1: cannot read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the top level must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.type is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2).category &quot;%3&quot; is not one of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2).bad must list the faulty statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2).severity &quot;%3&quot; is not critical, major, minor or info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubelet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kube::ApiCall</name>
    <message>
        <source>the server&apos;s certificate is signed by an unknown authority (not the certificate-authority of the kubeconfig)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not valid for this host name (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s certificate expired on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not valid before %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kube::ApiClient</name>
    <message>
        <source>%1: clusters[%2].cluster.certificate-authority: cannot read %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: clusters[%2].cluster: the certificate authority holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: clusters[%2].cluster.proxy-url: scheme &quot;%3&quot; is not supported (use http or socks5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kube::CredentialProvider</name>
    <message>
        <source>%1: no PEM certificate found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the client key is not a PEM private key (RSA or EC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user &quot;%1&quot; in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: auth-provider oidc has no id-token; log in with your OIDC helper first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the &quot;%2&quot; auth-provider was removed from kubectl; use its exec plugin (for example gke-gcloud-auth-plugin or kubelogin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read client-certificate %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read client-key %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user &quot;%1&quot;: cannot read tokenFile %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exec plugin %1 did not finish within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot; could not be started: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot; failed with exit code %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot; crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its output is not an ExecCredential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it answered apiVersion &quot;%1&quot; but the kubeconfig asked for &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its ExecCredential has no status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clientCertificateData and clientKeyData must come together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its ExecCredential status has neither a token nor a client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expirationTimestamp &quot;%1&quot; is not an RFC 3339 time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kube::Informer</name>
    <message>
        <source>list %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a watch event exceeded %1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the watch at once</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Faultboard: watch, isolate, restore and drain faulty nodes of Kubernetes AI clusters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kubeconfig file to use (instead of KUBECONFIG or ~/.kube/config).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kubeconfig context to use (instead of current-context).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a simulated demo cluster (kubesim) and show it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user interface language (en, zh_CN); default: the system&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the main window to FILE and quit (for documentation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait after the first sync before --screenshot (default 2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the demo cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo cluster failed to start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>models::ClusterSession</name>
    <message>
        <source>nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale since %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>models::NodeConditionsModel</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended action: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last transition</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>models::NodeGridModel</name>
    <message>
        <source>Healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) since %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolated by Faultboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cordoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators: %1 of %2 healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sim::KubesimProcess</name>
    <message>
        <source>kubesim printed an unexpected first line: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start kubesim (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kubesim exited with code %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kubesim did not start within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <source>Faultboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group by: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group nodes by label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make every node fit in the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node and fault counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faultboard — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 critical · %2 major · %3 minor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::NodeDetailPanel</name>
    <message>
        <source>Node conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (gone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a tile to see the node&apos;s conditions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node was removed from the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool %1, rack %2, zone %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolated by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cordoned (unschedulable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taints: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faulty since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubelet %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::NodeGridView</name>
    <message>
        <source>Node grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every node as a tile coloured by its worst fault severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n node(s), %2 faulty</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::SeverityLegend</name>
    <message>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cordoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators lost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
