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
    <message>
        <source>the server is overloaded (429 Too Many Requests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server answered %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection broke (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Classifier</name>
    <message>
        <source>%1 of %2 %3s lost</source>
        <extracomment>%1 chips lost out of %2, %3 is the chip kind (GPU, NPU): &quot;2 of 8 NPUs lost&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliOptions</name>
    <message>
        <source>Commands (no window; `faultboard COMMAND --help` for each):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write the current faults, or the fault history, as CSV or JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print each fault transition as it happens, and record it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taint and cordon nodes so no new work lands on them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove Faultboard&apos;s taint from nodes and uncordon them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cordon nodes and evict their pods, as kubectl drain does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit status: 0 done, 1 an action or the connection failed, 2 bad usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--history %1: not a duration (24h, 90m, 7d) nor an ISO 8601 time (2025-06-01T08:00:00Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--history %1: that time is in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command %1; the commands are %2 (see faultboard --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no command given (see faultboard --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects, reads every node, classifies their faults and writes the current faults (or, with --history, the fault history since a time) as CSV or JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prints each fault transition as it happens (time, node, type, old and new status, severity, reason, message), one a line, and records it in the cluster&apos;s fault history as the window does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cordons each NODE and evicts its pods as kubectl drain does, with a line for each pod&apos;s progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The nodes, by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (see faultboard %1 --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: faultboard %1 [options] %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format %1: must be csv or json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format %1: must be text or jsonl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--duration %1: not a number of seconds above 0 (or a duration such as 10m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name at least one node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a node name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--effect %1: must be NoSchedule or NoExecute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--grace-period %1: not a number of seconds (or -1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout %1: not a number of seconds (or a duration such as 5m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--skip-wait-for-delete-timeout %1: not a number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds Faultboard&apos;s taint to each NODE and cordons it, recording who and why, and what it changed, in annotations and an Event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoes what Faultboard&apos;s isolation of each NODE did: removes the taint it added (and no other) and uncordons the node if the isolation cordoned it. A node Faultboard did not isolate is left alone, and one that still has a critical fault is refused unless --force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--prometheus: not an http or https URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--prometheus needs --history (it reads the fault history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--prometheus-token-file and --prometheus-basic-auth-file exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the --prometheus-* options need --prometheus URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DurationText</name>
    <message>
        <source>%1 s</source>
        <comment>duration in seconds</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <comment>duration in minutes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <comment>duration: minutes and seconds</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <comment>duration in hours</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <comment>duration: hours and minutes</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <comment>duration in days</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <comment>duration: days and hours</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FaultReport</name>
    <message>
        <source>Cannot write the report %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDatabase</name>
    <message>
        <source>history %1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>history %1: cannot create the folder %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>history %1: the Qt SQLite driver (QSQLITE) is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>history %1: cannot open: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a readable SQLite database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>history %1: written by a newer Faultboard (schema %2; this one knows %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>history %1: the file system does not support SQLite&apos;s WAL mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>history %1: cannot begin a transaction: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>history %1: cannot commit: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>history %1: no table %2</source>
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
    <name>LabelSelector</name>
    <message>
        <source>label selector &quot;%1&quot;, at character %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a label key is expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;(&quot; is expected after &quot;%1 %2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;,&quot; or &quot;)&quot; is expected in the values of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;,&quot; is expected between requirements</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrometheusEndpoint</name>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the Prometheus token file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the Prometheus basic auth file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first line is not user:password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrometheusOptions</name>
    <message>
        <source>--prometheus: not an http or https URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportBuilder</name>
    <message>
        <source>this cluster records no fault history</source>
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
    <name>TaintSpec</name>
    <message>
        <source>the prefix &quot;%1&quot; must be a DNS subdomain (lower case letters, digits, &apos;-&apos; and &apos;.&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key&apos;s name part must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key&apos;s name part must be at most 63 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key&apos;s name part &quot;%1&quot; must start and end with a letter or digit and hold only letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value must be at most 63 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value &quot;%1&quot; must start and end with a letter or digit and hold only letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid taint &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the effect must be NoSchedule, PreferNoSchedule or NoExecute, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use key[=value]:Effect, key:Effect- or key-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an effect is required to add a taint (key[=value]:Effect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taint %1:%2 is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the node already has taint(s) with key(s) %1 and the same effect; overwrite them explicitly to change them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taint(s) not found: %1</source>
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
        <source>the top level must be an object</source>
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
    <message>
        <source>%1.bad must be a list of statuses, e.g. [&quot;True&quot;]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.bad must contain only non-empty strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.bad must list at least one faulty status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.severity &quot;%2&quot; is not one of critical, major, minor, info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.category &quot;%2&quot; is not one of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a string or an object of texts by locale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2 must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has an unknown key &quot;%2&quot; (allowed: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version must be 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.type is missing or empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an object with a non-empty &quot;prefix&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an object with a non-empty &quot;resource&quot; and &quot;kind&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;unknown&quot; must be an object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::cli::ActionCommand</name>
    <message>
        <source>%1 is already isolated; nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 would be isolated: %2 (dry run: nothing changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 would be restored: %2 (dry run: nothing changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 isolated: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 restored: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not isolated by Faultboard and is left as it is: it stays cordoned (someone else cordoned it; --uncordon uncordons it anyway)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not isolated by Faultboard; nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 carries no Faultboard isolation; nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Without --force it would not be restored (dry run).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Not restored; --force restores it anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Without --force it would not be isolated (dry run).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Not isolated; --force isolates it anyway.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::cli::Command</name>
    <message>
        <source>the fault history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid node name (lower-case letters, digits, &apos;-&apos; and &apos;.&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::cli::DrainCommand</name>
    <message>
        <source>cannot drain %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: planning the drain (dry run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cordoning and draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: warning: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: pod %2 would be evicted (dry run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: pod %2 skipped: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: pod %2 evicting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: pod %2 evicting: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: pod %2 blocked by a PodDisruptionBudget: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: pod %2 evicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: pod %2 deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: pod %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: dry run: %n pod(s) would be evicted; nothing changed</source>
        <translation>
            <numerusform>%1: dry run: %n pod would be evicted; nothing changed</numerusform>
            <numerusform>%1: dry run: %n pods would be evicted; nothing changed</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot drain %1 (dry run): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 drained: cordoned, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 drained: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot drain %1: %2 (the node stays cordoned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>drain of %1 timed out: %n pod(s) evicted, others still there; the node stays cordoned</source>
        <translation>
            <numerusform>drain of %1 timed out: %n pod evicted, others still there; the node stays cordoned</numerusform>
            <numerusform>drain of %1 timed out: %n pods evicted, others still there; the node stays cordoned</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: pod %2 not evicted: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drain of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::cli::OptionTable</name>
    <message>
        <source>Show this help and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kubeconfig file to use (default: the files in KUBECONFIG, else ~/.kube/config).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kubeconfig context to use (default: its current context).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this kubeconfig context at once (instead of choosing one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a simulated demo cluster (kubesim) and show it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user interface language (en, zh_CN); default: the settings, else the system&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The theme: system, light or dark; default: the settings.</source>
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
        <source>csv or json (default: json when FILE ends in .json, else csv).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the report to FILE (default: standard output).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report the faults of the fault history active since SINCE instead of the current ones: a duration back from now (24h, 90m, 7d) or an ISO 8601 time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text (for people, the default) or jsonl (one JSON object a line).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after SECONDS (or a duration such as 10m); default: until interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The taint&apos;s effect: NoSchedule (keep new pods away) or NoExecute (also evict pods that do not tolerate it); default: the settings&apos;, NoSchedule unless changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also uncordon nodes that Faultboard did not cordon (by default a cordon someone else set, such as kubectl drain&apos;s, is left in place).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave DaemonSet-managed pods alone instead of refusing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evict pods with emptyDir volumes too (their local data is lost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also delete pods that no controller manages (or whose DaemonSet is gone).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds each pod gets to terminate; -1 (the default) uses the pod&apos;s own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up on a node after SECONDS (or a duration such as 5m) from its first eviction; 0 (the default) waits for ever.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only evict the pods matching this label selector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete pods instead of evicting them, bypassing PodDisruptionBudgets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip pods whose deletion began more than SECONDS ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what would change; change nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also restore nodes that still have a critical fault (without it such a node is refused, with the fault and since when: restoring puts a broken node back into scheduling).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note (what was seen, a ticket), recorded after each node&apos;s own fault in its faultboard.io/isolated-reason annotation and its Event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With several nodes, also isolate those that have no active fault (without it they are refused, named: a list easily sweeps healthy nodes along).</source>
        <translation></translation>
    </message>
    <message>
        <source>Send the bearer token in FILE to Prometheus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to Prometheus with the user:password on the first line of FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust Prometheus&apos; certificate only when the CA in FILE (PEM) signed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in each node&apos;s History tab the faults the Prometheus-compatible API at URL holds for it (kube-state-metrics&apos; node metrics) that Faultboard did not see itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --history: also read the fault history from the Prometheus-compatible API at URL (kube-state-metrics&apos; node metrics), for the time before Faultboard watched. Without it, the Prometheus set for the cluster&apos;s context in the window (Cluster &gt; Prometheus of this cluster), if any.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What --screenshot shows: grid (default), faults-first or faulty-only (the grid so ordered or filtered), group:LABEL (the grid grouped by a node label), node:NAME (its fault history), pods:NAME (its pods), trends, drain:NAME (the drain dialog), drain-stopped:NAME (a drain stopped half way), isolate:NAMES or restore:NAMES (the confirmation for these comma-separated nodes), size:WxH[,NAME] (the window at that size, with that node shown), export (the export dialog), hidden:NAME,FILTER (NAME selected, then hidden by that name filter), menu:NAME (the context menu on its tile), chooser (the clusters offered when there is no last one to open), or unreadable (the view of a cluster that cannot be read, without waiting for a sync).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app::cli::ReportCommand</name>
    <message>
        <source>cannot read the nodes of %1 (context %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the fault history %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n fault(s) written to %1</source>
        <translation>
            <numerusform>%n fault written to %1</numerusform>
            <numerusform>%n faults written to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app::cli::WatchCommand</name>
    <message>
        <source>cannot read the nodes of %1 (context %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>watching %n node(s) of %1 (context %2), recording to %3</source>
        <translation>
            <numerusform>watching %n node of %1 (context %2), recording to %3</numerusform>
            <numerusform>watching %n nodes of %1 (context %2), recording to %3</numerusform>
        </translation>
    </message>
    <message>
        <source>the watch of %1 broke, retrying: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watching %1 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still faulty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (first seen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (changed while nobody watched)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 %3 %4 → %5 %6 %7 — %8</source>
        <extracomment>time, node, condition type, old status → new status, severity, what it means, reason and message</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kube::AccessReview</name>
    <message>
        <source>the SelfSubjectAccessReview answer has no status.allowed</source>
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
    <message>
        <source>through the proxy %1 (%2): %3</source>
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
        <source>%1: clusters[%2].cluster.proxy-url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the environment variable %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: proxy scheme &quot;%2&quot; is not supported (use http, https or socks5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot open a local relay for the https proxy: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kube::ClusterQueries</name>
    <message>
        <source>list pods on node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list events of node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check permission to %1</source>
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
    <message>
        <source>exec plugin &quot;%1&quot; needs an interactive terminal (interactiveMode: Always); log in with it in a terminal first, or set interactiveMode to IfAvailable</source>
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
    <message>
        <source>no data from the server for %1 s, the connection is presumed dead</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kube::NodeActions</name>
    <message>
        <source>cordon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uncordon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>isolate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cordon node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uncordon node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taint node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no taint given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>isolate node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the isolation taint&apos;s effect must be NoSchedule or NoExecute, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the isolation taint %1 is not valid: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restore node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the node is not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (gave up after %2 attempts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record an event on node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2; retrying in %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the node is not a Node</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kube::NodeDrain</name>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evicting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked by PodDisruptionBudget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drain node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drain node %1: cordon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drain node %1: list its pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drain node %1: read DaemonSet %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DaemonSet-managed Pods (use --ignore-daemonsets to ignore)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ignoring DaemonSet-managed Pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods with local storage (use --delete-emptydir-data to override)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleting Pods with local storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot delete Pods that declare no controller (use --force to override)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleting Pods that declare no controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deletion timestamp older than %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mirror pod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot delete %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drain node %1 (dry run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drain node %1: discover the eviction API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evict pod %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete pod %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; retrying in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait for pod %1 to terminate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deletion timestamp older than %1 s, skipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drain node %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>global timeout reached: %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server offers no eviction (no pods/eviction in /api/v1): pods are deleted, which PodDisruptionBudgets do not stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot check the pod (%1); checking again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not evicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the drain was stopped before this pod was evicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read back pod %1 after the drain was stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the drain was stopped; its state is not known: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eviction accepted; still terminating when the drain was stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the drain was stopped before the eviction took effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2; retrying in %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; checking again in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kube::ObjectCodec</name>
    <message>
        <source>the %1 list is not JSON with items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a watch event is not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown watch event type &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a watch event carries no usable object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kube::PodDecoder</name>
    <message>
        <source>the answer is not a Pod</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kube::PrometheusClient</name>
    <message>
        <source>cannot read the CA file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no PEM certificate in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from Prometheus at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a range query: URL %1, %2 to %3, step %4 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not JSON (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer&apos;s status is &quot;%1&quot;, not &quot;success&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer&apos;s resultType is &quot;%1&quot;, not &quot;matrix&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer has no result list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>series %1 of the answer has no metric or no values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>series %1 of the answer has a sample that is not [time, &quot;value&quot;]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus refused the connection (%1); is it running and is the URL right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot resolve Prometheus&apos; host name (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus did not answer in time (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS with Prometheus failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus refused the credentials (401 Unauthorized): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus does not allow this query (403 Forbidden): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus answered %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus&apos; answer cannot be read: %1</source>
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
    <name>kube::ProtobufNodeDecoder</name>
    <message>
        <source>a malformed field tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a truncated number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>messages nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a message that ends early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown wire type %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unexpected wire type %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a truncated length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a field of %1 bytes past the end of the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer does not start with Kubernetes&apos; protobuf marker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer uses the unsupported content encoding &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer holds no object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the protobuf node list cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent a protobuf &quot;%1&quot; where a NodeList was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the protobuf node list cannot be read: %1 (%2 nodes read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer holds a second object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer ends inside the field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a field of %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kube::SelfSubjectReview</name>
    <message>
        <source>ask the server who we are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the SelfSubjectReview is not JSON</source>
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
        <source>Starting the demo cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo cluster failed to start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your fault taxonomy file was not used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: faultboard [options]
       faultboard COMMAND [options] [NODE...]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>models::ActionLogModel</name>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partly done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
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
    <name>models::FaultHistory</name>
    <message>
        <source>the history %1 is not open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>models::FaultSummaryModel</name>
    <message numerus="yes">
        <source>%n node(s) whose worst fault is %1</source>
        <translation>
            <numerusform>%n node whose worst fault is %1</numerusform>
            <numerusform>%n nodes whose worst fault is %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) with %1</source>
        <translation>
            <numerusform>%n node with %1</numerusform>
            <numerusform>%n nodes with %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes</source>
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
    <name>models::NodeEventsModel</name>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
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
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
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
    <name>models::NodeHistoryModel</name>
    <message>
        <source>Node added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fault began</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fault ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(gone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → … → %2 (changed while not watched)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Happened %1, recorded %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
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
        <source>%1 (from Prometheus, up to %2 s late)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over (from Prometheus, up to %1 s late)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>models::NodeOperations</name>
    <message>
        <source>isolate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taint %1 added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taint %1 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cordoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uncordoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>annotations only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already isolated; nothing to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not isolated by Faultboard; left as it is (cordoned by someone else: uncordon explicitly to make it schedulable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not isolated by Faultboard; left as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the node stays cordoned: Faultboard did not cordon it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Event could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (kubeconfig user; the server did not say who)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) would be evicted</source>
        <translation>
            <numerusform>%n pod would be evicted</numerusform>
            <numerusform>%n pods would be evicted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) evicted</source>
        <translation>
            <numerusform>%n pod evicted</numerusform>
            <numerusform>%n pods evicted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>timed out: %n pod(s) evicted, others still there</source>
        <translation>
            <numerusform>timed out: %n pod evicted, others still there</numerusform>
            <numerusform>timed out: %n pods evicted, others still there</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) could not be evicted</source>
        <translation>
            <numerusform>%n pod could not be evicted</numerusform>
            <numerusform>%n pods could not be evicted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still terminating</source>
        <translation>
            <numerusform>%n still terminating</numerusform>
            <numerusform>%n still terminating</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not evicted</source>
        <translation>
            <numerusform>%n not evicted</numerusform>
            <numerusform>%n not evicted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped: %1; the node stays cordoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 still has a critical fault: %2, active since %3. Restoring it puts a broken node back into scheduling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 still has a critical fault: %2 (since when is not known). Restoring it puts a broken node back into scheduling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restored at the operator&apos;s explicit choice: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no active fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no active fault; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault: %1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no active fault: isolating it takes a healthy node out of scheduling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>isolated at the operator&apos;s explicit choice: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>models::NodePodsModel</name>
    <message>
        <source>static pod (mirror)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (unmanaged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>emptyDir volumes: %1 (their data is lost on eviction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2, %3, owner %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>models::PrometheusHistory</name>
    <message>
        <source>read the fault history of node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the fleet&apos;s %1 faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the fleet&apos;s faults of condition types the taxonomy does not know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the fleet&apos;s lost accelerators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 to %3 at a step of %4 s: the server&apos;s limit on the samples one query may load was hit even by a single step (%5). Raise the limit: Prometheus&apos; --query.max-samples (50000000 by default), VictoriaMetrics&apos; -search.maxSamplesPerQuery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 to %3 at a step of %4 s: the server&apos;s limit on the samples one query may load was hit (%5), and cutting the query into time slices is off. Raise the limit: Prometheus&apos; --query.max-samples (50000000 by default), VictoriaMetrics&apos; -search.maxSamplesPerQuery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 to %3 at a step of %4 s: the server stopped the query at its time limit even for a single step (%5). Raise the limit (Prometheus&apos; --query.timeout, 2 minutes by default; VictoriaMetrics&apos; -search.maxQueryDuration, 30 s by default) or read again when the server is less loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 to %3 at a step of %4 s: the server stopped the query at its time limit (%5), and cutting the query into time slices is off. Raise the limit: Prometheus&apos; --query.timeout (2 minutes by default), VictoriaMetrics&apos; -search.maxQueryDuration (30 s by default).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>models::PrometheusSource</name>
    <message>
        <source>its URL is not an http or https URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Prometheus set for %1 is not read: %2</source>
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
    <name>ui::ActionConfirmDialog</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Isolate %n node(s)</source>
        <translation>
            <numerusform>Isolate %n node</numerusform>
            <numerusform>Isolate %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n node(s)</source>
        <translation>
            <numerusform>Restore %n node</numerusform>
            <numerusform>Restore %n nodes</numerusform>
        </translation>
    </message>
    <message>
        <source>Isolating taints each node with Faultboard&apos;s taint and cordons it, so no new work lands on it; it records who isolated it and why. Running pods stay unless the effect is NoExecute. This is what will change:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taints (before → after)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cordoned (before → after)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taint effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NoSchedule — keep running pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NoExecute — also evict pods that do not tolerate it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Effect:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Isolate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the API server what would change (dry run)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>will be restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already isolated: nothing to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not isolated by Faultboard: nothing to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) will change when you confirm.</source>
        <translation>
            <numerusform>%n node will change when you confirm.</numerusform>
            <numerusform>%n nodes will change when you confirm.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Isolate %n node(s)</source>
        <translation>
            <numerusform>&amp;Isolate %n node</numerusform>
            <numerusform>&amp;Isolate %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Restore %n node(s)</source>
        <translation>
            <numerusform>&amp;Restore %n node</numerusform>
            <numerusform>&amp;Restore %n nodes</numerusform>
        </translation>
    </message>
    <message>
        <source>Restoring undoes what Faultboard&apos;s isolation did: it removes the taint the isolation added and uncordons the node only if the isolation cordoned it. Other taints, and nodes Faultboard did not isolate, are left alone. This is what will change:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also &amp;uncordon nodes that Faultboard did not cordon (someone else&apos;s maintenance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncordon nodes Faultboard did not cordon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not isolated by Faultboard: will only be uncordoned, as asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>will be restored; stays cordoned: Faultboard did not cordon it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not isolated by Faultboard: left alone (cordoned by someone else; tick &quot;uncordon&quot; below to uncordon it anyway)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore &amp;anyway the nodes that still have a critical fault (they go back into scheduling while broken)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore nodes that still have a critical fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not restored unless you choose so below: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, as you chose, although: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) will change when you confirm. Left out, because they still have a critical fault: %1. Tick &quot;Restore anyway&quot; to restore them too.</source>
        <translation>
            <numerusform>%n node will change when you confirm. Left out, because they still have a critical fault: %1. Tick &quot;Restore anyway&quot; to restore them too.</numerusform>
            <numerusform>%n nodes will change when you confirm. Left out, because they still have a critical fault: %1. Tick &quot;Restore anyway&quot; to restore them too.</numerusform>
        </translation>
    </message>
    <message>
        <source>Note for the isolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to each node&apos;s own fault: what was seen, the ticket number…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each node&apos;s recorded reason is its own fault (&quot;fault: NT_NPU_ECC_COUNT&quot;), followed by this note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also isolate the nodes without an active fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not isolated unless you choose so below: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>will be isolated; it has no active fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>will be isolated for its own fault, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also &amp;isolate the nodes without an active fault: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) will change when you confirm. Left out, because they have no active fault: %1. Tick &quot;Also isolate&quot; to isolate them too.</source>
        <translation>
            <numerusform>%n node will change when you confirm. Left out, because they have no active fault: %1. Tick &quot;Also isolate&quot; to isolate them too.</numerusform>
            <numerusform>%n nodes will change when you confirm. Left out, because they have no active fault: %1. Tick &quot;Also isolate&quot; to isolate them too.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::ActionController</name>
    <message>
        <source>&amp;Isolate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taint and cordon the selected nodes so no new work lands on them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Faultboard&apos;s taint from the selected nodes and uncordon them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cordon the selected nodes and evict their pods, as kubectl drain does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one or more nodes first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not check permissions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your user may not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your user may not %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::ClusterPickerDialog</name>
    <message>
        <source>Open a cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter contexts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubeconfig contexts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open kubeconfig…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open kubeconfig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing cluster &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no contexts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::ClusterView</name>
    <message>
        <source>Fleet views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;rends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why no nodes are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the nodes of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No node has been read yet, so nothing is known about their health.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cluster cannot be read: your user may not list its nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a cluster administrator for a role that allows get, list and watch on nodes (a ClusterRole bound to your user), or open a context with more rights. Until then Faultboard shows no nodes and no counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cluster cannot be read: the server did not accept your credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in again or renew the token or certificate of this context, then reopen the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cluster cannot be read: the nodes could not be listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the API server %1 is running and reachable from here (VPN, proxy, firewall). Faultboard keeps retrying and shows the nodes as soon as it has read them; until then the counts are unknown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::DrainDialog</name>
    <message numerus="yes">
        <source>Drain %n node(s)</source>
        <translation>
            <numerusform>Drain %n node</numerusform>
            <numerusform>Drain %n nodes</numerusform>
        </translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore &amp;DaemonSet pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete &amp;emptyDir data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Force unmanaged pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each pod&apos;s own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes and their pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node / pod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the pods and what would block (nothing is changed)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot drain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) to evict</source>
        <translation>
            <numerusform>%n pod to evict</numerusform>
            <numerusform>%n pods to evict</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready. Pods marked &quot;pending&quot; will be evicted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) cannot be drained with these options: see why above; change the options or leave those nodes out.</source>
        <translation>
            <numerusform>%n node cannot be drained with these options: see why above; change the options or leave those nodes out.</numerusform>
            <numerusform>%n nodes cannot be drained with these options: see why above; change the options or leave those nodes out.</numerusform>
        </translation>
    </message>
    <message>
        <source>Draining…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cordoning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n node(s) drained.</source>
        <translation>
            <numerusform>%1 of %n node drained.</numerusform>
            <numerusform>%1 of %n nodes drained.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping: no more evictions are sent; reading back what became of the pods. The nodes stay cordoned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draining cordons each node, then evicts its pods through the eviction API, which honours PodDisruptionBudgets, exactly as kubectl drain does. Evicted pods stop; whether a training job restarts elsewhere, and from which checkpoint, depends on its controller and how it saves state.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::ExportDialog</name>
    <message>
        <source>Export fault report — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faults in the &amp;history between:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (scripts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export fault report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range must end after it begins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n fault(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n fault to %1.</numerusform>
            <numerusform>Wrote %n faults to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop reading Prometheus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the history, and what Prometheus holds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading Prometheus was cancelled: the file holds Faultboard&apos;s own history only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus could not be read (%1): the file holds Faultboard&apos;s own history only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of them from Prometheus (times up to %1 s late).</source>
        <translation>
            <numerusform>%n of them from Prometheus (times up to %1 s late).</numerusform>
            <numerusform>%n of them from Prometheus (times up to %1 s late).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>the count, then where from</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::FaultNotifier</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New critical fault in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new critical fault(s) in %1</source>
        <translation>
            <numerusform>%n new critical fault in %1</numerusform>
            <numerusform>%n new critical faults in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::FaultSummaryPanel</name>
    <message>
        <source>Faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault summary: nodes per severity and fault type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::FilterBar</name>
    <message>
        <source>Node name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by node name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by label selector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Major or worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minor or worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by fault type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any fault type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by fault category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by isolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolated or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not isolated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unschedulable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedulable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear every filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>all %n node(s)</source>
        <translation>
            <numerusform>all %n node</numerusform>
            <numerusform>all %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n node(s)</source>
        <translation>
            <numerusform>%1 of %n node</numerusform>
            <numerusform>%1 of %n nodes</numerusform>
        </translation>
    </message>
    <message>
        <source>nodes not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faults first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show faulty nodes first, worst first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order the grid by severity: critical, major, minor, then healthy nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faulty only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only faulty nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide healthy nodes (the severity filter at Minor or worse)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels, e.g. pool=npu-910b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A label selector as kubectl -l takes it, e.g. pool=npu-910b,rack in (npu-r01,npu-r02)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) read so far</source>
        <translation>
            <numerusform>%n node read so far</numerusform>
            <numerusform>%n nodes read so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n node(s) read so far</source>
        <translation>
            <numerusform>%1 of %n node read so far</numerusform>
            <numerusform>%1 of %n nodes read so far</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::FleetChartsView</name>
    <message>
        <source>&amp;Range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range of the charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean time to recover by fault type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cluster records no history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No faults recorded in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n fault(s) in this range.</source>
        <translation>
            <numerusform>%n fault in this range.</numerusform>
            <numerusform>%n faults in this range.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mean time to recover: no fault recovered in this range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the history from Prometheus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading the history from Prometheus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the history from Prometheus…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading Prometheus was cancelled: the charts show Faultboard&apos;s own history only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus could not be read (%1): the charts show Faultboard&apos;s own history only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of them from Prometheus (times up to %1 s late).</source>
        <translation>
            <numerusform>%n of them from Prometheus (times up to %1 s late).</numerusform>
            <numerusform>%n of them from Prometheus (times up to %1 s late).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>the count, then where from</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most faults active at once, by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most faults active at once over time, by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faults active at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean time to recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 recovered): %3</source>
        <comment>fault type, recoveries, mean time to recover</comment>
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
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 critical · %2 major · %3 minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit every node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Focus the &amp;grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mute fault alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions taken and their results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Faultboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Faultboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Faultboard %1&lt;/h3&gt;&lt;p&gt;A fault dashboard for large Kubernetes AI clusters: watch every node, understand each fault, isolate, restore and drain safely.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cluster open: Cluster ▸ Open cluster… (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export fault report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the current faults or the fault history to a CSV or JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet &amp;grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault &amp;trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a cluster to export its faults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n fault(s) to %1</source>
        <translation>
            <numerusform>Exported %n fault to %1</numerusform>
            <numerusform>Exported %n faults to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Node and fault counts unknown: the nodes have not been read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy name</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Prometheus of this cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a cluster to set its Prometheus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved; this window reads the Prometheus given by --prometheus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 critical · %2 major · %3 minor so far — listing nodes, %n read</source>
        <translation>
            <numerusform>%1 critical · %2 major · %3 minor so far — listing nodes, %n read</numerusform>
            <numerusform>%1 critical · %2 major · %3 minor so far — listing nodes, %n read</numerusform>
        </translation>
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
        <source>Faulty since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the fault means and what to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods on the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent events of the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taints, labels and resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Taints &amp;&amp; labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods and events status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh pods and events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading pods and events of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods and events as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pods (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the pods: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the events: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;No active fault. Select a condition to read what it means.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faultboard does not know this condition type; it is shown as reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources (allocatable / capacity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubelet %1, %2, kernel %3, %4, %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault history of the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the pods are not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the events are not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pods (error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the pods of %1, so it is not known what runs there: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events (error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the events of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is hidden by the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No node is selected: actions act only on the tiles you can see selected. Change or clear the filter to see %1 again, then select it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Why the history from Prometheus is not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The faults Prometheus holds for this node are not shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading this node&apos;s history from Prometheus…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading this node&apos;s history from Prometheus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading this node&apos;s history from Prometheus</source>
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
        <translation>
            <numerusform>%1 — %n node, %2 faulty</numerusform>
            <numerusform>%1 — %n nodes, %2 faulty</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n node(s)</source>
        <translation>
            <numerusform>%1 — %n node</numerusform>
            <numerusform>%1 — %n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::NodeTimelineChart</name>
    <message>
        <source>Fault timeline of the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No faults recorded for this node</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::PrometheusSettingsDialog</name>
    <message>
        <source>Prometheus of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fault history this cluster&apos;s Prometheus holds (kube-state-metrics&apos; node metrics) is shown beside Faultboard&apos;s own in the History tab, the Trends view and exported reports. faultboard --prometheus overrides this setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http://prometheus:9090 (empty: none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to log in to Prometheus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer token file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basic auth file (user:password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File holding the token or user:password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path to the file (its first line is read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file (PEM) for Prometheus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the system&apos;s CAs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL is not an http or https URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the password in a basic auth file, not in the URL: the settings would keep it in clear text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the file that holds the credentials.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolation taint key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolation taint effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NoSchedule — no new pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NoExecute — also evict pods without a toleration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taint &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Effect:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ignore DaemonSet pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete pods with emptyDir data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Force: also delete pods without a controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each pod&apos;s own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notify me when a node gets a new critical fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History kept for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies when Faultboard starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The taint key cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid taint key (like example.com/name).</source>
        <translation type="unfinished"></translation>
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
