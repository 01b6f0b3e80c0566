<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApiError</name>
    <message>
        <source>no error</source>
        <translation>无错误</translation>
    </message>
    <message>
        <source>kubeconfig problem: %1</source>
        <translation>kubeconfig 有问题：%1</translation>
    </message>
    <message>
        <source>could not obtain credentials: %1</source>
        <translation>无法获取凭据：%1</translation>
    </message>
    <message>
        <source>cannot resolve the API server&apos;s host name (%1)</source>
        <translation>无法解析 API 服务器的主机名（%1）</translation>
    </message>
    <message>
        <source>the API server refused the connection (%1); is it running and is the address right?</source>
        <translation>API 服务器拒绝了连接（%1）；请检查它是否在运行、地址是否正确</translation>
    </message>
    <message>
        <source>TLS failed: %1</source>
        <translation>TLS 失败：%1</translation>
    </message>
    <message>
        <source>the API server did not answer in time (%1)</source>
        <translation>API 服务器未及时响应（%1）</translation>
    </message>
    <message>
        <source>network error: %1</source>
        <translation>网络错误：%1</translation>
    </message>
    <message>
        <source>not authenticated (401): the credentials were rejected; log in again or check the kubeconfig user</source>
        <translation>未通过认证（401）：凭据被拒绝；请重新登录或检查 kubeconfig 中的用户</translation>
    </message>
    <message>
        <source>forbidden (403): %1</source>
        <translation>禁止访问（403）：%1</translation>
    </message>
    <message>
        <source>the API server answered %1 %2</source>
        <translation>API 服务器返回 %1 %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>unexpected answer from the API server: %1</source>
        <translation>API 服务器返回了意外的应答：%1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>the server is overloaded (429 Too Many Requests)</source>
        <translation>服务器过载（429 Too Many Requests）</translation>
    </message>
    <message>
        <source>the server answered %1 %2</source>
        <translation>服务器返回 %1 %2</translation>
    </message>
    <message>
        <source>the connection broke (%1)</source>
        <translation>连接中断（%1）</translation>
    </message>
</context>
<context>
    <name>Classifier</name>
    <message>
        <source>%1 of %2 %3s lost</source>
        <extracomment>%1 chips lost out of %2, %3 is the chip kind (GPU, NPU): &quot;2 of 8 NPUs lost&quot;</extracomment>
        <translation>%2 张 %3 中丢失 %1 张</translation>
    </message>
</context>
<context>
    <name>CliOptions</name>
    <message>
        <source>Commands (no window; `faultboard COMMAND --help` for each):</source>
        <translation>命令（不打开窗口；各命令的说明见 `faultboard COMMAND --help`）：</translation>
    </message>
    <message>
        <source>write the current faults, or the fault history, as CSV or JSON</source>
        <translation>以 CSV 或 JSON 格式写出当前故障或故障历史</translation>
    </message>
    <message>
        <source>print each fault transition as it happens, and record it</source>
        <translation>实时打印每次故障状态变化，并记录下来</translation>
    </message>
    <message>
        <source>taint and cordon nodes so no new work lands on them</source>
        <translation>为节点设置污点并封锁，使新的工作负载不会调度到这些节点上</translation>
    </message>
    <message>
        <source>remove Faultboard&apos;s taint from nodes and uncordon them</source>
        <translation>移除节点上 Faultboard 设置的污点并恢复调度</translation>
    </message>
    <message>
        <source>cordon nodes and evict their pods, as kubectl drain does</source>
        <translation>封锁节点并驱逐其上的 Pod，与 kubectl drain 相同</translation>
    </message>
    <message>
        <source>Exit status: 0 done, 1 an action or the connection failed, 2 bad usage.</source>
        <translation>退出状态：0 完成，1 操作或连接失败，2 用法错误。</translation>
    </message>
    <message>
        <source>--history %1: not a duration (24h, 90m, 7d) nor an ISO 8601 time (2025-06-01T08:00:00Z)</source>
        <translation>--history %1：既不是时长（24h、90m、7d），也不是 ISO 8601 时间（2025-06-01T08:00:00Z）</translation>
    </message>
    <message>
        <source>--history %1: that time is in the future</source>
        <translation>--history %1：该时间在未来</translation>
    </message>
    <message>
        <source>unknown command %1; the commands are %2 (see faultboard --help)</source>
        <translation>未知命令 %1；可用命令为 %2（参见 faultboard --help）</translation>
    </message>
    <message>
        <source>no command given (see faultboard --help)</source>
        <translation>未指定命令（参见 faultboard --help）</translation>
    </message>
    <message>
        <source>Connects, reads every node, classifies their faults and writes the current faults (or, with --history, the fault history since a time) as CSV or JSON.</source>
        <translation>连接集群，读取所有节点，对其故障进行分类，并以 CSV 或 JSON 格式写出当前故障（或使用 --history 时，写出自某一时间以来的故障历史）。</translation>
    </message>
    <message>
        <source>Prints each fault transition as it happens (time, node, type, old and new status, severity, reason, message), one a line, and records it in the cluster&apos;s fault history as the window does.</source>
        <translation>实时打印每次故障状态变化（时间、节点、类型、旧状态和新状态、严重程度、原因、消息），每行一条，并像窗口一样将其记录到集群的故障历史中。</translation>
    </message>
    <message>
        <source>Cordons each NODE and evicts its pods as kubectl drain does, with a line for each pod&apos;s progress.</source>
        <translation>像 kubectl drain 一样封锁每个 NODE 并驱逐其上的 Pod，每个 Pod 的进度各占一行。</translation>
    </message>
    <message>
        <source>The nodes, by name.</source>
        <translation>节点名称。</translation>
    </message>
    <message>
        <source>%1: %2 (see faultboard %1 --help)</source>
        <translation>%1：%2（参见 faultboard %1 --help）</translation>
    </message>
    <message>
        <source>Usage: faultboard %1 [options] %2</source>
        <translation>用法：faultboard %1 [选项] %2</translation>
    </message>
    <message>
        <source>unexpected argument %1</source>
        <translation>意外的参数 %1</translation>
    </message>
    <message>
        <source>--format %1: must be csv or json</source>
        <translation>--format %1：必须是 csv 或 json</translation>
    </message>
    <message>
        <source>--format %1: must be text or jsonl</source>
        <translation>--format %1：必须是 text 或 jsonl</translation>
    </message>
    <message>
        <source>--duration %1: not a number of seconds above 0 (or a duration such as 10m)</source>
        <translation>--duration %1：不是大于 0 的秒数（或 10m 这样的时长）</translation>
    </message>
    <message>
        <source>name at least one node</source>
        <translation>请至少指定一个节点</translation>
    </message>
    <message>
        <source>%1 is not a node name</source>
        <translation>%1 不是有效的节点名称</translation>
    </message>
    <message>
        <source>--effect %1: must be NoSchedule or NoExecute</source>
        <translation>--effect %1：必须是 NoSchedule 或 NoExecute</translation>
    </message>
    <message>
        <source>--grace-period %1: not a number of seconds (or -1)</source>
        <translation>--grace-period %1：不是秒数（或 -1）</translation>
    </message>
    <message>
        <source>--timeout %1: not a number of seconds (or a duration such as 5m)</source>
        <translation>--timeout %1：不是秒数（或 5m 这样的时长）</translation>
    </message>
    <message>
        <source>--skip-wait-for-delete-timeout %1: not a number of seconds</source>
        <translation>--skip-wait-for-delete-timeout %1：不是秒数</translation>
    </message>
    <message>
        <source>Adds Faultboard&apos;s taint to each NODE and cordons it, recording who and why, and what it changed, in annotations and an Event.</source>
        <translation>为每个 NODE 添加 Faultboard 的污点并封锁，在注解和事件中记录操作者、原因及所做的更改。</translation>
    </message>
    <message>
        <source>Undoes what Faultboard&apos;s isolation of each NODE did: removes the taint it added (and no other) and uncordons the node if the isolation cordoned it. A node Faultboard did not isolate is left alone, and one that still has a critical fault is refused unless --force.</source>
        <translation>撤销 Faultboard 对每个 NODE 的隔离：移除隔离时添加的污点（不影响其他污点），若节点是在隔离时被封锁的，则恢复其调度。未被 Faultboard 隔离的节点保持不变；仍有紧急故障的节点会被拒绝恢复，除非指定 --force。</translation>
    </message>
    <message>
        <source>--prometheus: not an http or https URL</source>
        <translation>--prometheus：不是 http 或 https URL</translation>
    </message>
    <message>
        <source>--prometheus needs --history (it reads the fault history)</source>
        <translation>--prometheus 需要与 --history 一起使用（它读取的是故障历史）</translation>
    </message>
    <message>
        <source>--prometheus-token-file and --prometheus-basic-auth-file exclude each other</source>
        <translation>--prometheus-token-file 与 --prometheus-basic-auth-file 不能同时使用</translation>
    </message>
    <message>
        <source>the --prometheus-* options need --prometheus URL</source>
        <translation>--prometheus-* 选项需要同时指定 --prometheus URL</translation>
    </message>
</context>
<context>
    <name>DurationText</name>
    <message>
        <source>%1 s</source>
        <comment>duration in seconds</comment>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <comment>duration in minutes</comment>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <comment>duration: minutes and seconds</comment>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h</source>
        <comment>duration in hours</comment>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <comment>duration: hours and minutes</comment>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 d</source>
        <comment>duration in days</comment>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <comment>duration: days and hours</comment>
        <translation>%1 天 %2 小时</translation>
    </message>
</context>
<context>
    <name>FaultReport</name>
    <message>
        <source>Cannot write the report %1: %2</source>
        <translation>无法写入报告 %1：%2</translation>
    </message>
</context>
<context>
    <name>HistoryDatabase</name>
    <message>
        <source>history %1: %2: %3</source>
        <translation>历史数据库 %1：%2：%3</translation>
    </message>
    <message>
        <source>history %1: cannot create the folder %2</source>
        <translation>历史数据库 %1：无法创建文件夹 %2</translation>
    </message>
    <message>
        <source>history %1: the Qt SQLite driver (QSQLITE) is not available</source>
        <translation>历史数据库 %1：Qt SQLite 驱动（QSQLITE）不可用</translation>
    </message>
    <message>
        <source>history %1: cannot open: %2</source>
        <translation>历史数据库 %1：无法打开：%2</translation>
    </message>
    <message>
        <source>not a readable SQLite database</source>
        <translation>不是可读的 SQLite 数据库</translation>
    </message>
    <message>
        <source>history %1: written by a newer Faultboard (schema %2; this one knows %3)</source>
        <translation>历史数据库 %1：由更新版本的 Faultboard 写入（架构版本 %2；本版本仅支持 %3）</translation>
    </message>
    <message>
        <source>history %1: the file system does not support SQLite&apos;s WAL mode</source>
        <translation>历史数据库 %1：文件系统不支持 SQLite 的 WAL 模式</translation>
    </message>
    <message>
        <source>history %1: cannot begin a transaction: %2</source>
        <translation>历史数据库 %1：无法开始事务：%2</translation>
    </message>
    <message>
        <source>history %1: cannot commit: %2</source>
        <translation>历史数据库 %1：无法提交：%2</translation>
    </message>
    <message>
        <source>history %1: no table %2</source>
        <translation>历史数据库 %1：缺少表 %2</translation>
    </message>
</context>
<context>
    <name>KubeConfig</name>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1：%2：%3</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>is not valid base64</source>
        <translation>不是有效的 base64</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <source>must be a mapping with name and %1</source>
        <translation>必须是包含 name 和 %1 的映射</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>must be a mapping</source>
        <translation>必须是映射</translation>
    </message>
    <message>
        <source>must be a list of strings</source>
        <translation>必须是字符串列表</translation>
    </message>
    <message>
        <source>must be a list of name/value pairs</source>
        <translation>必须是 name/value 对的列表</translation>
    </message>
    <message>
        <source>must be client.authentication.k8s.io/v1 or v1beta1, not &quot;%1&quot;</source>
        <translation>必须是 client.authentication.k8s.io/v1 或 v1beta1，而不是“%1”</translation>
    </message>
    <message>
        <source>is required for client.authentication.k8s.io/v1</source>
        <translation>在 client.authentication.k8s.io/v1 中是必需的</translation>
    </message>
    <message>
        <source>%1: line %2, column %3: %4</source>
        <translation>%1：第 %2 行，第 %3 列：%4</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>no kubeconfig found: %1 does not exist and KUBECONFIG is not set; pass --kubeconfig FILE or try --demo</source>
        <translation>找不到 kubeconfig：%1 不存在，且未设置 KUBECONFIG；请用 --kubeconfig FILE 指定文件，或试试 --demo</translation>
    </message>
    <message>
        <source>none of the files in KUBECONFIG exists: %1</source>
        <translation>KUBECONFIG 中列出的文件都不存在：%1</translation>
    </message>
    <message>
        <source>%1: current-context is not set; choose a context with --context</source>
        <translation>%1：未设置 current-context；请用 --context 选择上下文</translation>
    </message>
    <message>
        <source>%1: context &quot;%2&quot; does not exist</source>
        <translation>%1：上下文“%2”不存在</translation>
    </message>
    <message>
        <source>%1: contexts[%2].context.cluster: cluster &quot;%3&quot; does not exist</source>
        <translation>%1：contexts[%2].context.cluster：集群“%3”不存在</translation>
    </message>
    <message>
        <source>%1: contexts[%2].context.user: user &quot;%3&quot; does not exist</source>
        <translation>%1：contexts[%2].context.user：用户“%3”不存在</translation>
    </message>
    <message>
        <source>%1: clusters[%2].cluster.server: is missing</source>
        <translation>%1：clusters[%2].cluster.server：缺失</translation>
    </message>
    <message>
        <source>%1: clusters[%2].cluster.server: &quot;%3&quot; is not an http(s) URL</source>
        <translation>%1：clusters[%2].cluster.server：“%3”不是 http(s) URL</translation>
    </message>
    <message>
        <source>%1: clusters[%2].cluster: certificate-authority and insecure-skip-tls-verify cannot both be set</source>
        <translation>%1：clusters[%2].cluster：certificate-authority 和 insecure-skip-tls-verify 不能同时设置</translation>
    </message>
    <message>
        <source>%1: users[%2].user: token and username/password cannot both be set</source>
        <translation>%1：users[%2].user：token 和 username/password 不能同时设置</translation>
    </message>
    <message>
        <source>%1: users[%2].user: client-certificate and client-key must be set together</source>
        <translation>%1：users[%2].user：client-certificate 和 client-key 必须同时设置</translation>
    </message>
</context>
<context>
    <name>LabelSelector</name>
    <message>
        <source>label selector &quot;%1&quot;, at character %2: %3</source>
        <translation>标签选择器“%1”，第 %2 个字符处：%3</translation>
    </message>
    <message>
        <source>a label key is expected</source>
        <translation>此处应为标签键</translation>
    </message>
    <message>
        <source>&quot;(&quot; is expected after &quot;%1 %2&quot;</source>
        <translation>“%1 %2”之后应为“(”</translation>
    </message>
    <message>
        <source>&quot;,&quot; or &quot;)&quot; is expected in the values of %1</source>
        <translation>%1 的取值列表中应为“,”或“)”</translation>
    </message>
    <message>
        <source>&quot;,&quot; is expected between requirements</source>
        <translation>各条件之间应以“,”分隔</translation>
    </message>
</context>
<context>
    <name>PrometheusEndpoint</name>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>cannot read the Prometheus token file %1: %2</source>
        <translation>无法读取 Prometheus 令牌文件 %1：%2</translation>
    </message>
    <message>
        <source>cannot read the Prometheus basic auth file %1: %2</source>
        <translation>无法读取 Prometheus 基本认证文件 %1：%2</translation>
    </message>
    <message>
        <source>the first line is not user:password</source>
        <translation>第一行不是 user:password 格式</translation>
    </message>
</context>
<context>
    <name>PrometheusOptions</name>
    <message>
        <source>--prometheus: not an http or https URL</source>
        <translation>--prometheus：不是 http 或 https URL</translation>
    </message>
</context>
<context>
    <name>ReportBuilder</name>
    <message>
        <source>this cluster records no fault history</source>
        <translation>此集群不记录故障历史</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>次要</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>紧急</translation>
    </message>
</context>
<context>
    <name>TaintSpec</name>
    <message>
        <source>the prefix &quot;%1&quot; must be a DNS subdomain (lower case letters, digits, &apos;-&apos; and &apos;.&apos;)</source>
        <translation>前缀“%1”必须是 DNS 子域名（小写字母、数字、“-”和“.”）</translation>
    </message>
    <message>
        <source>the key&apos;s name part must not be empty</source>
        <translation>键的名称部分不能为空</translation>
    </message>
    <message>
        <source>the key&apos;s name part must be at most 63 characters</source>
        <translation>键的名称部分最多 63 个字符</translation>
    </message>
    <message>
        <source>the key&apos;s name part &quot;%1&quot; must start and end with a letter or digit and hold only letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;</source>
        <translation>键的名称部分“%1”必须以字母或数字开头和结尾，且只能包含字母、数字、“-”、“_”和“.”</translation>
    </message>
    <message>
        <source>the value must be at most 63 characters</source>
        <translation>值最多 63 个字符</translation>
    </message>
    <message>
        <source>the value &quot;%1&quot; must start and end with a letter or digit and hold only letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;</source>
        <translation>值“%1”必须以字母或数字开头和结尾，且只能包含字母、数字、“-”、“_”和“.”</translation>
    </message>
    <message>
        <source>invalid taint &quot;%1&quot;: %2</source>
        <translation>无效的污点“%1”：%2</translation>
    </message>
    <message>
        <source>the effect must be NoSchedule, PreferNoSchedule or NoExecute, not &quot;%1&quot;</source>
        <translation>效果必须是 NoSchedule、PreferNoSchedule 或 NoExecute，而不是“%1”</translation>
    </message>
    <message>
        <source>use key[=value]:Effect, key:Effect- or key-</source>
        <translation>请使用 key[=value]:Effect、key:Effect- 或 key- 格式</translation>
    </message>
    <message>
        <source>an effect is required to add a taint (key[=value]:Effect)</source>
        <translation>添加污点时必须指定效果（key[=value]:Effect）</translation>
    </message>
    <message>
        <source>taint %1:%2 is given twice</source>
        <translation>污点 %1:%2 指定了两次</translation>
    </message>
    <message>
        <source>the node already has taint(s) with key(s) %1 and the same effect; overwrite them explicitly to change them</source>
        <translation>节点上已有键为 %1 且效果相同的污点；如需更改，请显式覆盖</translation>
    </message>
    <message>
        <source>taint(s) not found: %1</source>
        <translation>未找到污点：%1</translation>
    </message>
</context>
<context>
    <name>Taxonomy</name>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>the top level must be an object</source>
        <translation>顶层必须是对象</translation>
    </message>
    <message>
        <source>NPU</source>
        <translation>NPU</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Container runtime</source>
        <translation>容器运行时</translation>
    </message>
    <message>
        <source>Kubelet</source>
        <translation>Kubelet</translation>
    </message>
    <message>
        <source>Node lifecycle</source>
        <translation>节点生命周期</translation>
    </message>
    <message>
        <source>%1.bad must be a list of statuses, e.g. [&quot;True&quot;]</source>
        <translation>%1.bad 必须是状态值列表，例如 [&quot;True&quot;]</translation>
    </message>
    <message>
        <source>%1.bad must contain only non-empty strings</source>
        <translation>%1.bad 只能包含非空字符串</translation>
    </message>
    <message>
        <source>%1.bad must list at least one faulty status</source>
        <translation>%1.bad 必须至少列出一个故障状态值</translation>
    </message>
    <message>
        <source>%1.severity &quot;%2&quot; is not one of critical, major, minor, info</source>
        <translation>%1.severity 的值“%2”不是 critical、major、minor、info 之一</translation>
    </message>
    <message>
        <source>%1.category &quot;%2&quot; is not one of %3</source>
        <translation>%1.category 的值“%2”不是 %3 之一</translation>
    </message>
    <message>
        <source>%1 must be a string or an object of texts by locale</source>
        <translation>%1 必须是字符串，或按语言区域给出文本的对象</translation>
    </message>
    <message>
        <source>%1.%2 must be a string</source>
        <translation>%1.%2 必须是字符串</translation>
    </message>
    <message>
        <source>%1 has an unknown key &quot;%2&quot; (allowed: %3)</source>
        <translation>%1 含有未知的键“%2”（允许的键：%3）</translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation>偏移 %1 处不是有效的 JSON：%2</translation>
    </message>
    <message>
        <source>the top level</source>
        <translation>顶层</translation>
    </message>
    <message>
        <source>version must be 1</source>
        <translation>version 必须为 1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a list</source>
        <translation>“%1”必须是列表</translation>
    </message>
    <message>
        <source>%1 must be an object</source>
        <translation>%1 必须是对象</translation>
    </message>
    <message>
        <source>%1.type is missing or empty</source>
        <translation>%1.type 缺失或为空</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 重复列出</translation>
    </message>
    <message>
        <source>%1 must be an object with a non-empty &quot;prefix&quot;</source>
        <translation>%1 必须是带非空“prefix”的对象</translation>
    </message>
    <message>
        <source>%1 must be an object with a non-empty &quot;resource&quot; and &quot;kind&quot;</source>
        <translation>%1 必须是带非空“resource”和“kind”的对象</translation>
    </message>
    <message>
        <source>&quot;unknown&quot; must be an object</source>
        <translation>“unknown”必须是对象</translation>
    </message>
</context>
<context>
    <name>app::cli::ActionCommand</name>
    <message>
        <source>%1 is already isolated; nothing changed</source>
        <translation>%1 已被隔离；未做任何更改</translation>
    </message>
    <message>
        <source>%1 would be isolated: %2 (dry run: nothing changed)</source>
        <translation>%1 将被隔离：%2（试运行：未做任何更改）</translation>
    </message>
    <message>
        <source>%1 would be restored: %2 (dry run: nothing changed)</source>
        <translation>%1 将被恢复：%2（试运行：未做任何更改）</translation>
    </message>
    <message>
        <source>%1 isolated: %2</source>
        <translation>%1 已隔离：%2</translation>
    </message>
    <message>
        <source>%1 restored: %2</source>
        <translation>%1 已恢复：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 was not isolated by Faultboard and is left as it is: it stays cordoned (someone else cordoned it; --uncordon uncordons it anyway)</source>
        <translation>%1 未被 Faultboard 隔离，保持原样：仍处于封锁状态（由他人封锁；使用 --uncordon 可仍然恢复其调度）</translation>
    </message>
    <message>
        <source>%1 was not isolated by Faultboard; nothing changed</source>
        <translation>%1 未被 Faultboard 隔离；未做任何更改</translation>
    </message>
    <message>
        <source>%1 carries no Faultboard isolation; nothing changed</source>
        <translation>%1 上没有 Faultboard 的隔离；未做任何更改</translation>
    </message>
    <message>
        <source>%1 Without --force it would not be restored (dry run).</source>
        <translation>%1 不加 --force 将不会恢复（试运行）。</translation>
    </message>
    <message>
        <source>%1 Not restored; --force restores it anyway.</source>
        <translation>%1 未恢复；使用 --force 可强制恢复。</translation>
    </message>
    <message>
        <source>%1 Without --force it would not be isolated (dry run).</source>
        <translation>%1 不加 --force 将不会隔离（试运行）。</translation>
    </message>
    <message>
        <source>%1 Not isolated; --force isolates it anyway.</source>
        <translation>%1 未隔离；使用 --force 可强制隔离。</translation>
    </message>
</context>
<context>
    <name>app::cli::Command</name>
    <message>
        <source>the fault history: %1</source>
        <translation>故障历史：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid node name (lower-case letters, digits, &apos;-&apos; and &apos;.&apos;)</source>
        <translation>“%1”不是有效的节点名称（只能包含小写字母、数字、“-”和“.”）</translation>
    </message>
</context>
<context>
    <name>app::cli::DrainCommand</name>
    <message>
        <source>cannot drain %1: %2</source>
        <translation>无法排空 %1：%2</translation>
    </message>
    <message>
        <source>%1: planning the drain (dry run)</source>
        <translation>%1：正在规划排空（试运行）</translation>
    </message>
    <message>
        <source>%1: cordoning and draining</source>
        <translation>%1：正在封锁并排空</translation>
    </message>
    <message>
        <source>%1: warning: %2</source>
        <translation>%1：警告：%2</translation>
    </message>
    <message>
        <source>%1: pod %2 would be evicted (dry run)</source>
        <translation>%1：Pod %2 将被驱逐（试运行）</translation>
    </message>
    <message>
        <source>%1: pod %2 skipped: %3</source>
        <translation>%1：已跳过 Pod %2：%3</translation>
    </message>
    <message>
        <source>%1: pod %2 evicting</source>
        <translation>%1：正在驱逐 Pod %2</translation>
    </message>
    <message>
        <source>%1: pod %2 evicting: %3</source>
        <translation>%1：正在驱逐 Pod %2：%3</translation>
    </message>
    <message>
        <source>%1: pod %2 blocked by a PodDisruptionBudget: %3</source>
        <translation>%1：Pod %2 被 PodDisruptionBudget 阻止：%3</translation>
    </message>
    <message>
        <source>%1: pod %2 evicted</source>
        <translation>%1：已驱逐 Pod %2</translation>
    </message>
    <message>
        <source>%1: pod %2 deleted</source>
        <translation>%1：已删除 Pod %2</translation>
    </message>
    <message>
        <source>%1: pod %2 failed: %3</source>
        <translation>%1：Pod %2 失败：%3</translation>
    </message>
    <message numerus="yes">
        <source>%1: dry run: %n pod(s) would be evicted; nothing changed</source>
        <translation>
            <numerusform>%1：试运行：将驱逐 %n 个 Pod；未做任何更改</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot drain %1 (dry run): %2</source>
        <translation>无法排空 %1（试运行）：%2</translation>
    </message>
    <message>
        <source>%1 drained: cordoned, %2</source>
        <translation>%1 已排空：已封锁，%2</translation>
    </message>
    <message>
        <source>%1 drained: %2</source>
        <translation>%1 已排空：%2</translation>
    </message>
    <message>
        <source>cannot drain %1: %2 (the node stays cordoned)</source>
        <translation>无法排空 %1：%2（节点保持封锁）</translation>
    </message>
    <message numerus="yes">
        <source>drain of %1 timed out: %n pod(s) evicted, others still there; the node stays cordoned</source>
        <translation>
            <numerusform>排空 %1 超时：已驱逐 %n 个 Pod，其余仍在节点上；节点保持封锁</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: pod %2 not evicted: %3</source>
        <translation>%1：Pod %2 未被驱逐：%3</translation>
    </message>
    <message>
        <source>drain of %1: %2</source>
        <translation>排空 %1：%2</translation>
    </message>
</context>
<context>
    <name>app::cli::OptionTable</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示此帮助并退出。</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>显示版本并退出。</translation>
    </message>
    <message>
        <source>The kubeconfig file to use (default: the files in KUBECONFIG, else ~/.kube/config).</source>
        <translation>要使用的 kubeconfig 文件（默认：KUBECONFIG 中的文件，否则为 ~/.kube/config）。</translation>
    </message>
    <message>
        <source>The kubeconfig context to use (default: its current context).</source>
        <translation>要使用的 kubeconfig 上下文（默认：其当前上下文）。</translation>
    </message>
    <message>
        <source>Open this kubeconfig context at once (instead of choosing one).</source>
        <translation>直接打开此 kubeconfig 上下文（而不是从列表中选择）。</translation>
    </message>
    <message>
        <source>Start a simulated demo cluster (kubesim) and show it.</source>
        <translation>启动一个模拟的演示集群（kubesim）并显示它。</translation>
    </message>
    <message>
        <source>The user interface language (en, zh_CN); default: the settings, else the system&apos;s.</source>
        <translation>界面语言（en 或 zh_CN）；默认使用设置中的语言，未设置时使用系统语言。</translation>
    </message>
    <message>
        <source>The theme: system, light or dark; default: the settings.</source>
        <translation>主题：system、light 或 dark；默认使用设置中的主题。</translation>
    </message>
    <message>
        <source>Save a picture of the main window to FILE and quit (for documentation).</source>
        <translation>将主窗口截图保存到 FILE 后退出（用于文档）。</translation>
    </message>
    <message>
        <source>Seconds to wait after the first sync before --screenshot (default 2).</source>
        <translation>首次同步后等待多少秒再执行 --screenshot（默认 2）。</translation>
    </message>
    <message>
        <source>csv or json (default: json when FILE ends in .json, else csv).</source>
        <translation>csv 或 json（默认：FILE 以 .json 结尾时为 json，否则为 csv）。</translation>
    </message>
    <message>
        <source>Write the report to FILE (default: standard output).</source>
        <translation>将报告写入 FILE（默认：标准输出）。</translation>
    </message>
    <message>
        <source>Report the faults of the fault history active since SINCE instead of the current ones: a duration back from now (24h, 90m, 7d) or an ISO 8601 time.</source>
        <translation>报告故障历史中自 SINCE 起处于活动状态的故障，而非当前故障：SINCE 为从现在往前的时长（24h、90m、7d）或 ISO 8601 时间。</translation>
    </message>
    <message>
        <source>text (for people, the default) or jsonl (one JSON object a line).</source>
        <translation>text（供人阅读，默认）或 jsonl（每行一个 JSON 对象）。</translation>
    </message>
    <message>
        <source>Stop after SECONDS (or a duration such as 10m); default: until interrupted.</source>
        <translation>SECONDS 秒（或 10m 这样的时长）后停止；默认：直到被中断。</translation>
    </message>
    <message>
        <source>The taint&apos;s effect: NoSchedule (keep new pods away) or NoExecute (also evict pods that do not tolerate it); default: the settings&apos;, NoSchedule unless changed.</source>
        <translation>污点的效果：NoSchedule（使新 Pod 不调度到节点）或 NoExecute（同时驱逐不容忍该污点的 Pod）；默认：取设置中的值，未更改时为 NoSchedule。</translation>
    </message>
    <message>
        <source>Also uncordon nodes that Faultboard did not cordon (by default a cordon someone else set, such as kubectl drain&apos;s, is left in place).</source>
        <translation>同时对并非由 Faultboard 封锁的节点恢复调度（默认保留他人设置的封锁，例如 kubectl drain 的封锁）。</translation>
    </message>
    <message>
        <source>Leave DaemonSet-managed pods alone instead of refusing.</source>
        <translation>忽略由 DaemonSet 管理的 Pod，而不是拒绝执行。</translation>
    </message>
    <message>
        <source>Evict pods with emptyDir volumes too (their local data is lost).</source>
        <translation>同时驱逐使用 emptyDir 卷的 Pod（其本地数据将丢失）。</translation>
    </message>
    <message>
        <source>Also delete pods that no controller manages (or whose DaemonSet is gone).</source>
        <translation>同时删除没有控制器管理（或其 DaemonSet 已不存在）的 Pod。</translation>
    </message>
    <message>
        <source>Seconds each pod gets to terminate; -1 (the default) uses the pod&apos;s own.</source>
        <translation>每个 Pod 终止的宽限秒数；-1（默认）表示使用 Pod 自身的设置。</translation>
    </message>
    <message>
        <source>Give up on a node after SECONDS (or a duration such as 5m) from its first eviction; 0 (the default) waits for ever.</source>
        <translation>自节点第一次驱逐起经过 SECONDS 秒（或 5m 这样的时长）后放弃该节点；0（默认）表示一直等待。</translation>
    </message>
    <message>
        <source>Only evict the pods matching this label selector.</source>
        <translation>只驱逐匹配此标签选择器的 Pod。</translation>
    </message>
    <message>
        <source>Delete pods instead of evicting them, bypassing PodDisruptionBudgets.</source>
        <translation>删除 Pod 而不是驱逐，绕过 PodDisruptionBudget。</translation>
    </message>
    <message>
        <source>Skip pods whose deletion began more than SECONDS ago.</source>
        <translation>跳过开始删除已超过 SECONDS 秒的 Pod。</translation>
    </message>
    <message>
        <source>Show what would change; change nothing.</source>
        <translation>显示将要发生的更改；不做任何更改。</translation>
    </message>
    <message>
        <source>Also restore nodes that still have a critical fault (without it such a node is refused, with the fault and since when: restoring puts a broken node back into scheduling).</source>
        <translation>也恢复仍有紧急故障的节点（不加此选项时，此类节点会被拒绝，并给出故障及其开始时间：恢复会让故障节点重新参与调度）。</translation>
    </message>
    <message>
        <source>A note (what was seen, a ticket), recorded after each node&apos;s own fault in its faultboard.io/isolated-reason annotation and its Event.</source>
        <translation>备注（观察到的现象、工单号），记录在每个节点自身故障之后，写入其 faultboard.io/isolated-reason 注解和事件中。</translation>
    </message>
    <message>
        <source>With several nodes, also isolate those that have no active fault (without it they are refused, named: a list easily sweeps healthy nodes along).</source>
        <translation>指定多个节点时，也隔离没有活动故障的节点（不加此选项时，这些节点会被逐一点名并拒绝：节点列表很容易把健康节点一并带上）。</translation>
    </message>
    <message>
        <source>Send the bearer token in FILE to Prometheus.</source>
        <translation>向 Prometheus 发送 FILE 中的 Bearer 令牌。</translation>
    </message>
    <message>
        <source>Log in to Prometheus with the user:password on the first line of FILE.</source>
        <translation>使用 FILE 第一行的 user:password 登录 Prometheus。</translation>
    </message>
    <message>
        <source>Trust Prometheus&apos; certificate only when the CA in FILE (PEM) signed it.</source>
        <translation>仅信任由 FILE（PEM）中的 CA 签发的 Prometheus 证书。</translation>
    </message>
    <message>
        <source>Show in each node&apos;s History tab the faults the Prometheus-compatible API at URL holds for it (kube-state-metrics&apos; node metrics) that Faultboard did not see itself.</source>
        <translation>在每个节点的“历史”标签页中显示 URL 处兼容 Prometheus 的 API 所记录的、Faultboard 自身未观察到的该节点故障（kube-state-metrics 的节点指标）。</translation>
    </message>
    <message>
        <source>With --history: also read the fault history from the Prometheus-compatible API at URL (kube-state-metrics&apos; node metrics), for the time before Faultboard watched. Without it, the Prometheus set for the cluster&apos;s context in the window (Cluster &gt; Prometheus of this cluster), if any.</source>
        <translation>与 --history 一起使用：同时从 URL 处兼容 Prometheus 的 API 读取故障历史（kube-state-metrics 的节点指标），补全 Faultboard 开始监视之前的时间。未给出时，使用窗口中为该集群上下文设置的 Prometheus（集群 &gt; 此集群的 Prometheus）（如有）。</translation>
    </message>
    <message>
        <source>What --screenshot shows: grid (default), faults-first or faulty-only (the grid so ordered or filtered), group:LABEL (the grid grouped by a node label), node:NAME (its fault history), pods:NAME (its pods), trends, drain:NAME (the drain dialog), drain-stopped:NAME (a drain stopped half way), isolate:NAMES or restore:NAMES (the confirmation for these comma-separated nodes), size:WxH[,NAME] (the window at that size, with that node shown), export (the export dialog), hidden:NAME,FILTER (NAME selected, then hidden by that name filter), menu:NAME (the context menu on its tile), chooser (the clusters offered when there is no last one to open), or unreadable (the view of a cluster that cannot be read, without waiting for a sync).</source>
        <translation>--screenshot 截取的内容：grid（默认，节点网格）、faults-first 或 faulty-only（按故障优先排序或只显示故障节点的网格）、group:LABEL（按节点标签分组的网格）、node:NAME（该节点的故障历史）、pods:NAME（该节点的 Pod）、trends（趋势）、drain:NAME（排空对话框）、drain-stopped:NAME（中途停止的排空）、isolate:NAMES 或 restore:NAMES（对这些以逗号分隔的节点的确认对话框）、size:WxH[,NAME]（该尺寸的窗口，并显示该节点）、export（导出对话框）、hidden:NAME,FILTER（选中 NAME 后再用该名称筛选将其隐藏）、menu:NAME（在其方块上打开的右键菜单）、chooser（没有上次的集群可打开时提供的集群列表）或 unreadable（无法读取的集群的视图，不等待同步）。</translation>
    </message>
</context>
<context>
    <name>app::cli::ReportCommand</name>
    <message>
        <source>cannot read the nodes of %1 (context %2): %3</source>
        <translation>无法读取 %1 的节点（上下文 %2）：%3</translation>
    </message>
    <message>
        <source>cannot read the fault history %1: %2</source>
        <translation>无法读取故障历史 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n fault(s) written to %1</source>
        <translation>
            <numerusform>已将 %n 个故障写入 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app::cli::WatchCommand</name>
    <message>
        <source>cannot read the nodes of %1 (context %2): %3</source>
        <translation>无法读取 %1 的节点（上下文 %2）：%3</translation>
    </message>
    <message numerus="yes">
        <source>watching %n node(s) of %1 (context %2), recording to %3</source>
        <translation>
            <numerusform>正在监视 %1 的 %n 个节点（上下文 %2），记录到 %3</numerusform>
        </translation>
    </message>
    <message>
        <source>the watch of %1 broke, retrying: %2</source>
        <translation>对 %1 的监视中断，正在重试：%2</translation>
    </message>
    <message>
        <source>watching %1 again</source>
        <translation>重新开始监视 %1</translation>
    </message>
    <message>
        <source>fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>recovered</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>still faulty</source>
        <translation>仍有故障</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>%1 (first seen)</source>
        <translation>%1（首次发现）</translation>
    </message>
    <message>
        <source>%1 (changed while nobody watched)</source>
        <translation>%1（无人监视期间发生变化）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>已消失</translation>
    </message>
    <message>
        <source>%1 %2 %3 %4 → %5 %6 %7 — %8</source>
        <extracomment>time, node, condition type, old status → new status, severity, what it means, reason and message</extracomment>
        <translation>%1 %2 %3 %4 → %5 %6 %7 — %8</translation>
    </message>
</context>
<context>
    <name>kube::AccessReview</name>
    <message>
        <source>the SelfSubjectAccessReview answer has no status.allowed</source>
        <translation>SelfSubjectAccessReview 的应答中没有 status.allowed</translation>
    </message>
</context>
<context>
    <name>kube::ApiCall</name>
    <message>
        <source>the server&apos;s certificate is signed by an unknown authority (not the certificate-authority of the kubeconfig)</source>
        <translation>服务器证书由未知的证书颁发机构签发（不是 kubeconfig 中的 certificate-authority）</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not valid for this host name (%1)</source>
        <translation>服务器证书对此主机名（%1）无效</translation>
    </message>
    <message>
        <source>the server&apos;s certificate expired on %1</source>
        <translation>服务器证书已于 %1 过期</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not valid before %1</source>
        <translation>服务器证书要到 %1 才生效</translation>
    </message>
    <message>
        <source>through the proxy %1 (%2): %3</source>
        <translation>经由代理 %1（%2）：%3</translation>
    </message>
</context>
<context>
    <name>kube::ApiClient</name>
    <message>
        <source>%1: clusters[%2].cluster.certificate-authority: cannot read %3: %4</source>
        <translation>%1：clusters[%2].cluster.certificate-authority：无法读取 %3：%4</translation>
    </message>
    <message>
        <source>%1: clusters[%2].cluster: the certificate authority holds no PEM certificate</source>
        <translation>%1：clusters[%2].cluster：证书颁发机构数据中没有 PEM 证书</translation>
    </message>
    <message>
        <source>%1: clusters[%2].cluster.proxy-url</source>
        <translation>%1：clusters[%2].cluster.proxy-url</translation>
    </message>
    <message>
        <source>the environment variable %1</source>
        <translation>环境变量 %1</translation>
    </message>
    <message>
        <source>%1: proxy scheme &quot;%2&quot; is not supported (use http, https or socks5)</source>
        <translation>%1：不支持代理协议“%2”（请使用 http、https 或 socks5）</translation>
    </message>
    <message>
        <source>%1: cannot open a local relay for the https proxy: %2</source>
        <translation>%1：无法为 https 代理打开本地中继：%2</translation>
    </message>
</context>
<context>
    <name>kube::ClusterQueries</name>
    <message>
        <source>list pods on node %1</source>
        <translation>列出节点 %1 上的 Pod</translation>
    </message>
    <message>
        <source>list events of node %1</source>
        <translation>列出节点 %1 的事件</translation>
    </message>
    <message>
        <source>check permission to %1</source>
        <translation>检查是否有权限执行 %1</translation>
    </message>
</context>
<context>
    <name>kube::CredentialProvider</name>
    <message>
        <source>%1: no PEM certificate found</source>
        <translation>%1：未找到 PEM 证书</translation>
    </message>
    <message>
        <source>%1: the client key is not a PEM private key (RSA or EC)</source>
        <translation>%1：客户端密钥不是 PEM 格式的私钥（RSA 或 EC）</translation>
    </message>
    <message>
        <source>user &quot;%1&quot; in %2</source>
        <translation>%2 中的用户“%1”</translation>
    </message>
    <message>
        <source>%1: auth-provider oidc has no id-token; log in with your OIDC helper first</source>
        <translation>%1：auth-provider oidc 没有 id-token；请先用您的 OIDC 辅助工具登录</translation>
    </message>
    <message>
        <source>%1: the &quot;%2&quot; auth-provider was removed from kubectl; use its exec plugin (for example gke-gcloud-auth-plugin or kubelogin)</source>
        <translation>%1：kubectl 已移除“%2”auth-provider；请改用它的 exec 插件（例如 gke-gcloud-auth-plugin 或 kubelogin）</translation>
    </message>
    <message>
        <source>%1: cannot read client-certificate %2: %3</source>
        <translation>%1：无法读取 client-certificate %2：%3</translation>
    </message>
    <message>
        <source>%1: cannot read client-key %2: %3</source>
        <translation>%1：无法读取 client-key %2：%3</translation>
    </message>
    <message>
        <source>user &quot;%1&quot;: cannot read tokenFile %2: %3</source>
        <translation>用户“%1”：无法读取 tokenFile %2：%3</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>exec plugin %1 did not finish within %2 s</source>
        <translation>exec 插件 %1 未在 %2 秒内完成</translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot; could not be started: %2</source>
        <translation>无法启动 exec 插件“%1”：%2</translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot; failed with exit code %2</source>
        <translation>exec 插件“%1”失败，退出码 %2</translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot; crashed</source>
        <translation>exec 插件“%1”崩溃</translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot;: %2</source>
        <translation>exec 插件“%1”：%2</translation>
    </message>
    <message>
        <source>its output is not an ExecCredential</source>
        <translation>其输出不是 ExecCredential</translation>
    </message>
    <message>
        <source>it answered apiVersion &quot;%1&quot; but the kubeconfig asked for &quot;%2&quot;</source>
        <translation>它返回的 apiVersion 是“%1”，但 kubeconfig 要求的是“%2”</translation>
    </message>
    <message>
        <source>its ExecCredential has no status</source>
        <translation>其 ExecCredential 没有 status</translation>
    </message>
    <message>
        <source>clientCertificateData and clientKeyData must come together</source>
        <translation>clientCertificateData 和 clientKeyData 必须同时提供</translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot;</source>
        <translation>exec 插件“%1”</translation>
    </message>
    <message>
        <source>its ExecCredential status has neither a token nor a client certificate</source>
        <translation>其 ExecCredential 的 status 中既没有 token 也没有客户端证书</translation>
    </message>
    <message>
        <source>expirationTimestamp &quot;%1&quot; is not an RFC 3339 time</source>
        <translation>expirationTimestamp“%1”不是 RFC 3339 格式的时间</translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot; needs an interactive terminal (interactiveMode: Always); log in with it in a terminal first, or set interactiveMode to IfAvailable</source>
        <translation>exec 插件“%1”需要交互式终端（interactiveMode: Always）；请先在终端中用它登录，或将 interactiveMode 设为 IfAvailable</translation>
    </message>
</context>
<context>
    <name>kube::Informer</name>
    <message>
        <source>list %1</source>
        <translation>列出%1</translation>
    </message>
    <message>
        <source>watch %1</source>
        <translation>监视%1</translation>
    </message>
    <message>
        <source>a watch event exceeded %1 MiB</source>
        <translation>单个监视事件超过了 %1 MiB</translation>
    </message>
    <message>
        <source>the server closed the watch at once</source>
        <translation>服务器立即关闭了监视连接</translation>
    </message>
    <message>
        <source>no data from the server for %1 s, the connection is presumed dead</source>
        <translation>服务器已 %1 秒未发送数据，判定连接已断开</translation>
    </message>
</context>
<context>
    <name>kube::NodeActions</name>
    <message>
        <source>cordon</source>
        <translation>封锁</translation>
    </message>
    <message>
        <source>uncordon</source>
        <translation>恢复调度</translation>
    </message>
    <message>
        <source>taint</source>
        <translation>设置污点</translation>
    </message>
    <message>
        <source>isolate</source>
        <translation>隔离</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>cordon node %1</source>
        <translation>封锁节点 %1</translation>
    </message>
    <message>
        <source>uncordon node %1</source>
        <translation>恢复节点 %1 的调度</translation>
    </message>
    <message>
        <source>taint node %1</source>
        <translation>设置节点 %1 的污点</translation>
    </message>
    <message>
        <source>node %1: %2</source>
        <translation>节点 %1：%2</translation>
    </message>
    <message>
        <source>no taint given</source>
        <translation>未指定污点</translation>
    </message>
    <message>
        <source>isolate node %1</source>
        <translation>隔离节点 %1</translation>
    </message>
    <message>
        <source>the isolation taint&apos;s effect must be NoSchedule or NoExecute, not &quot;%1&quot;</source>
        <translation>隔离污点的效果必须是 NoSchedule 或 NoExecute，而不是“%1”</translation>
    </message>
    <message>
        <source>the isolation taint %1 is not valid: %2</source>
        <translation>隔离污点 %1 无效：%2</translation>
    </message>
    <message>
        <source>restore node %1</source>
        <translation>恢复节点 %1</translation>
    </message>
    <message>
        <source>the node is not JSON</source>
        <translation>节点数据不是 JSON</translation>
    </message>
    <message>
        <source>%1 (gave up after %2 attempts)</source>
        <translation>%1（尝试 %2 次后放弃）</translation>
    </message>
    <message>
        <source>record an event on node %1</source>
        <translation>在节点 %1 上记录事件</translation>
    </message>
    <message>
        <source>%1: %2; retrying in %3 s</source>
        <translation>%1：%2；%3 秒后重试</translation>
    </message>
    <message>
        <source>the node is not a Node</source>
        <translation>该对象不是 Node</translation>
    </message>
</context>
<context>
    <name>kube::NodeDrain</name>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>blocking</source>
        <translation>阻止排空</translation>
    </message>
    <message>
        <source>evicting</source>
        <translation>驱逐中</translation>
    </message>
    <message>
        <source>blocked by PodDisruptionBudget</source>
        <translation>被 PodDisruptionBudget 阻止</translation>
    </message>
    <message>
        <source>evicted</source>
        <translation>已驱逐</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>drain node %1</source>
        <translation>排空节点 %1</translation>
    </message>
    <message>
        <source>drain node %1: cordon</source>
        <translation>排空节点 %1：封锁</translation>
    </message>
    <message>
        <source>drain node %1: list its pods</source>
        <translation>排空节点 %1：列出其 Pod</translation>
    </message>
    <message>
        <source>drain node %1: read DaemonSet %2</source>
        <translation>排空节点 %1：读取 DaemonSet %2</translation>
    </message>
    <message>
        <source>DaemonSet-managed Pods (use --ignore-daemonsets to ignore)</source>
        <translation>由 DaemonSet 管理的 Pod（可用 --ignore-daemonsets 忽略）</translation>
    </message>
    <message>
        <source>ignoring DaemonSet-managed Pods</source>
        <translation>忽略由 DaemonSet 管理的 Pod</translation>
    </message>
    <message>
        <source>Pods with local storage (use --delete-emptydir-data to override)</source>
        <translation>使用本地存储的 Pod（可用 --delete-emptydir-data 强制删除）</translation>
    </message>
    <message>
        <source>deleting Pods with local storage</source>
        <translation>删除使用本地存储的 Pod</translation>
    </message>
    <message>
        <source>cannot delete Pods that declare no controller (use --force to override)</source>
        <translation>未声明控制器的 Pod（可用 --force 强制删除）</translation>
    </message>
    <message>
        <source>deleting Pods that declare no controller</source>
        <translation>删除未声明控制器的 Pod</translation>
    </message>
    <message>
        <source>deletion timestamp older than %1 s</source>
        <translation>删除时间戳已超过 %1 秒</translation>
    </message>
    <message>
        <source>mirror pod</source>
        <translation>镜像 Pod</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>cannot delete %1: %2</source>
        <translation>无法删除%1：%2</translation>
    </message>
    <message>
        <source>drain node %1 (dry run)</source>
        <translation>排空节点 %1（试运行）</translation>
    </message>
    <message>
        <source>drain node %1: discover the eviction API</source>
        <translation>排空节点 %1：探测驱逐 API</translation>
    </message>
    <message>
        <source>evict pod %1</source>
        <translation>驱逐 Pod %1</translation>
    </message>
    <message>
        <source>delete pod %1</source>
        <translation>删除 Pod %1</translation>
    </message>
    <message>
        <source>%1; retrying in %2 s</source>
        <translation>%1；%2 秒后重试</translation>
    </message>
    <message>
        <source>wait for pod %1 to terminate</source>
        <translation>等待 Pod %1 终止</translation>
    </message>
    <message>
        <source>deletion timestamp older than %1 s, skipping</source>
        <translation>删除时间戳已超过 %1 秒，跳过</translation>
    </message>
    <message>
        <source>drain node %1: %2</source>
        <translation>排空节点 %1：%2</translation>
    </message>
    <message>
        <source>global timeout reached: %1 s</source>
        <translation>已达到总超时时间：%1 秒</translation>
    </message>
    <message>
        <source>the server offers no eviction (no pods/eviction in /api/v1): pods are deleted, which PodDisruptionBudgets do not stop</source>
        <translation>服务器不提供驱逐（/api/v1 中没有 pods/eviction）：将直接删除 Pod，PodDisruptionBudget 无法阻止删除</translation>
    </message>
    <message>
        <source>cannot check the pod (%1); checking again</source>
        <translation>无法检查 Pod（%1）；正在重新检查</translation>
    </message>
    <message>
        <source>not evicted</source>
        <translation>未驱逐</translation>
    </message>
    <message>
        <source>the drain was stopped before this pod was evicted</source>
        <translation>排空在驱逐此 Pod 之前已停止</translation>
    </message>
    <message>
        <source>read back pod %1 after the drain was stopped</source>
        <translation>排空停止后回读 Pod %1</translation>
    </message>
    <message>
        <source>the drain was stopped; its state is not known: %1</source>
        <translation>排空已停止；其状态未知：%1</translation>
    </message>
    <message>
        <source>unreadable answer</source>
        <translation>无法读取的应答</translation>
    </message>
    <message>
        <source>eviction accepted; still terminating when the drain was stopped</source>
        <translation>驱逐已被接受；排空停止时仍在终止中</translation>
    </message>
    <message>
        <source>the drain was stopped before the eviction took effect</source>
        <translation>排空在驱逐生效之前已停止</translation>
    </message>
    <message>
        <source>%1: %2; retrying in %3 s</source>
        <translation>%1：%2；%3 秒后重试</translation>
    </message>
    <message>
        <source>%1; checking again in %2 s</source>
        <translation>%1；%2 秒后再次检查</translation>
    </message>
</context>
<context>
    <name>kube::ObjectCodec</name>
    <message>
        <source>the %1 list is not JSON with items</source>
        <translation>%1 列表不是带 items 的 JSON</translation>
    </message>
    <message>
        <source>a watch event is not JSON</source>
        <translation>监视事件不是 JSON</translation>
    </message>
    <message>
        <source>unknown watch event type &quot;%1&quot;</source>
        <translation>未知的监视事件类型“%1”</translation>
    </message>
    <message>
        <source>a watch event carries no usable object</source>
        <translation>监视事件中没有可用的对象</translation>
    </message>
</context>
<context>
    <name>kube::PodDecoder</name>
    <message>
        <source>the answer is not a Pod</source>
        <translation>应答不是 Pod</translation>
    </message>
</context>
<context>
    <name>kube::PrometheusClient</name>
    <message>
        <source>cannot read the CA file %1: %2</source>
        <translation>无法读取 CA 文件 %1：%2</translation>
    </message>
    <message>
        <source>no PEM certificate in it</source>
        <translation>其中没有 PEM 证书</translation>
    </message>
    <message>
        <source>%1 from Prometheus at %2</source>
        <translation>从 %2 处的 Prometheus %1</translation>
    </message>
    <message>
        <source>not a range query: URL %1, %2 to %3, step %4 s</source>
        <translation>不是有效的范围查询：URL %1，%2 至 %3，步长 %4 秒</translation>
    </message>
    <message>
        <source>the answer is not JSON (%1): %2</source>
        <translation>应答不是 JSON（%1）：%2</translation>
    </message>
    <message>
        <source>the answer&apos;s status is &quot;%1&quot;, not &quot;success&quot;</source>
        <translation>应答的 status 为“%1”，而不是“success”</translation>
    </message>
    <message>
        <source>the answer&apos;s resultType is &quot;%1&quot;, not &quot;matrix&quot;</source>
        <translation>应答的 resultType 为“%1”，而不是“matrix”</translation>
    </message>
    <message>
        <source>the answer has no result list</source>
        <translation>应答中没有 result 列表</translation>
    </message>
    <message>
        <source>series %1 of the answer has no metric or no values</source>
        <translation>应答中的第 %1 个序列缺少 metric 或 values</translation>
    </message>
    <message>
        <source>series %1 of the answer has a sample that is not [time, &quot;value&quot;]</source>
        <translation>应答中的第 %1 个序列有样本不是 [时间, &quot;值&quot;] 格式</translation>
    </message>
    <message>
        <source>no error</source>
        <translation>无错误</translation>
    </message>
    <message>
        <source>Prometheus refused the connection (%1); is it running and is the URL right?</source>
        <translation>Prometheus 拒绝了连接（%1）；请检查它是否在运行、URL 是否正确</translation>
    </message>
    <message>
        <source>cannot resolve Prometheus&apos; host name (%1)</source>
        <translation>无法解析 Prometheus 的主机名（%1）</translation>
    </message>
    <message>
        <source>Prometheus did not answer in time (%1)</source>
        <translation>Prometheus 未及时响应（%1）</translation>
    </message>
    <message>
        <source>TLS with Prometheus failed: %1</source>
        <translation>与 Prometheus 的 TLS 连接失败：%1</translation>
    </message>
    <message>
        <source>Prometheus refused the credentials (401 Unauthorized): %1</source>
        <translation>Prometheus 拒绝了凭据（401 Unauthorized）：%1</translation>
    </message>
    <message>
        <source>Prometheus does not allow this query (403 Forbidden): %1</source>
        <translation>Prometheus 不允许此查询（403 Forbidden）：%1</translation>
    </message>
    <message>
        <source>Prometheus answered %1 (%2): %3</source>
        <translation>Prometheus 返回 %1（%2）：%3</translation>
    </message>
    <message>
        <source>Prometheus&apos; answer cannot be read: %1</source>
        <translation>无法读取 Prometheus 的应答：%1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>kube::ProtobufNodeDecoder</name>
    <message>
        <source>a malformed field tag</source>
        <translation>格式错误的字段标记</translation>
    </message>
    <message>
        <source>a truncated number</source>
        <translation>被截断的数字</translation>
    </message>
    <message>
        <source>messages nested too deeply</source>
        <translation>嵌套过深的消息</translation>
    </message>
    <message>
        <source>a message that ends early</source>
        <translation>提前结束的消息</translation>
    </message>
    <message>
        <source>an unknown wire type %1</source>
        <translation>未知的线路类型 %1</translation>
    </message>
    <message>
        <source>%1 at byte %2</source>
        <translation>第 %2 字节处的%1</translation>
    </message>
    <message>
        <source>an unexpected wire type %1</source>
        <translation>意外的线路类型 %1</translation>
    </message>
    <message>
        <source>a truncated length</source>
        <translation>被截断的长度</translation>
    </message>
    <message>
        <source>a field of %1 bytes past the end of the data</source>
        <translation>超出数据末尾的 %1 字节字段</translation>
    </message>
    <message>
        <source>the answer does not start with Kubernetes&apos; protobuf marker</source>
        <translation>应答不是以 Kubernetes 的 protobuf 标记开头</translation>
    </message>
    <message>
        <source>the answer uses the unsupported content encoding &quot;%1&quot;</source>
        <translation>应答使用了不支持的内容编码“%1”</translation>
    </message>
    <message>
        <source>the answer holds no object</source>
        <translation>应答中没有对象</translation>
    </message>
    <message>
        <source>the protobuf node list cannot be read: %1</source>
        <translation>无法读取 protobuf 节点列表：%1</translation>
    </message>
    <message>
        <source>the server sent a protobuf &quot;%1&quot; where a NodeList was expected</source>
        <translation>服务器发来的是 protobuf “%1”，而应为 NodeList</translation>
    </message>
    <message>
        <source>the protobuf node list cannot be read: %1 (%2 nodes read)</source>
        <translation>无法读取 protobuf 节点列表：%1（已读取 %2 个节点）</translation>
    </message>
    <message>
        <source>the answer holds a second object</source>
        <translation>回答中包含第二个对象</translation>
    </message>
    <message>
        <source>the answer ends inside the field</source>
        <translation>回答在字段中途结束</translation>
    </message>
    <message>
        <source>a field of %1 bytes</source>
        <translation>%1 字节的字段</translation>
    </message>
</context>
<context>
    <name>kube::SelfSubjectReview</name>
    <message>
        <source>ask the server who we are</source>
        <translation>向服务器查询当前身份</translation>
    </message>
    <message>
        <source>the SelfSubjectReview is not JSON</source>
        <translation>SelfSubjectReview 不是 JSON</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Faultboard: watch, isolate, restore and drain faulty nodes of Kubernetes AI clusters.</source>
        <translation>Faultboard：监视、隔离、恢复和排空 Kubernetes AI 集群中的故障节点。</translation>
    </message>
    <message>
        <source>Starting the demo cluster…</source>
        <translation>正在启动演示集群…</translation>
    </message>
    <message>
        <source>The demo cluster failed to start: %1</source>
        <translation>演示集群启动失败：%1</translation>
    </message>
    <message>
        <source>Your fault taxonomy file was not used</source>
        <translation>未使用您的故障分类文件</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Cannot open the cluster</source>
        <translation>无法打开集群</translation>
    </message>
    <message>
        <source>Usage: faultboard [options]
       faultboard COMMAND [options] [NODE...]</source>
        <translation>用法：faultboard [选项]
       faultboard COMMAND [选项] [NODE...]</translation>
    </message>
</context>
<context>
    <name>models::ActionLogModel</name>
    <message>
        <source>running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>partly done</source>
        <translation>部分完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>dry run</source>
        <translation>试运行</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>models::ClusterSession</name>
    <message>
        <source>nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Stale since %1: %2</source>
        <translation>自 %1 起数据已过时：%2</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
</context>
<context>
    <name>models::FaultHistory</name>
    <message>
        <source>the history %1 is not open</source>
        <translation>历史数据库 %1 未打开</translation>
    </message>
</context>
<context>
    <name>models::FaultSummaryModel</name>
    <message numerus="yes">
        <source>%n node(s) whose worst fault is %1</source>
        <translation>
            <numerusform>%n 个节点的最严重故障级别为%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) with %1</source>
        <translation>
            <numerusform>%n 个节点存在 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点数</translation>
    </message>
</context>
<context>
    <name>models::NodeConditionsModel</name>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Recommended action: %1</source>
        <translation>建议操作：%1</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>状况</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Last transition</source>
        <translation>最近变化</translation>
    </message>
</context>
<context>
    <name>models::NodeEventsModel</name>
    <message>
        <source>Last seen</source>
        <translation>最近出现</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>models::NodeGridModel</name>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>%1 (%2) since %3</source>
        <translation>%1（%2），自 %3 起</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Isolated by Faultboard</source>
        <translation>已被 Faultboard 隔离</translation>
    </message>
    <message>
        <source>Cordoned</source>
        <translation>已封锁</translation>
    </message>
    <message>
        <source>Accelerators: %1 of %2 healthy</source>
        <translation>加速卡：%2 张中 %1 张健康</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
</context>
<context>
    <name>models::NodeHistoryModel</name>
    <message>
        <source>Node added</source>
        <translation>节点已添加</translation>
    </message>
    <message>
        <source>Node removed</source>
        <translation>节点已移除</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1（由 %2 执行）</translation>
    </message>
    <message>
        <source>%1 fault began</source>
        <translation>%1 故障开始</translation>
    </message>
    <message>
        <source>%1 fault ended</source>
        <translation>%1 故障结束</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>(gone)</source>
        <translation>（已消失）</translation>
    </message>
    <message>
        <source>%1 → … → %2 (changed while not watched)</source>
        <translation>%1 → … → %2（未监视期间发生变化）</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Happened %1, recorded %2</source>
        <translation>发生于 %1，记录于 %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>%1 (from Prometheus, up to %2 s late)</source>
        <translation>%1（来自 Prometheus，最多晚 %2 秒）</translation>
    </message>
    <message>
        <source>over (from Prometheus, up to %1 s late)</source>
        <translation>已结束（来自 Prometheus，最多晚 %1 秒）</translation>
    </message>
</context>
<context>
    <name>models::NodeOperations</name>
    <message>
        <source>isolate</source>
        <translation>隔离</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>drain</source>
        <translation>排空</translation>
    </message>
    <message>
        <source>taint %1 added</source>
        <translation>已添加污点 %1</translation>
    </message>
    <message>
        <source>taint %1 removed</source>
        <translation>已移除污点 %1</translation>
    </message>
    <message>
        <source>cordoned</source>
        <translation>已封锁</translation>
    </message>
    <message>
        <source>uncordoned</source>
        <translation>已恢复调度</translation>
    </message>
    <message>
        <source>annotations only</source>
        <translation>仅注解</translation>
    </message>
    <message>
        <source>already isolated; nothing to change</source>
        <translation>已隔离；无需更改</translation>
    </message>
    <message>
        <source>not isolated by Faultboard; left as it is (cordoned by someone else: uncordon explicitly to make it schedulable)</source>
        <translation>未被 Faultboard 隔离；保持原样（由他人封锁：如需使其可调度，请显式恢复调度）</translation>
    </message>
    <message>
        <source>not isolated by Faultboard; left as it is</source>
        <translation>未被 Faultboard 隔离；保持原样</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>无需更改</translation>
    </message>
    <message>
        <source>the node stays cordoned: Faultboard did not cordon it</source>
        <translation>节点保持封锁：封锁并非由 Faultboard 执行</translation>
    </message>
    <message>
        <source>the Event could not be written: %1</source>
        <translation>无法写入事件（Event）：%1</translation>
    </message>
    <message>
        <source>%1 (kubeconfig user; the server did not say who)</source>
        <translation>%1（kubeconfig 用户；服务器未告知身份）</translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) would be evicted</source>
        <translation>
            <numerusform>将驱逐 %n 个 Pod</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) evicted</source>
        <translation>
            <numerusform>已驱逐 %n 个 Pod</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>timed out: %n pod(s) evicted, others still there</source>
        <translation>
            <numerusform>超时：已驱逐 %n 个 Pod，其余仍在节点上</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) could not be evicted</source>
        <translation>
            <numerusform>%n 个 Pod 无法驱逐</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still terminating</source>
        <translation>
            <numerusform>%n 个仍在终止中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not evicted</source>
        <translation>
            <numerusform>%n 个未驱逐</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped: %1; the node stays cordoned</source>
        <translation>已停止：%1；节点保持封锁</translation>
    </message>
    <message>
        <source>%1 still has a critical fault: %2, active since %3. Restoring it puts a broken node back into scheduling.</source>
        <translation>%1 仍有紧急故障：%2，自 %3 起持续。恢复它会让故障节点重新参与调度。</translation>
    </message>
    <message>
        <source>%1 still has a critical fault: %2 (since when is not known). Restoring it puts a broken node back into scheduling.</source>
        <translation>%1 仍有紧急故障：%2（开始时间未知）。恢复它会让故障节点重新参与调度。</translation>
    </message>
    <message>
        <source>restored at the operator&apos;s explicit choice: %1</source>
        <translation>应操作者的明确选择而恢复：%1</translation>
    </message>
    <message>
        <source>no active fault</source>
        <translation>无活动故障</translation>
    </message>
    <message>
        <source>no active fault; %1</source>
        <translation>无活动故障；%1</translation>
    </message>
    <message>
        <source>fault: %1</source>
        <translation>故障：%1</translation>
    </message>
    <message>
        <source>fault: %1; %2</source>
        <translation>故障：%1；%2</translation>
    </message>
    <message>
        <source>%1 has no active fault: isolating it takes a healthy node out of scheduling.</source>
        <translation>%1 没有活动故障：隔离它会让一个健康节点退出调度。</translation>
    </message>
    <message>
        <source>isolated at the operator&apos;s explicit choice: %1</source>
        <translation>应操作者的明确选择而隔离：%1</translation>
    </message>
</context>
<context>
    <name>models::NodePodsModel</name>
    <message>
        <source>static pod (mirror)</source>
        <translation>静态 Pod（镜像）</translation>
    </message>
    <message>
        <source>none (unmanaged)</source>
        <translation>无（不受管理）</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <source>%1h</source>
        <translation>%1小时</translation>
    </message>
    <message>
        <source>%1d</source>
        <translation>%1天</translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation>正在终止</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>镜像 %1</translation>
    </message>
    <message>
        <source>emptyDir volumes: %1 (their data is lost on eviction)</source>
        <translation>emptyDir 卷：%1（驱逐时其数据会丢失）</translation>
    </message>
    <message>
        <source>%1 in %2, %3, owner %4</source>
        <translation>%1（命名空间 %2），%3，所有者 %4</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>重启次数</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>存在时间</translation>
    </message>
</context>
<context>
    <name>models::PrometheusHistory</name>
    <message>
        <source>read the fault history of node %1</source>
        <translation>读取节点 %1 的故障历史</translation>
    </message>
    <message>
        <source>read the fleet&apos;s %1 faults</source>
        <translation>读取整个集群的 %1 故障</translation>
    </message>
    <message>
        <source>read the fleet&apos;s faults of condition types the taxonomy does not know</source>
        <translation>读取整个集群中故障分类未收录的状况类型的故障</translation>
    </message>
    <message>
        <source>read the fleet&apos;s lost accelerators</source>
        <translation>读取整个集群丢失的加速卡</translation>
    </message>
    <message>
        <source>%1, %2 to %3 at a step of %4 s: the server&apos;s limit on the samples one query may load was hit even by a single step (%5). Raise the limit: Prometheus&apos; --query.max-samples (50000000 by default), VictoriaMetrics&apos; -search.maxSamplesPerQuery.</source>
        <translation>%1，%2 至 %3，步长 %4 秒：即使只查询一个步长，也超出了服务器对单次查询可加载样本数的限制（%5）。请提高该限制：Prometheus 的 --query.max-samples（默认 50000000），VictoriaMetrics 的 -search.maxSamplesPerQuery。</translation>
    </message>
    <message>
        <source>%1, %2 to %3 at a step of %4 s: the server&apos;s limit on the samples one query may load was hit (%5), and cutting the query into time slices is off. Raise the limit: Prometheus&apos; --query.max-samples (50000000 by default), VictoriaMetrics&apos; -search.maxSamplesPerQuery.</source>
        <translation>%1，%2 至 %3，步长 %4 秒：超出了服务器对单次查询可加载样本数的限制（%5），且按时间分片查询已关闭。请提高该限制：Prometheus 的 --query.max-samples（默认 50000000），VictoriaMetrics 的 -search.maxSamplesPerQuery。</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1：%2</translation>
    </message>
    <message>
        <source>HTTP %1, %2: %3</source>
        <translation>HTTP %1，%2：%3</translation>
    </message>
    <message>
        <source>%1, %2 to %3 at a step of %4 s: the server stopped the query at its time limit even for a single step (%5). Raise the limit (Prometheus&apos; --query.timeout, 2 minutes by default; VictoriaMetrics&apos; -search.maxQueryDuration, 30 s by default) or read again when the server is less loaded.</source>
        <translation>%1，%2 至 %3，步长 %4 秒：即使只查询一个步长，服务器也因达到单次查询的时间限制而停止了查询（%5）。请提高该限制（Prometheus 的 --query.timeout，默认 2 分钟；VictoriaMetrics 的 -search.maxQueryDuration，默认 30 秒），或在服务器负载较低时重新读取。</translation>
    </message>
    <message>
        <source>%1, %2 to %3 at a step of %4 s: the server stopped the query at its time limit (%5), and cutting the query into time slices is off. Raise the limit: Prometheus&apos; --query.timeout (2 minutes by default), VictoriaMetrics&apos; -search.maxQueryDuration (30 s by default).</source>
        <translation>%1，%2 至 %3，步长 %4 秒：服务器因达到单次查询的时间限制而停止了查询（%5），且按时间分片查询已关闭。请提高该限制：Prometheus 的 --query.timeout（默认 2 分钟），VictoriaMetrics 的 -search.maxQueryDuration（默认 30 秒）。</translation>
    </message>
</context>
<context>
    <name>models::PrometheusSource</name>
    <message>
        <source>its URL is not an http or https URL</source>
        <translation>其 URL 不是 http 或 https URL</translation>
    </message>
    <message>
        <source>The Prometheus set for %1 is not read: %2</source>
        <translation>未读取为 %1 设置的 Prometheus：%2</translation>
    </message>
</context>
<context>
    <name>sim::KubesimProcess</name>
    <message>
        <source>kubesim printed an unexpected first line: %1</source>
        <translation>kubesim 输出了意外的第一行：%1</translation>
    </message>
    <message>
        <source>cannot start kubesim (%1): %2</source>
        <translation>无法启动 kubesim（%1）：%2</translation>
    </message>
    <message>
        <source>kubesim exited with code %1: %2</source>
        <translation>kubesim 已退出，退出码 %1：%2</translation>
    </message>
    <message>
        <source>kubesim did not start within %1 s</source>
        <translation>kubesim 未在 %1 秒内启动</translation>
    </message>
</context>
<context>
    <name>ui::ActionConfirmDialog</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>Isolate %n node(s)</source>
        <translation>
            <numerusform>隔离 %n 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n node(s)</source>
        <translation>
            <numerusform>恢复 %n 个节点</numerusform>
        </translation>
    </message>
    <message>
        <source>Isolating taints each node with Faultboard&apos;s taint and cordons it, so no new work lands on it; it records who isolated it and why. Running pods stay unless the effect is NoExecute. This is what will change:</source>
        <translation>隔离操作会为每个节点添加 Faultboard 的污点并将其封锁，使新的工作负载不再调度到该节点上；同时记录由谁隔离以及隔离原因。除非效果为 NoExecute，否则正在运行的 Pod 会保留。将发生以下变更：</translation>
    </message>
    <message>
        <source>Planned changes</source>
        <translation>计划的变更</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Taints (before → after)</source>
        <translation>污点（变更前 → 变更后）</translation>
    </message>
    <message>
        <source>Cordoned (before → after)</source>
        <translation>封锁状态（变更前 → 变更后）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Taint effect</source>
        <translation>污点效果</translation>
    </message>
    <message>
        <source>NoSchedule — keep running pods</source>
        <translation>NoSchedule — 保留正在运行的 Pod</translation>
    </message>
    <message>
        <source>NoExecute — also evict pods that do not tolerate it</source>
        <translation>NoExecute — 同时驱逐不容忍该污点的 Pod</translation>
    </message>
    <message>
        <source>&amp;Effect:</source>
        <translation>效果(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Isolate</source>
        <translation>隔离(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Asking the API server what would change (dry run)…</source>
        <translation>正在向 API 服务器查询将发生的变更（试运行）…</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>cannot: %1</source>
        <translation>无法执行：%1</translation>
    </message>
    <message>
        <source>will be restored</source>
        <translation>将被恢复</translation>
    </message>
    <message>
        <source>already isolated: nothing to do</source>
        <translation>已隔离：无需操作</translation>
    </message>
    <message>
        <source>not isolated by Faultboard: nothing to do</source>
        <translation>未被 Faultboard 隔离：无需操作</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>没有需要变更的内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) will change when you confirm.</source>
        <translation>
            <numerusform>确认后将变更 %n 个节点。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Isolate %n node(s)</source>
        <translation>
            <numerusform>隔离 %n 个节点(&amp;I)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Restore %n node(s)</source>
        <translation>
            <numerusform>恢复 %n 个节点(&amp;R)</numerusform>
        </translation>
    </message>
    <message>
        <source>Restoring undoes what Faultboard&apos;s isolation did: it removes the taint the isolation added and uncordons the node only if the isolation cordoned it. Other taints, and nodes Faultboard did not isolate, are left alone. This is what will change:</source>
        <translation>恢复操作会撤销 Faultboard 隔离所做的更改：移除隔离时添加的污点，并且仅当节点是在隔离时被封锁的才恢复其调度。其他污点以及未被 Faultboard 隔离的节点保持不变。将发生以下变更：</translation>
    </message>
    <message>
        <source>Also &amp;uncordon nodes that Faultboard did not cordon (someone else&apos;s maintenance)</source>
        <translation>同时对并非由 Faultboard 封锁的节点恢复调度（他人的维护）(&amp;U)</translation>
    </message>
    <message>
        <source>Uncordon nodes Faultboard did not cordon</source>
        <translation>对并非由 Faultboard 封锁的节点恢复调度</translation>
    </message>
    <message>
        <source>not isolated by Faultboard: will only be uncordoned, as asked</source>
        <translation>未被 Faultboard 隔离：按要求仅恢复调度</translation>
    </message>
    <message>
        <source>will be restored; stays cordoned: Faultboard did not cordon it</source>
        <translation>将被恢复；仍保持封锁：封锁并非由 Faultboard 执行</translation>
    </message>
    <message>
        <source>not isolated by Faultboard: left alone (cordoned by someone else; tick &quot;uncordon&quot; below to uncordon it anyway)</source>
        <translation>未被 Faultboard 隔离：保持不变（由他人封锁；如仍要恢复调度，请勾选下方的“恢复调度”选项）</translation>
    </message>
    <message>
        <source>nothing to do</source>
        <translation>无需操作</translation>
    </message>
    <message>
        <source>Restore &amp;anyway the nodes that still have a critical fault (they go back into scheduling while broken)</source>
        <translation>仍然恢复有紧急故障的节点(&amp;A)（它们会在故障状态下重新参与调度）</translation>
    </message>
    <message>
        <source>Restore nodes that still have a critical fault</source>
        <translation>恢复仍有紧急故障的节点</translation>
    </message>
    <message>
        <source>not restored unless you choose so below: %1</source>
        <translation>除非在下方明确选择，否则不会恢复：%1</translation>
    </message>
    <message>
        <source>%1, as you chose, although: %2</source>
        <translation>%1（按您的选择），尽管：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) will change when you confirm. Left out, because they still have a critical fault: %1. Tick &quot;Restore anyway&quot; to restore them too.</source>
        <translation>
            <numerusform>确认后将更改 %n 个节点。因仍有紧急故障而未包含：%1。勾选“仍然恢复”可一并恢复它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>Note for the isolation</source>
        <translation>隔离备注</translation>
    </message>
    <message>
        <source>Added to each node&apos;s own fault: what was seen, the ticket number…</source>
        <translation>附加在每个节点自身故障之后：观察到的现象、工单号…</translation>
    </message>
    <message>
        <source>Each node&apos;s recorded reason is its own fault (&quot;fault: NT_NPU_ECC_COUNT&quot;), followed by this note.</source>
        <translation>每个节点记录的原因是它自身的故障（“故障：NT_NPU_ECC_COUNT”），后接此备注。</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Also isolate the nodes without an active fault</source>
        <translation>同时隔离没有活动故障的节点</translation>
    </message>
    <message>
        <source>not isolated unless you choose so below: %1</source>
        <translation>除非在下方明确选择，否则不会隔离：%1</translation>
    </message>
    <message>
        <source>will be isolated; it has no active fault</source>
        <translation>将被隔离；该节点没有活动故障</translation>
    </message>
    <message>
        <source>will be isolated for its own fault, %1</source>
        <translation>将因其自身故障 %1 被隔离</translation>
    </message>
    <message>
        <source>Also &amp;isolate the nodes without an active fault: %1</source>
        <translation>同时隔离没有活动故障的节点(&amp;I)：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) will change when you confirm. Left out, because they have no active fault: %1. Tick &quot;Also isolate&quot; to isolate them too.</source>
        <translation>
            <numerusform>确认后将更改 %n 个节点。因没有活动故障而未包含：%1。勾选“同时隔离”可一并隔离它们。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::ActionController</name>
    <message>
        <source>&amp;Isolate…</source>
        <translation>隔离(&amp;I)…</translation>
    </message>
    <message>
        <source>Taint and cordon the selected nodes so no new work lands on them</source>
        <translation>为所选节点添加污点并封锁，使新的工作负载不再调度到这些节点上</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove Faultboard&apos;s taint from the selected nodes and uncordon them</source>
        <translation>移除所选节点上 Faultboard 的污点并恢复调度</translation>
    </message>
    <message>
        <source>&amp;Drain…</source>
        <translation>排空(&amp;D)…</translation>
    </message>
    <message>
        <source>Cordon the selected nodes and evict their pods, as kubectl drain does</source>
        <translation>封锁所选节点并驱逐其上的 Pod，与 kubectl drain 的行为相同</translation>
    </message>
    <message>
        <source>Select one or more nodes first</source>
        <translation>请先选择一个或多个节点</translation>
    </message>
    <message>
        <source>could not check permissions: %1</source>
        <translation>无法检查权限：%1</translation>
    </message>
    <message>
        <source>your user may not %1</source>
        <translation>当前用户无权执行 %1</translation>
    </message>
    <message>
        <source>your user may not %1 (%2)</source>
        <translation>当前用户无权执行 %1（%2）</translation>
    </message>
    <message>
        <source>Not allowed: %1</source>
        <translation>不允许：%1</translation>
    </message>
</context>
<context>
    <name>ui::ClusterPickerDialog</name>
    <message>
        <source>Open a cluster</source>
        <translation>打开集群</translation>
    </message>
    <message>
        <source>Filter contexts</source>
        <translation>筛选上下文</translation>
    </message>
    <message>
        <source>Kubeconfig contexts</source>
        <translation>Kubeconfig 上下文</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Open kubeconfig…</source>
        <translation>打开 kubeconfig…</translation>
    </message>
    <message>
        <source>Demo cluster</source>
        <translation>演示集群</translation>
    </message>
    <message>
        <source>Open kubeconfig</source>
        <translation>打开 kubeconfig</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1（当前）</translation>
    </message>
    <message>
        <source>missing cluster &quot;%1&quot;</source>
        <translation>缺少集群“%1”</translation>
    </message>
    <message>
        <source>%1 has no contexts.</source>
        <translation>%1 中没有上下文。</translation>
    </message>
</context>
<context>
    <name>ui::ClusterView</name>
    <message>
        <source>Fleet views</source>
        <translation>集群视图</translation>
    </message>
    <message>
        <source>&amp;Nodes</source>
        <translation>节点(&amp;N)</translation>
    </message>
    <message>
        <source>T&amp;rends</source>
        <translation>趋势(&amp;R)</translation>
    </message>
    <message>
        <source>Why no nodes are shown</source>
        <translation>为何不显示任何节点</translation>
    </message>
    <message>
        <source>Reading the nodes of %1…</source>
        <translation>正在读取 %1 的节点…</translation>
    </message>
    <message>
        <source>No node has been read yet, so nothing is known about their health.</source>
        <translation>尚未读取到任何节点，因此对其健康状况一无所知。</translation>
    </message>
    <message>
        <source>This cluster cannot be read: your user may not list its nodes</source>
        <translation>无法读取此集群：您的用户无权列出其节点</translation>
    </message>
    <message>
        <source>Ask a cluster administrator for a role that allows get, list and watch on nodes (a ClusterRole bound to your user), or open a context with more rights. Until then Faultboard shows no nodes and no counts.</source>
        <translation>请向集群管理员申请允许对节点执行 get、list 和 watch 的角色（绑定到您用户的 ClusterRole），或打开权限更多的上下文。在此之前，Faultboard 不显示任何节点，也不显示任何计数。</translation>
    </message>
    <message>
        <source>This cluster cannot be read: the server did not accept your credentials</source>
        <translation>无法读取此集群：服务器不接受您的凭据</translation>
    </message>
    <message>
        <source>Log in again or renew the token or certificate of this context, then reopen the cluster.</source>
        <translation>请重新登录，或更新此上下文的令牌或证书，然后重新打开集群。</translation>
    </message>
    <message>
        <source>This cluster cannot be read: the nodes could not be listed</source>
        <translation>无法读取此集群：无法列出节点</translation>
    </message>
    <message>
        <source>Check that the API server %1 is running and reachable from here (VPN, proxy, firewall). Faultboard keeps retrying and shows the nodes as soon as it has read them; until then the counts are unknown.</source>
        <translation>请检查 API 服务器 %1 是否正在运行，以及从本机能否访问（VPN、代理、防火墙）。Faultboard 会持续重试，一旦读取到节点就会显示；在此之前计数未知。</translation>
    </message>
</context>
<context>
    <name>ui::DrainDialog</name>
    <message numerus="yes">
        <source>Drain %n node(s)</source>
        <translation>
            <numerusform>排空 %n 个节点</numerusform>
        </translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Ignore &amp;DaemonSet pods</source>
        <translation>忽略 DaemonSet Pod(&amp;D)</translation>
    </message>
    <message>
        <source>Delete &amp;emptyDir data</source>
        <translation>删除 emptyDir 数据(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Force unmanaged pods</source>
        <translation>强制删除不受管理的 Pod(&amp;F)</translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation>宽限期</translation>
    </message>
    <message>
        <source>each pod&apos;s own</source>
        <translation>各 Pod 自身的设置</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时时间</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation>宽限期(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>超时时间(&amp;T)：</translation>
    </message>
    <message>
        <source>Nodes and their pods</source>
        <translation>节点及其 Pod</translation>
    </message>
    <message>
        <source>Node / pod</source>
        <translation>节点 / Pod</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Drain progress</source>
        <translation>排空进度</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>排空</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop draining</source>
        <translation>停止排空</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Finding the pods and what would block (nothing is changed)…</source>
        <translation>正在查找 Pod 及会阻止排空的因素（不做任何更改）…</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>cannot drain</source>
        <translation>无法排空</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) to evict</source>
        <translation>
            <numerusform>%n 个 Pod 待驱逐</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>已跳过 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready. Pods marked &quot;pending&quot; will be evicted.</source>
        <translation>准备就绪。标记为“等待中”的 Pod 将被驱逐。</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) cannot be drained with these options: see why above; change the options or leave those nodes out.</source>
        <translation>
            <numerusform>使用这些选项无法排空 %n 个节点：原因见上方；请修改选项或排除这些节点。</numerusform>
        </translation>
    </message>
    <message>
        <source>Draining…</source>
        <translation>正在排空…</translation>
    </message>
    <message>
        <source>cordoning…</source>
        <translation>正在封锁…</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>排空中</translation>
    </message>
    <message>
        <source>drained</source>
        <translation>已排空</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>dry run</source>
        <translation>试运行</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n node(s) drained.</source>
        <translation>
            <numerusform>%n 个节点中已排空 %1 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping: no more evictions are sent; reading back what became of the pods. The nodes stay cordoned.</source>
        <translation>正在停止：不再发送驱逐请求；正在回读各 Pod 的实际状态。节点保持封锁。</translation>
    </message>
    <message>
        <source>Draining cordons each node, then evicts its pods through the eviction API, which honours PodDisruptionBudgets, exactly as kubectl drain does. Evicted pods stop; whether a training job restarts elsewhere, and from which checkpoint, depends on its controller and how it saves state.</source>
        <translation>排空会先封锁每个节点，再通过驱逐 API 驱逐其上的 Pod，与 kubectl drain 完全一样，遵守 PodDisruptionBudget。被驱逐的 Pod 会停止；训练作业是否在别处重新启动、从哪个检查点恢复，取决于它的控制器以及它如何保存状态。</translation>
    </message>
</context>
<context>
    <name>ui::ExportDialog</name>
    <message>
        <source>Export fault report — %1</source>
        <translation>导出故障报告 — %1</translation>
    </message>
    <message>
        <source>&amp;Current faults</source>
        <translation>当前故障(&amp;C)</translation>
    </message>
    <message>
        <source>Faults in the &amp;history between:</source>
        <translation>以下时间段内历史中的故障(&amp;H)：</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>报告：</translation>
    </message>
    <message>
        <source>Time range preset</source>
        <translation>时间范围预设</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation>CSV（用于电子表格）</translation>
    </message>
    <message>
        <source>JSON (scripts)</source>
        <translation>JSON（用于脚本）</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>文件(&amp;I)：</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>导出状态</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Export fault report</source>
        <translation>导出故障报告</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>The range must end after it begins.</source>
        <translation>范围的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>Could not read the history: %1</source>
        <translation>无法读取历史：%1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n fault(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个故障写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>&amp;Stop reading Prometheus</source>
        <translation>停止读取 Prometheus(&amp;S)</translation>
    </message>
    <message>
        <source>Reading the history, and what Prometheus holds…</source>
        <translation>正在读取历史以及 Prometheus 中的记录…</translation>
    </message>
    <message>
        <source>Reading Prometheus was cancelled: the file holds Faultboard&apos;s own history only.</source>
        <translation>已取消读取 Prometheus：文件中只有 Faultboard 自己的历史。</translation>
    </message>
    <message>
        <source>Prometheus could not be read (%1): the file holds Faultboard&apos;s own history only.</source>
        <translation>无法读取 Prometheus（%1）：文件中只有 Faultboard 自己的历史。</translation>
    </message>
    <message numerus="yes">
        <source>%n of them from Prometheus (times up to %1 s late).</source>
        <translation>
            <numerusform>其中 %n 个来自 Prometheus（时间最多晚 %1 秒）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>the count, then where from</comment>
        <translation>%1%2</translation>
    </message>
</context>
<context>
    <name>ui::FaultNotifier</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>New critical fault in %1</source>
        <translation>%1 出现新的紧急故障</translation>
    </message>
    <message numerus="yes">
        <source>%n new critical fault(s) in %1</source>
        <translation>
            <numerusform>%1 出现 %n 个新的紧急故障</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 另有 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::FaultSummaryPanel</name>
    <message>
        <source>Faults</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Fault summary: nodes per severity and fault type</source>
        <translation>故障汇总：按严重程度和故障类型统计的节点数</translation>
    </message>
</context>
<context>
    <name>ui::FilterBar</name>
    <message>
        <source>Node name</source>
        <translation>节点名称</translation>
    </message>
    <message>
        <source>Filter by node name</source>
        <translation>按节点名称筛选</translation>
    </message>
    <message>
        <source>Filter by label selector</source>
        <translation>按标签选择器筛选</translation>
    </message>
    <message>
        <source>Filter by severity</source>
        <translation>按严重程度筛选</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>任意严重程度</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Major or worse</source>
        <translation>重要及以上</translation>
    </message>
    <message>
        <source>Minor or worse</source>
        <translation>次要及以上</translation>
    </message>
    <message>
        <source>Filter by fault type</source>
        <translation>按故障类型筛选</translation>
    </message>
    <message>
        <source>Any fault type</source>
        <translation>任意故障类型</translation>
    </message>
    <message>
        <source>Filter by fault category</source>
        <translation>按故障类别筛选</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>任意类别</translation>
    </message>
    <message>
        <source>Filter by isolation</source>
        <translation>按隔离状态筛选</translation>
    </message>
    <message>
        <source>Isolated or not</source>
        <translation>不限隔离状态</translation>
    </message>
    <message>
        <source>Isolated</source>
        <translation>已隔离</translation>
    </message>
    <message>
        <source>Not isolated</source>
        <translation>未隔离</translation>
    </message>
    <message>
        <source>Unschedulable</source>
        <translation>不可调度</translation>
    </message>
    <message>
        <source>Schedulable</source>
        <translation>可调度</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear every filter</source>
        <translation>清除所有筛选条件</translation>
    </message>
    <message>
        <source>Nodes shown</source>
        <translation>显示的节点</translation>
    </message>
    <message numerus="yes">
        <source>all %n node(s)</source>
        <translation>
            <numerusform>全部 %n 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n node(s)</source>
        <translation>
            <numerusform>%1/%n 个节点</numerusform>
        </translation>
    </message>
    <message>
        <source>nodes not read</source>
        <translation>节点未读取</translation>
    </message>
    <message>
        <source>Faults first</source>
        <translation>故障优先</translation>
    </message>
    <message>
        <source>Show faulty nodes first, worst first</source>
        <translation>故障节点排在前面，最严重的最先</translation>
    </message>
    <message>
        <source>Order the grid by severity: critical, major, minor, then healthy nodes</source>
        <translation>按严重程度排列网格：紧急、重要、次要，然后是健康节点</translation>
    </message>
    <message>
        <source>Faulty only</source>
        <translation>仅故障</translation>
    </message>
    <message>
        <source>Show only faulty nodes</source>
        <translation>只显示故障节点</translation>
    </message>
    <message>
        <source>Hide healthy nodes (the severity filter at Minor or worse)</source>
        <translation>隐藏健康节点（即严重程度筛选为“次要及以上”）</translation>
    </message>
    <message>
        <source>Labels, e.g. pool=npu-910b</source>
        <translation>标签，例如 pool=npu-910b</translation>
    </message>
    <message>
        <source>A label selector as kubectl -l takes it, e.g. pool=npu-910b,rack in (npu-r01,npu-r02)</source>
        <translation>标签选择器，写法与 kubectl -l 相同，例如 pool=npu-910b,rack in (npu-r01,npu-r02)</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) read so far</source>
        <translation>
            <numerusform>目前已读取 %n 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n node(s) read so far</source>
        <translation>
            <numerusform>目前已读取 %n 个节点，显示 %1 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::FleetChartsView</name>
    <message>
        <source>&amp;Range:</source>
        <translation>范围(&amp;R)：</translation>
    </message>
    <message>
        <source>Time range of the charts</source>
        <translation>图表的时间范围</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>最近 6 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Charts status</source>
        <translation>图表状态</translation>
    </message>
    <message>
        <source>Mean time to recover by fault type</source>
        <translation>按故障类型统计的平均恢复时间</translation>
    </message>
    <message>
        <source>This cluster records no history.</source>
        <translation>此集群不记录历史。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Could not read the history: %1</source>
        <translation>无法读取历史：%1</translation>
    </message>
    <message>
        <source>No faults recorded in this range.</source>
        <translation>此范围内没有记录到故障。</translation>
    </message>
    <message numerus="yes">
        <source>%n fault(s) in this range.</source>
        <translation>
            <numerusform>此范围内有 %n 个故障。</numerusform>
        </translation>
    </message>
    <message>
        <source>Mean time to recover: no fault recovered in this range</source>
        <translation>平均恢复时间：此范围内没有已恢复的故障</translation>
    </message>
    <message>
        <source>Reading the history from Prometheus</source>
        <translation>正在从 Prometheus 读取历史</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Stop reading the history from Prometheus</source>
        <translation>停止从 Prometheus 读取历史</translation>
    </message>
    <message>
        <source>Reading the history from Prometheus…</source>
        <translation>正在从 Prometheus 读取历史…</translation>
    </message>
    <message>
        <source>Reading Prometheus was cancelled: the charts show Faultboard&apos;s own history only.</source>
        <translation>已取消读取 Prometheus：图表只显示 Faultboard 自己的历史。</translation>
    </message>
    <message>
        <source>Prometheus could not be read (%1): the charts show Faultboard&apos;s own history only.</source>
        <translation>无法读取 Prometheus（%1）：图表只显示 Faultboard 自己的历史。</translation>
    </message>
    <message numerus="yes">
        <source>%n of them from Prometheus (times up to %1 s late).</source>
        <translation>
            <numerusform>其中 %n 个来自 Prometheus（时间最多晚 %1 秒）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>the count, then where from</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>Most faults active at once, by category</source>
        <translation>同时活动故障的最多数量（按类别）</translation>
    </message>
    <message>
        <source>The most faults active at once over time, by category</source>
        <translation>各时段同时活动故障的最多数量（按类别）</translation>
    </message>
    <message>
        <source>Faults active at once</source>
        <translation>同时活动的故障</translation>
    </message>
    <message>
        <source>Mean time to recover</source>
        <translation>平均恢复时间</translation>
    </message>
    <message>
        <source>%1 (%2 recovered): %3</source>
        <comment>fault type, recoveries, mean time to recover</comment>
        <translation>%1（已恢复 %2 次）：%3</translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <source>Faultboard</source>
        <translation>Faultboard</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Group by: </source>
        <translation>分组依据：</translation>
    </message>
    <message>
        <source>Group nodes by label</source>
        <translation>按标签对节点分组</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>不分组</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source>Rack</source>
        <translation>机架</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>可用区</translation>
    </message>
    <message>
        <source>Accelerator</source>
        <translation>加速卡</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <source>Node and fault counts</source>
        <translation>节点数和故障数</translation>
    </message>
    <message>
        <source>Faultboard — %1</source>
        <translation>Faultboard — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n 个节点</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 critical · %2 major · %3 minor</source>
        <translation>紧急 %1 · 重要 %2 · 次要 %3</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>集群(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open cluster…</source>
        <translation>打开集群(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Close cluster</source>
        <translation>关闭集群(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Instance type</source>
        <translation>实例类型</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit every node</source>
        <translation>显示全部节点(&amp;F)</translation>
    </message>
    <message>
        <source>Focus the &amp;grid</source>
        <translation>聚焦节点网格(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Mute fault alerts</source>
        <translation>静音故障提醒(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Node</source>
        <translation>节点(&amp;N)</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Action log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Actions taken and their results</source>
        <translation>已执行的操作及其结果</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Faultboard</source>
        <translation>关于 Faultboard(&amp;A)</translation>
    </message>
    <message>
        <source>About Faultboard</source>
        <translation>关于 Faultboard</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Faultboard %1&lt;/h3&gt;&lt;p&gt;A fault dashboard for large Kubernetes AI clusters: watch every node, understand each fault, isolate, restore and drain safely.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Faultboard %1&lt;/h3&gt;&lt;p&gt;面向大型 Kubernetes AI 集群的故障看板：监视每个节点，理解每个故障，安全地隔离、恢复和排空节点。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No cluster open: Cluster ▸ Open cluster… (Ctrl+O)</source>
        <translation>未打开集群：集群 ▸ 打开集群… (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Export fault report…</source>
        <translation>导出故障报告(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the current faults or the fault history to a CSV or JSON file</source>
        <translation>将当前故障或故障历史写入 CSV 或 JSON 文件</translation>
    </message>
    <message>
        <source>Fleet &amp;grid</source>
        <translation>集群网格(&amp;G)</translation>
    </message>
    <message>
        <source>Fault &amp;trends</source>
        <translation>故障趋势(&amp;T)</translation>
    </message>
    <message>
        <source>Open a cluster to export its faults.</source>
        <translation>请先打开一个集群，再导出其故障。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n fault(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个故障导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Node and fault counts unknown: the nodes have not been read</source>
        <translation>节点和故障计数未知：尚未读取节点</translation>
    </message>
    <message>
        <source>&amp;Copy name</source>
        <translation>复制名称(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Prometheus of this cluster…</source>
        <translation>此集群的 Prometheus(&amp;P)…</translation>
    </message>
    <message>
        <source>Open a cluster to set its Prometheus.</source>
        <translation>请先打开一个集群，再设置其 Prometheus。</translation>
    </message>
    <message>
        <source>Saved; this window reads the Prometheus given by --prometheus.</source>
        <translation>已保存；本窗口读取的是 --prometheus 指定的 Prometheus。</translation>
    </message>
    <message numerus="yes">
        <source>%1 critical · %2 major · %3 minor so far — listing nodes, %n read</source>
        <translation>
            <numerusform>目前为止：紧急 %1 · 重要 %2 · 次要 %3 — 正在列出节点，已读取 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::NodeDetailPanel</name>
    <message>
        <source>Node conditions</source>
        <translation>节点状况</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>未选择节点</translation>
    </message>
    <message>
        <source>%1 (gone)</source>
        <translation>%1（已消失）</translation>
    </message>
    <message>
        <source>Click a tile to see the node&apos;s conditions.</source>
        <translation>点击一个方块查看该节点的状况。</translation>
    </message>
    <message>
        <source>The node was removed from the cluster.</source>
        <translation>该节点已从集群中移除。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Pool %1, rack %2, zone %3</source>
        <translation>资源池 %1，机架 %2，可用区 %3</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1: %2 of %3 healthy</source>
        <translation>%1：%3 张中 %2 张健康</translation>
    </message>
    <message>
        <source>Isolated by %1: %2</source>
        <translation>由 %1 隔离：%2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>Cordoned (unschedulable)</source>
        <translation>已封锁（不可调度）</translation>
    </message>
    <message>
        <source>Faulty since %1</source>
        <translation>自 %1 起出现故障</translation>
    </message>
    <message>
        <source>Selected node</source>
        <translation>所选节点</translation>
    </message>
    <message>
        <source>Node summary</source>
        <translation>节点摘要</translation>
    </message>
    <message>
        <source>Node details</source>
        <translation>节点详情</translation>
    </message>
    <message>
        <source>What the fault means and what to do</source>
        <translation>故障含义及处理建议</translation>
    </message>
    <message>
        <source>&amp;Conditions</source>
        <translation>状况(&amp;C)</translation>
    </message>
    <message>
        <source>Pods on the node</source>
        <translation>节点上的 Pod</translation>
    </message>
    <message>
        <source>&amp;Pods</source>
        <translation>Pod(&amp;P)</translation>
    </message>
    <message>
        <source>Recent events of the node</source>
        <translation>节点的近期事件</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>事件(&amp;E)</translation>
    </message>
    <message>
        <source>Taints, labels and resources</source>
        <translation>污点、标签和资源</translation>
    </message>
    <message>
        <source>&amp;Taints &amp;&amp; labels</source>
        <translation>污点和标签(&amp;T)</translation>
    </message>
    <message>
        <source>Pods and events status</source>
        <translation>Pod 和事件的加载状态</translation>
    </message>
    <message>
        <source>Refresh pods and events</source>
        <translation>刷新 Pod 和事件</translation>
    </message>
    <message>
        <source>Loading pods and events of %1…</source>
        <translation>正在加载 %1 的 Pod 和事件…</translation>
    </message>
    <message>
        <source>Pods and events as of %1</source>
        <translation>截至 %1 的 Pod 和事件</translation>
    </message>
    <message>
        <source>&amp;Pods (%1)</source>
        <translation>Pod（%1）(&amp;P)</translation>
    </message>
    <message>
        <source>Cannot list the pods: %1</source>
        <translation>无法列出 Pod：%1</translation>
    </message>
    <message>
        <source>&amp;Events (%1)</source>
        <translation>事件（%1）(&amp;E)</translation>
    </message>
    <message>
        <source>Cannot list the events: %1</source>
        <translation>无法列出事件：%1</translation>
    </message>
    <message>
        <source>&lt;p&gt;No active fault. Select a condition to read what it means.&lt;/p&gt;</source>
        <translation>&lt;p&gt;没有活动的故障。选择一个状况即可查看其含义。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Faultboard does not know this condition type; it is shown as reported.</source>
        <translation>Faultboard 不认识此状况类型；按上报内容原样显示。</translation>
    </message>
    <message>
        <source>Recommended action:</source>
        <translation>建议操作：</translation>
    </message>
    <message>
        <source>Taints</source>
        <translation>污点</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Resources (allocatable / capacity)</source>
        <translation>资源（可分配 / 容量）</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Kubelet %1, %2, kernel %3, %4, %5</source>
        <translation>Kubelet %1，%2，内核 %3，%4，%5</translation>
    </message>
    <message>
        <source>Fault history of the node</source>
        <translation>节点的故障历史</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史(&amp;H)</translation>
    </message>
    <message>
        <source>Why the pods are not shown</source>
        <translation>为何不显示 Pod</translation>
    </message>
    <message>
        <source>Why the events are not shown</source>
        <translation>为何不显示事件</translation>
    </message>
    <message>
        <source>&amp;Pods (error)</source>
        <translation>Pod(&amp;P)（出错）</translation>
    </message>
    <message>
        <source>Cannot list the pods of %1, so it is not known what runs there: %2</source>
        <translation>无法列出 %1 的 Pod，因此不知道其上运行着什么：%2</translation>
    </message>
    <message>
        <source>&amp;Events (error)</source>
        <translation>事件(&amp;E)（出错）</translation>
    </message>
    <message>
        <source>Cannot list the events of %1: %2</source>
        <translation>无法列出 %1 的事件：%2</translation>
    </message>
    <message>
        <source>%1 is hidden by the filter</source>
        <translation>%1 已被筛选条件隐藏</translation>
    </message>
    <message>
        <source>No node is selected: actions act only on the tiles you can see selected. Change or clear the filter to see %1 again, then select it.</source>
        <translation>未选择节点：操作只作用于可见且已选中的图块。请修改或清除筛选条件以重新显示 %1，然后选中它。</translation>
    </message>
    <message>
        <source>Why the history from Prometheus is not shown</source>
        <translation>未显示来自 Prometheus 的历史的原因</translation>
    </message>
    <message>
        <source>The faults Prometheus holds for this node are not shown: %1</source>
        <translation>未显示 Prometheus 记录的该节点故障：%1</translation>
    </message>
    <message>
        <source>Reading this node&apos;s history from Prometheus…</source>
        <translation>正在从 Prometheus 读取该节点的历史…</translation>
    </message>
    <message>
        <source>Reading this node&apos;s history from Prometheus</source>
        <translation>正在从 Prometheus 读取该节点的历史</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop reading this node&apos;s history from Prometheus</source>
        <translation>停止从 Prometheus 读取该节点的历史</translation>
    </message>
</context>
<context>
    <name>ui::NodeGridView</name>
    <message>
        <source>Node grid</source>
        <translation>节点网格</translation>
    </message>
    <message>
        <source>Every node as a tile coloured by its worst fault severity</source>
        <translation>每个节点显示为一个方块，颜色表示其最严重故障的严重程度</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>（无标签）</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n node(s), %2 faulty</source>
        <translation>
            <numerusform>%1 — %n 个节点，%2 个有故障</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n node(s)</source>
        <translation>
            <numerusform>%1 — %n 个节点</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::NodeTimelineChart</name>
    <message>
        <source>Fault timeline of the node</source>
        <translation>节点的故障时间线</translation>
    </message>
    <message>
        <source>No faults recorded for this node</source>
        <translation>此节点没有记录到故障</translation>
    </message>
</context>
<context>
    <name>ui::PrometheusSettingsDialog</name>
    <message>
        <source>Prometheus of %1</source>
        <translation>%1 的 Prometheus</translation>
    </message>
    <message>
        <source>The fault history this cluster&apos;s Prometheus holds (kube-state-metrics&apos; node metrics) is shown beside Faultboard&apos;s own in the History tab, the Trends view and exported reports. faultboard --prometheus overrides this setting.</source>
        <translation>此集群的 Prometheus 中记录的故障历史（kube-state-metrics 的节点指标）会与 Faultboard 自己的历史一起显示在“历史”标签页、趋势视图和导出的报告中。faultboard --prometheus 会覆盖此设置。</translation>
    </message>
    <message>
        <source>http://prometheus:9090 (empty: none)</source>
        <translation>http://prometheus:9090（留空：不使用）</translation>
    </message>
    <message>
        <source>Prometheus URL</source>
        <translation>Prometheus URL</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U)：</translation>
    </message>
    <message>
        <source>How to log in to Prometheus</source>
        <translation>登录 Prometheus 的方式</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Bearer token file</source>
        <translation>Bearer 令牌文件</translation>
    </message>
    <message>
        <source>Basic auth file (user:password)</source>
        <translation>基本认证文件（user:password）</translation>
    </message>
    <message>
        <source>&amp;Log in:</source>
        <translation>登录方式(&amp;L)：</translation>
    </message>
    <message>
        <source>File holding the token or user:password</source>
        <translation>存放令牌或 user:password 的文件</translation>
    </message>
    <message>
        <source>path to the file (its first line is read)</source>
        <translation>文件路径（读取其第一行）</translation>
    </message>
    <message>
        <source>Credential &amp;file:</source>
        <translation>凭据文件(&amp;F)：</translation>
    </message>
    <message>
        <source>CA file (PEM) for Prometheus</source>
        <translation>Prometheus 的 CA 文件（PEM）</translation>
    </message>
    <message>
        <source>empty: the system&apos;s CAs</source>
        <translation>留空：使用系统的 CA</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>CA 文件(&amp;C)：</translation>
    </message>
    <message>
        <source>The URL is not an http or https URL.</source>
        <translation>该 URL 不是 http 或 https URL。</translation>
    </message>
    <message>
        <source>Put the password in a basic auth file, not in the URL: the settings would keep it in clear text.</source>
        <translation>请把密码放在基本认证文件中，不要写在 URL 里：否则设置会以明文保存它。</translation>
    </message>
    <message>
        <source>Name the file that holds the credentials.</source>
        <translation>请指定存放凭据的文件。</translation>
    </message>
</context>
<context>
    <name>ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Isolation</source>
        <translation>隔离</translation>
    </message>
    <message>
        <source>Isolation taint key</source>
        <translation>隔离污点的键</translation>
    </message>
    <message>
        <source>Isolation taint effect</source>
        <translation>隔离污点的效果</translation>
    </message>
    <message>
        <source>NoSchedule — no new pods</source>
        <translation>NoSchedule — 不再调度新的 Pod</translation>
    </message>
    <message>
        <source>NoExecute — also evict pods without a toleration</source>
        <translation>NoExecute — 同时驱逐没有相应容忍度的 Pod</translation>
    </message>
    <message>
        <source>Taint &amp;key:</source>
        <translation>污点键(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Effect:</source>
        <translation>效果(&amp;E)：</translation>
    </message>
    <message>
        <source>Drain defaults</source>
        <translation>排空默认设置</translation>
    </message>
    <message>
        <source>&amp;Ignore DaemonSet pods</source>
        <translation>忽略 DaemonSet Pod(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Delete pods with emptyDir data</source>
        <translation>删除带 emptyDir 数据的 Pod(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Force: also delete pods without a controller</source>
        <translation>强制：同时删除没有控制器的 Pod(&amp;F)</translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation>宽限期</translation>
    </message>
    <message>
        <source>each pod&apos;s own</source>
        <translation>各 Pod 自身的设置</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Drain timeout</source>
        <translation>排空超时时间</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>&amp;Grace period:</source>
        <translation>宽限期(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>超时时间(&amp;T)：</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>History retention</source>
        <translation>历史记录保留期</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Notify me when a node gets a new critical fault</source>
        <translation>节点出现新的紧急故障时通知我(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;History kept for:</source>
        <translation>历史记录保留(&amp;H)：</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>主题(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language applies when Faultboard starts again.</source>
        <translation>新的语言将在 Faultboard 重新启动后生效。</translation>
    </message>
    <message>
        <source>The taint key cannot be empty.</source>
        <translation>污点键不能为空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid taint key (like example.com/name).</source>
        <translation>“%1”不是有效的污点键（格式如 example.com/name）。</translation>
    </message>
</context>
<context>
    <name>ui::SeverityLegend</name>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Isolated</source>
        <translation>已隔离</translation>
    </message>
    <message>
        <source>Cordoned</source>
        <translation>已封锁</translation>
    </message>
    <message>
        <source>Accelerators lost</source>
        <translation>加速卡丢失</translation>
    </message>
</context>
</TS>
