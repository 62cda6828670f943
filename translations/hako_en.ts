<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>hako</name>
    <message>
        <source>Allowlist pattern &quot;%1&quot; is invalid: use lowercase DNS labels, &quot;*&quot; for exactly one whole label, and a literal domain at the end.</source>
        <translation>Allowlist pattern &quot;%1&quot; is invalid: use lowercase DNS labels, &quot;*&quot; for exactly one whole label, and a literal domain at the end.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; lacks aws_access_key_id or aws_secret_access_key.</source>
        <translation>Profile &quot;%1&quot; lacks aws_access_key_id or aws_secret_access_key.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; was not found in the credentials file.</source>
        <translation>Profile &quot;%1&quot; was not found in the credentials file.</translation>
    </message>
    <message>
        <source>credential_process output is not AWS&apos;s Version 1 JSON with AccessKeyId, SecretAccessKey and a valid Expiration.</source>
        <translation>credential_process output is not AWS&apos;s Version 1 JSON with AccessKeyId, SecretAccessKey and a valid Expiration.</translation>
    </message>
    <message>
        <source>No access key configured in settings.</source>
        <translation>No access key configured in settings.</translation>
    </message>
    <message>
        <source>No usable AWS profile credentials.</source>
        <translation>No usable AWS profile credentials.</translation>
    </message>
    <message>
        <source>credentials.process is empty.</source>
        <translation>credentials.process is empty.</translation>
    </message>
    <message>
        <source>credential_process failed (exit status %1).</source>
        <translation>credential_process failed (exit status %1).</translation>
    </message>
    <message>
        <source>credentials.stsEndpoint &quot;%1&quot; is not an https://HOST URL.</source>
        <translation>credentials.stsEndpoint &quot;%1&quot; is not an https://HOST URL.</translation>
    </message>
    <message>
        <source>credentials.assumeRole &quot;%1&quot; is not an IAM role ARN.</source>
        <translation>credentials.assumeRole &quot;%1&quot; is not an IAM role ARN.</translation>
    </message>
    <message>
        <source>proxy.models makes a session policy of %1 characters; STS accepts at most 2048: list fewer models.</source>
        <translation>proxy.models makes a session policy of %1 characters; STS accepts at most 2048: list fewer models.</translation>
    </message>
    <message>
        <source>STS AssumeRole failed (%1).</source>
        <translation>STS AssumeRole failed (%1).</translation>
    </message>
    <message>
        <source>proxy.budget.tokens must be a whole number from 0 to %1.</source>
        <translation>proxy.budget.tokens must be a whole number from 0 to %1.</translation>
    </message>
    <message>
        <source>proxy.allow: unknown auth &quot;%1&quot; (use sigv4, header or bearer).</source>
        <translation>proxy.allow: unknown auth &quot;%1&quot; (use sigv4, header or bearer).</translation>
    </message>
    <message>
        <source>proxy.allow: a header rule needs &quot;header&quot; and &quot;value&quot;.</source>
        <translation>proxy.allow: a header rule needs &quot;header&quot; and &quot;value&quot;.</translation>
    </message>
    <message>
        <source>proxy.allow: pattern &quot;%1&quot; has no &quot;*&quot; label to take the region from; give &quot;region&quot;.</source>
        <translation>proxy.allow: pattern &quot;%1&quot; has no &quot;*&quot; label to take the region from; give &quot;region&quot;.</translation>
    </message>
    <message>
        <source>proxy.allow is empty; the proxy would refuse everything.</source>
        <translation>proxy.allow is empty; the proxy would refuse everything.</translation>
    </message>
    <message>
        <source>proxy.connectTo: &quot;%1&quot; is not HOST1:PORT1:HOST2:PORT2.</source>
        <translation>proxy.connectTo: &quot;%1&quot; is not HOST1:PORT1:HOST2:PORT2.</translation>
    </message>
    <message>
        <source>proxy.caFile: &quot;%1&quot; cannot be read.</source>
        <translation>proxy.caFile: &quot;%1&quot; cannot be read.</translation>
    </message>
    <message>
        <source>proxy.caFile: &quot;%1&quot; holds no PEM certificate.</source>
        <translation>proxy.caFile: &quot;%1&quot; holds no PEM certificate.</translation>
    </message>
    <message>
        <source>credentials.source is settings but credentials.accessKeyId or credentials.secretAccessKey is empty.</source>
        <translation>credentials.source is settings but credentials.accessKeyId or credentials.secretAccessKey is empty.</translation>
    </message>
    <message>
        <source>credentials.profile is empty.</source>
        <translation>credentials.profile is empty.</translation>
    </message>
    <message>
        <source>Request accepted.</source>
        <translation>Request accepted.</translation>
    </message>
    <message>
        <source>The request is not valid HTTP/1.1.</source>
        <translation>The request is not valid HTTP/1.1.</translation>
    </message>
    <message>
        <source>Lines must end with CR LF; a bare CR or LF was found.</source>
        <translation>Lines must end with CR LF; a bare CR or LF was found.</translation>
    </message>
    <message>
        <source>Folded (continuation) header lines are not accepted.</source>
        <translation>Folded (continuation) header lines are not accepted.</translation>
    </message>
    <message>
        <source>A header contains characters that are not allowed.</source>
        <translation>A header contains characters that are not allowed.</translation>
    </message>
    <message>
        <source>The request line is too long.</source>
        <translation>The request line is too long.</translation>
    </message>
    <message>
        <source>The request headers are too large.</source>
        <translation>The request headers are too large.</translation>
    </message>
    <message>
        <source>The request has too many headers.</source>
        <translation>The request has too many headers.</translation>
    </message>
    <message>
        <source>The request body exceeds the 25 MB limit.</source>
        <translation>The request body exceeds the 25 MB limit.</translation>
    </message>
    <message>
        <source>The body length is ambiguous (Content-Length and Transfer-Encoding, or repeated Content-Length).</source>
        <translation>The body length is ambiguous (Content-Length and Transfer-Encoding, or repeated Content-Length).</translation>
    </message>
    <message>
        <source>Only a single &quot;Transfer-Encoding: chunked&quot; is supported.</source>
        <translation>Only a single &quot;Transfer-Encoding: chunked&quot; is supported.</translation>
    </message>
    <message>
        <source>Only HTTP/1.1 is supported.</source>
        <translation>Only HTTP/1.1 is supported.</translation>
    </message>
    <message>
        <source>Only &quot;Expect: 100-continue&quot; is supported.</source>
        <translation>Only &quot;Expect: 100-continue&quot; is supported.</translation>
    </message>
    <message>
        <source>Data followed the request; one request per connection.</source>
        <translation>Data followed the request; one request per connection.</translation>
    </message>
    <message>
        <source>The request was not received in time.</source>
        <translation>The request was not received in time.</translation>
    </message>
    <message>
        <source>The request has no Host header.</source>
        <translation>The request has no Host header.</translation>
    </message>
    <message>
        <source>The request has more than one Host header.</source>
        <translation>The request has more than one Host header.</translation>
    </message>
    <message>
        <source>The request target&apos;s host and the Host header differ.</source>
        <translation>The request target&apos;s host and the Host header differ.</translation>
    </message>
    <message>
        <source>User information in the request target is not accepted.</source>
        <translation>User information in the request target is not accepted.</translation>
    </message>
    <message>
        <source>The host name must be plain ASCII.</source>
        <translation>The host name must be plain ASCII.</translation>
    </message>
    <message>
        <source>The host name is not a valid DNS name.</source>
        <translation>The host name is not a valid DNS name.</translation>
    </message>
    <message>
        <source>IP address targets are not allowed.</source>
        <translation>IP address targets are not allowed.</translation>
    </message>
    <message>
        <source>Only port 443 (or no port) is allowed.</source>
        <translation>Only port 443 (or no port) is allowed.</translation>
    </message>
    <message>
        <source>The request target is not an acceptable path.</source>
        <translation>The request target is not an acceptable path.</translation>
    </message>
    <message>
        <source>This method is not allowed through the proxy.</source>
        <translation>This method is not allowed through the proxy.</translation>
    </message>
    <message>
        <source>CONNECT and protocol upgrades are not allowed.</source>
        <translation>CONNECT and protocol upgrades are not allowed.</translation>
    </message>
    <message>
        <source>The host is not on the proxy&apos;s allowlist.</source>
        <translation>The host is not on the proxy&apos;s allowlist.</translation>
    </message>
    <message>
        <source>The proxy has no usable credentials right now.</source>
        <translation>The proxy has no usable credentials right now.</translation>
    </message>
    <message>
        <source>The upstream service could not be reached.</source>
        <translation>The upstream service could not be reached.</translation>
    </message>
    <message>
        <source>The upstream TLS certificate could not be verified.</source>
        <translation>The upstream TLS certificate could not be verified.</translation>
    </message>
    <message>
        <source>The upstream service did not answer in time.</source>
        <translation>The upstream service did not answer in time.</translation>
    </message>
    <message>
        <source>The upstream service answered with a redirect, which is not followed.</source>
        <translation>The upstream service answered with a redirect, which is not followed.</translation>
    </message>
    <message>
        <source>The upstream response was not valid HTTP/1.1.</source>
        <translation>The upstream response was not valid HTTP/1.1.</translation>
    </message>
    <message>
        <source>proxy.maxConnections must be a whole number from 1 to %1.</source>
        <translation>proxy.maxConnections must be a whole number from 1 to %1.</translation>
    </message>
    <message>
        <source>Too many connections to the proxy from this sandbox; close one and retry.</source>
        <translation>Too many connections to the proxy from this sandbox; close one and retry.</translation>
    </message>
    <message>
        <source>The proxy is holding too many request bodies; retry later.</source>
        <translation>The proxy is holding too many request bodies; retry later.</translation>
    </message>
    <message>
        <source>The whole request was not received within the deadline.</source>
        <translation>The whole request was not received within the deadline.</translation>
    </message>
    <message>
        <source>This operation is not allowed on this host through the proxy.</source>
        <translation>This operation is not allowed on this host through the proxy.</translation>
    </message>
    <message>
        <source>This model is not among the models the proxy allows.</source>
        <translation>This model is not among the models the proxy allows.</translation>
    </message>
    <message>
        <source>The proxy does not accept credentials from the sandbox.</source>
        <translation>The proxy does not accept credentials from the sandbox.</translation>
    </message>
    <message>
        <source>proxy.allow: operation &quot;%1&quot; is neither a Bedrock runtime operation nor &quot;METHOD /path/{model}/...&quot;.</source>
        <translation>proxy.allow: operation &quot;%1&quot; is neither a Bedrock runtime operation nor &quot;METHOD /path/{model}/...&quot;.</translation>
    </message>
    <message>
        <source>proxy.models: &quot;%1&quot; is not a model ID or ARN.</source>
        <translation>proxy.models: &quot;%1&quot; is not a model ID or ARN.</translation>
    </message>
    <message>
        <source>This conversation has used up its request budget; retry later.</source>
        <translation>This conversation has used up its request budget; retry later.</translation>
    </message>
    <message>
        <source>proxy.budget.requestsPerMinute must be a whole number from 0 to %1.</source>
        <translation>proxy.budget.requestsPerMinute must be a whole number from 0 to %1.</translation>
    </message>
    <message>
        <source>The credential proxy is turned off.</source>
        <translation>The credential proxy is turned off.</translation>
    </message>
    <message>
        <source>Cannot listen on proxy socket %1.</source>
        <translation>Cannot listen on proxy socket %1.</translation>
    </message>
    <message>
        <source>credentials.source &quot;%1&quot; is not settings, profile, process or none.</source>
        <translation>credentials.source &quot;%1&quot; is not settings, profile, process or none.</translation>
    </message>
</context>
<context>
    <name>hako::Errors</name>
    <message>
        <source>Unknown setting &quot;%1&quot;.</source>
        <translation>Unknown setting &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Setting &quot;%1&quot; must be of type %2.</source>
        <translation>Setting &quot;%1&quot; must be of type %2.</translation>
    </message>
    <message>
        <source>Setting &quot;%1&quot; must be between %2 and %3.</source>
        <translation>Setting &quot;%1&quot; must be between %2 and %3.</translation>
    </message>
    <message>
        <source>Setting &quot;%1&quot; must be a size such as 512m or 2g, not &quot;%2&quot;.</source>
        <translation>Setting &quot;%1&quot; must be a size such as 512m or 2g, not &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Setting &quot;%1&quot; cannot be &quot;%2&quot;.</source>
        <translation>Setting &quot;%1&quot; cannot be &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The conversation ID is empty.</source>
        <translation>The conversation ID is empty.</translation>
    </message>
    <message>
        <source>The conversation ID is longer than %1 bytes.</source>
        <translation>The conversation ID is longer than %1 bytes.</translation>
    </message>
    <message>
        <source>The conversation ID contains control characters or invalid text.</source>
        <translation>The conversation ID contains control characters or invalid text.</translation>
    </message>
    <message>
        <source>There is no such conversation: it has neither a sandbox nor a workspace here.</source>
        <translation>There is no such conversation: it has neither a sandbox nor a workspace here.</translation>
    </message>
    <message>
        <source>There is no tool named &quot;%1&quot;.</source>
        <translation>There is no tool named &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Invalid input for tool &quot;%1&quot;: %2</source>
        <translation>Invalid input for tool &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>The call did not finish within %1 seconds and was stopped.</source>
        <translation>The call did not finish within %1 seconds and was stopped.</translation>
    </message>
    <message>
        <source>The conversation&apos;s sandbox was not ready within %1 seconds, so the call did not run.</source>
        <translation>The conversation&apos;s sandbox was not ready within %1 seconds, so the call did not run.</translation>
    </message>
    <message>
        <source>The call was cancelled.</source>
        <translation>The call was cancelled.</translation>
    </message>
    <message>
        <source>The container engine program &quot;%1&quot; could not be started.</source>
        <translation>The container engine program &quot;%1&quot; could not be started.</translation>
    </message>
    <message>
        <source>The container engine failed to %1.</source>
        <translation>The container engine failed to %1.</translation>
    </message>
    <message>
        <source>The container engine did not answer within %1 seconds.</source>
        <translation>The container engine did not answer within %1 seconds.</translation>
    </message>
    <message>
        <source>The sandbox for this conversation could not be started.</source>
        <translation>The sandbox for this conversation could not be started.</translation>
    </message>
    <message>
        <source>The sandbox did not become ready within %1 seconds.</source>
        <translation>The sandbox did not become ready within %1 seconds.</translation>
    </message>
    <message>
        <source>The sandbox stopped during the call; the next call starts a new one.</source>
        <translation>The sandbox stopped during the call; the next call starts a new one.</translation>
    </message>
    <message>
        <source>The sandbox answered with something that is not valid.</source>
        <translation>The sandbox answered with something that is not valid.</translation>
    </message>
    <message>
        <source>Something in the sandbox posed as its agent, so nothing was run; the sandbox is replaced (its workspace is kept).</source>
        <translation>Something in the sandbox posed as its agent, so nothing was run; the sandbox is replaced (its workspace is kept).</translation>
    </message>
    <message>
        <source>A host directory could not be prepared: %1</source>
        <translation>A host directory could not be prepared: %1</translation>
    </message>
    <message>
        <source>The sandbox host is shutting down.</source>
        <translation>The sandbox host is shutting down.</translation>
    </message>
    <message>
        <source>A security tripwire froze this conversation&apos;s sandbox; it stays paused for an operator. Ending the conversation releases it.</source>
        <translation>A security tripwire froze this conversation&apos;s sandbox; it stays paused for an operator. Ending the conversation releases it.</translation>
    </message>
    <message>
        <source>The request was not valid.</source>
        <translation>The request was not valid.</translation>
    </message>
    <message>
        <source>The command could not be started (too many processes?).</source>
        <translation>The command could not be started (too many processes?).</translation>
    </message>
    <message>
        <source>The path leads outside /workspace.</source>
        <translation>The path leads outside /workspace.</translation>
    </message>
    <message>
        <source>No such file or directory.</source>
        <translation>No such file or directory.</translation>
    </message>
    <message>
        <source>The text to replace was not found.</source>
        <translation>The text to replace was not found.</translation>
    </message>
    <message>
        <source>The text to replace occurs more than once; make it unique.</source>
        <translation>The text to replace occurs more than once; make it unique.</translation>
    </message>
    <message>
        <source>The file is larger than allowed.</source>
        <translation>The file is larger than allowed.</translation>
    </message>
    <message>
        <source>Reading or writing the file failed.</source>
        <translation>Reading or writing the file failed.</translation>
    </message>
    <message>
        <source>The workspace is full.</source>
        <translation>The workspace is full.</translation>
    </message>
    <message>
        <source>The file already exists.</source>
        <translation>The file already exists.</translation>
    </message>
    <message>
        <source>The seccomp profile is empty.</source>
        <translation>The seccomp profile is empty.</translation>
    </message>
    <message>
        <source>Seccomp profile: %1 is missing, unknown or of the wrong type.</source>
        <translation>Seccomp profile: %1 is missing, unknown or of the wrong type.</translation>
    </message>
    <message>
        <source>Seccomp profile: %1 names &quot;%2&quot;, which is not a system call on %3.</source>
        <translation>Seccomp profile: %1 names &quot;%2&quot;, which is not a system call on %3.</translation>
    </message>
    <message>
        <source>Seccomp profile: %1 is &quot;%2&quot;, which is not a seccomp action.</source>
        <translation>Seccomp profile: %1 is &quot;%2&quot;, which is not a seccomp action.</translation>
    </message>
    <message>
        <source>Seccomp profile: %1 is &quot;%2&quot;, which is not an argument operator.</source>
        <translation>Seccomp profile: %1 is &quot;%2&quot;, which is not an argument operator.</translation>
    </message>
    <message>
        <source>Seccomp profile: %1 cannot be %2.</source>
        <translation>Seccomp profile: %1 cannot be %2.</translation>
    </message>
    <message>
        <source>Seccomp profile: %1 never takes effect, because %2 decides every call of &quot;%3&quot;.</source>
        <translation>Seccomp profile: %1 never takes effect, because %2 decides every call of &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>Seccomp profile: the filter for %1 has %2 instructions; the kernel accepts at most %3.</source>
        <translation>Seccomp profile: the filter for %1 has %2 instructions; the kernel accepts at most %3.</translation>
    </message>
    <message>
        <source>The sandbox agent program hako-agent was not found next to the plugin; set HAKO_AGENT to its path.</source>
        <translation>The sandbox agent program hako-agent was not found next to the plugin; set HAKO_AGENT to its path.</translation>
    </message>
    <message>
        <source>AppArmor is on in this kernel but the profile hako-workspace is not loaded, so containers would run without it; load it with apparmor_parser -r -W policies/apparmor/hako-workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace %1 holds files but has no size-limited image; move the files elsewhere or delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox kept sending output past the call&apos;s output limit; the call was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be moved between the host and the sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container engine failed to %1: the container&apos;s name is taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit log&apos;s signing key %1 cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report its state</source>
        <translation>report its state</translation>
    </message>
    <message>
        <source>start a container</source>
        <translation>start a container</translation>
    </message>
    <message>
        <source>list containers</source>
        <translation>list containers</translation>
    </message>
    <message>
        <source>remove containers</source>
        <translation>remove containers</translation>
    </message>
    <message>
        <source>rename a container</source>
        <translation>rename a container</translation>
    </message>
    <message>
        <source>remove a workspace</source>
        <translation>remove a workspace</translation>
    </message>
    <message>
        <source>pause or resume a container</source>
        <translation>pause or resume a container</translation>
    </message>
    <message>
        <source>Cannot serve the admin endpoints on %1:%2.</source>
        <translation>Cannot serve the admin endpoints on %1:%2.</translation>
    </message>
    <message>
        <source>The seccomp profile is not a JSON object.</source>
        <translation>The seccomp profile is not a JSON object.</translation>
    </message>
    <message>
        <source>Seccomp profile: libseccomp refuses %1 on %2.</source>
        <translation>Seccomp profile: libseccomp refuses %1 on %2.</translation>
    </message>
    <message>
        <source>The workspace&apos;s size limit could not be put in place.</source>
        <translation>The workspace&apos;s size limit could not be put in place.</translation>
    </message>
    <message>
        <source>The text to replace occurs %1 times (at lines %2); include more context to make it unique.</source>
        <translation>The text to replace occurs %1 times (at lines %2); include more context to make it unique.</translation>
    </message>
    <message>
        <source>The file has %1 bytes, more than the limit of %2 bytes.</source>
        <translation>The file has %1 bytes, more than the limit of %2 bytes.</translation>
    </message>
    <message>
        <source>The line number is outside the file, which has %1 lines.</source>
        <translation>The line number is outside the file, which has %1 lines.</translation>
    </message>
    <message>
        <source>string</source>
        <translation>string</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>integer</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>size</source>
        <translation>size</translation>
    </message>
    <message>
        <source>array of strings</source>
        <translation>array of strings</translation>
    </message>
    <message>
        <source>whole seconds</source>
        <translation>whole seconds</translation>
    </message>
    <message>
        <source>The sandbox host refuses calls: its security check failed (%1). An operator must repair the host; hako-host verify shows the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hako::Settings</name>
    <message>
        <source>Docker CLI</source>
        <translation>Docker CLI</translation>
    </message>
    <message>
        <source>The docker-compatible command line program to run.</source>
        <translation>The docker-compatible command line program to run.</translation>
    </message>
    <message>
        <source>Docker host</source>
        <translation>Docker host</translation>
    </message>
    <message>
        <source>Passed as DOCKER_HOST when set.</source>
        <translation>Passed as DOCKER_HOST when set.</translation>
    </message>
    <message>
        <source>Starts at once</source>
        <translation>Starts at once</translation>
    </message>
    <message>
        <source>Containers the engine is asked to start at the same time; more wait in line, and their calls are queued.</source>
        <translation>Containers the engine is asked to start at the same time; more wait in line, and their calls are queued.</translation>
    </message>
    <message>
        <source>Container runtime</source>
        <translation>Container runtime</translation>
    </message>
    <message>
        <source>OCI runtime: runc, or runsc for gVisor.</source>
        <translation>OCI runtime: runc, or runsc for gVisor.</translation>
    </message>
    <message>
        <source>Workspace image</source>
        <translation>Workspace image</translation>
    </message>
    <message>
        <source>The image every conversation&apos;s container starts from.</source>
        <translation>The image every conversation&apos;s container starts from.</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPUs</translation>
    </message>
    <message>
        <source>CPU cores a container may use.</source>
        <translation>CPU cores a container may use.</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>Memory limit of a container; swap is not added.</source>
        <translation>Memory limit of a container; swap is not added.</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Processes</translation>
    </message>
    <message>
        <source>Maximum number of processes in a container.</source>
        <translation>Maximum number of processes in a container.</translation>
    </message>
    <message>
        <source>/tmp size</source>
        <translation>/tmp size</translation>
    </message>
    <message>
        <source>Size of the container&apos;s /tmp (memory-backed, no execution).</source>
        <translation>Size of the container&apos;s /tmp (memory-backed, no execution).</translation>
    </message>
    <message>
        <source>Workspace size</source>
        <translation>Workspace size</translation>
    </message>
    <message>
        <source>Maximum size of a conversation&apos;s workspace.</source>
        <translation>Maximum size of a conversation&apos;s workspace.</translation>
    </message>
    <message>
        <source>Seccomp profile</source>
        <translation>Seccomp profile</translation>
    </message>
    <message>
        <source>Path of a seccomp profile; empty uses the built-in whitelist.</source>
        <translation>Path of a seccomp profile; empty uses the built-in whitelist.</translation>
    </message>
    <message>
        <source>Idle TTL</source>
        <translation>Idle TTL</translation>
    </message>
    <message>
        <source>Absolute TTL</source>
        <translation>Absolute TTL</translation>
    </message>
    <message>
        <source>GC interval</source>
        <translation>GC interval</translation>
    </message>
    <message>
        <source>Warm pool</source>
        <translation>Warm pool</translation>
    </message>
    <message>
        <source>Containers kept started ahead of new conversations; when not 0, a fixed number, and pool.min and pool.max are not used.</source>
        <translation>Containers kept started ahead of new conversations; when not 0, a fixed number, and pool.min and pool.max are not used.</translation>
    </message>
    <message>
        <source>Pool minimum</source>
        <translation>Pool minimum</translation>
    </message>
    <message>
        <source>Fewest containers an adaptive pool keeps, even when idle.</source>
        <translation>Fewest containers an adaptive pool keeps, even when idle.</translation>
    </message>
    <message>
        <source>Pool maximum</source>
        <translation>Pool maximum</translation>
    </message>
    <message>
        <source>Most containers an adaptive pool keeps; it holds as many as new conversations arrived within the pool window.</source>
        <translation>Most containers an adaptive pool keeps; it holds as many as new conversations arrived within the pool window.</translation>
    </message>
    <message>
        <source>Pool window</source>
        <translation>Pool window</translation>
    </message>
    <message>
        <source>How far back an adaptive pool counts new conversations.</source>
        <translation>How far back an adaptive pool counts new conversations.</translation>
    </message>
    <message>
        <source>Workspaces directory</source>
        <translation>Workspaces directory</translation>
    </message>
    <message>
        <source>Host directory holding every conversation&apos;s workspace.</source>
        <translation>Host directory holding every conversation&apos;s workspace.</translation>
    </message>
    <message>
        <source>Runtime directory</source>
        <translation>Runtime directory</translation>
    </message>
    <message>
        <source>Host directory holding sockets and state.</source>
        <translation>Host directory holding sockets and state.</translation>
    </message>
    <message>
        <source>Allowed hosts</source>
        <translation>Allowed hosts</translation>
    </message>
    <message>
        <source>Host patterns the proxy forwards to; * matches one DNS label, under AWS domains only a region name.</source>
        <translation>Host patterns the proxy forwards to; * matches one DNS label, under AWS domains only a region name.</translation>
    </message>
    <message>
        <source>Connect-to overrides</source>
        <translation>Connect-to overrides</translation>
    </message>
    <message>
        <source>HOST1:PORT1:HOST2:PORT2 entries that redirect upstream connections.</source>
        <translation>HOST1:PORT1:HOST2:PORT2 entries that redirect upstream connections.</translation>
    </message>
    <message>
        <source>Extra CA bundle</source>
        <translation>Extra CA bundle</translation>
    </message>
    <message>
        <source>Additional trusted certificates for upstream TLS.</source>
        <translation>Additional trusted certificates for upstream TLS.</translation>
    </message>
    <message>
        <source>Credential source</source>
        <translation>Credential source</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>Access key ID</translation>
    </message>
    <message>
        <source>For the settings source.</source>
        <translation>For the settings source.</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>Secret access key</translation>
    </message>
    <message>
        <source>For the settings source. Kept in locked memory only.</source>
        <translation>For the settings source. Kept in locked memory only.</translation>
    </message>
    <message>
        <source>Session token</source>
        <translation>Session token</translation>
    </message>
    <message>
        <source>For the settings source, when the key is temporary.</source>
        <translation>For the settings source, when the key is temporary.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Profile name in the shared credentials file.</source>
        <translation>Profile name in the shared credentials file.</translation>
    </message>
    <message>
        <source>Credentials file</source>
        <translation>Credentials file</translation>
    </message>
    <message>
        <source>AWS shared credentials file.</source>
        <translation>AWS shared credentials file.</translation>
    </message>
    <message>
        <source>Credential process</source>
        <translation>Credential process</translation>
    </message>
    <message>
        <source>Command printing credentials in the credential_process format.</source>
        <translation>Command printing credentials in the credential_process format.</translation>
    </message>
    <message>
        <source>Role per conversation</source>
        <translation>Role per conversation</translation>
    </message>
    <message>
        <source>IAM role ARN: each conversation gets its own STS session of it, limited to the allowed models; the credentials above then sign only the AssumeRole calls.</source>
        <translation>IAM role ARN: each conversation gets its own STS session of it, limited to the allowed models; the credentials above then sign only the AssumeRole calls.</translation>
    </message>
    <message>
        <source>STS endpoint</source>
        <translation>STS endpoint</translation>
    </message>
    <message>
        <source>https://HOST of STS for the role sessions, e.g. a VPC endpoint; empty uses https://sts.us-east-1.amazonaws.com.</source>
        <translation>https://HOST of STS for the role sessions, e.g. a VPC endpoint; empty uses https://sts.us-east-1.amazonaws.com.</translation>
    </message>
    <message>
        <source>Admin address</source>
        <translation>Admin address</translation>
    </message>
    <message>
        <source>HOST:PORT for /metrics and /healthz; empty turns them off.</source>
        <translation>HOST:PORT for /metrics and /healthz; empty turns them off.</translation>
    </message>
    <message>
        <source>Call timeout</source>
        <translation>Call timeout</translation>
    </message>
    <message>
        <source>Output limit</source>
        <translation>Output limit</translation>
    </message>
    <message>
        <source>Bytes kept of each output stream of a call.</source>
        <translation>Bytes kept of each output stream of a call.</translation>
    </message>
    <message>
        <source>Transfer limit</source>
        <translation>Transfer limit</translation>
    </message>
    <message>
        <source>Largest file read_file and write_file move.</source>
        <translation>Largest file read_file and write_file move.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File receiving one JSON line per tool call and proxy decision; empty turns it off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy connections</source>
        <translation>Proxy connections</translation>
    </message>
    <message>
        <source>Connections one container may hold open to the proxy at once; more are refused.</source>
        <translation>Connections one container may hold open to the proxy at once; more are refused.</translation>
    </message>
    <message>
        <source>Audit signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ed25519 key that signs the audit log&apos;s checkpoints; created on first use, owner-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit checkpoint interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tripwires</source>
        <translation>Tripwires</translation>
    </message>
    <message>
        <source>After a tripwire: freeze (calls fail until ended), end, or log.</source>
        <translation>After a tripwire: freeze (calls fail until ended), end, or log.</translation>
    </message>
    <message>
        <source>Tripwire action</source>
        <translation>Tripwire action</translation>
    </message>
    <message>
        <source>Allowed models</source>
        <translation>Allowed models</translation>
    </message>
    <message>
        <source>Model IDs, inference-profile IDs or ARNs that sandboxes may call; empty allows any model.</source>
        <translation>Model IDs, inference-profile IDs or ARNs that sandboxes may call; empty allows any model.</translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation>Requests per minute</translation>
    </message>
    <message>
        <source>Requests one conversation may send through the proxy in any minute; 0 means no limit.</source>
        <translation>Requests one conversation may send through the proxy in any minute; 0 means no limit.</translation>
    </message>
    <message>
        <source>Tokens per conversation</source>
        <translation>Tokens per conversation</translation>
    </message>
    <message>
        <source>Input and output tokens one conversation may use through the proxy, as Bedrock reports them; 0 means no limit.</source>
        <translation>Input and output tokens one conversation may use through the proxy, as Bedrock reports them; 0 means no limit.</translation>
    </message>
    <message>
        <source>Time without a call before a container is collected.</source>
        <translation>Time without a call before a container is collected.</translation>
    </message>
    <message>
        <source>Time after which a container is collected in any case.</source>
        <translation>Time after which a container is collected in any case.</translation>
    </message>
    <message>
        <source>Time between garbage collection sweeps.</source>
        <translation>Time between garbage collection sweeps.</translation>
    </message>
    <message>
        <source>Where AWS credentials come from: settings, profile or process; none turns the credential proxy off.</source>
        <translation>Where AWS credentials come from: settings, profile or process; none turns the credential proxy off.</translation>
    </message>
    <message>
        <source>Time between signed checkpoints of the audit log.</source>
        <translation>Time between signed checkpoints of the audit log.</translation>
    </message>
    <message>
        <source>How long a tool call may run unless the call sets its own timeout.</source>
        <translation>How long a tool call may run unless the call sets its own timeout.</translation>
    </message>
    <message>
        <source>Queue timeout</source>
        <translation>Queue timeout</translation>
    </message>
    <message>
        <source>How long a call may wait for its conversation&apos;s container to be started or found; the call&apos;s own timeout starts once it reaches the container.</source>
        <translation>How long a call may wait for its conversation&apos;s container to be started or found; the call&apos;s own timeout starts once it reaches the container.</translation>
    </message>
    <message>
        <source>%1 Default: %2.</source>
        <translation>%1 Default: %2.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Container engine</source>
        <translation>Container engine</translation>
    </message>
    <message>
        <source>Resource limits</source>
        <translation>Resource limits</translation>
    </message>
    <message>
        <source>Container lifetime</source>
        <translation>Container lifetime</translation>
    </message>
    <message>
        <source>Tool calls</source>
        <translation>Tool calls</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Directories</translation>
    </message>
    <message>
        <source>System call filter</source>
        <translation>System call filter</translation>
    </message>
    <message>
        <source>Credential proxy</source>
        <translation>Credential proxy</translation>
    </message>
    <message>
        <source>AWS credentials</source>
        <translation>AWS credentials</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Check interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time between runs of the start-up check (docs/operations.md) while the host serves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve on a failed check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept calls when the start-up check fails: health is degraded and every call is audited as running on a failed check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start-up check</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hako::Tools</name>
    <message>
        <source>&quot;%1&quot; must be of type %2.</source>
        <translation>&quot;%1&quot; must be of type %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a value that is not allowed.</source>
        <translation>&quot;%1&quot; has a value that is not allowed.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is out of range.</source>
        <translation>&quot;%1&quot; is out of range.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must contain only %2 values.</source>
        <translation>&quot;%1&quot; must contain only %2 values.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is required.</source>
        <translation>&quot;%1&quot; is required.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known field.</source>
        <translation>&quot;%1&quot; is not a known field.</translation>
    </message>
    <message>
        <source>&quot;command&quot; is required.</source>
        <translation>&quot;command&quot; is required.</translation>
    </message>
    <message>
        <source>Seconds before the command is killed.</source>
        <translation>Seconds before the command is killed.</translation>
    </message>
    <message>
        <source>Run a command in a persistent bash session inside the conversation&apos;s sandbox. The working directory and exported variables persist between calls. There is no network access. Files live in /workspace.</source>
        <translation>Run a command in a persistent bash session inside the conversation&apos;s sandbox. The working directory and exported variables persist between calls. There is no network access. Files live in /workspace.</translation>
    </message>
    <message>
        <source>The command to run.</source>
        <translation>The command to run.</translation>
    </message>
    <message>
        <source>Start a fresh session first.</source>
        <translation>Start a fresh session first.</translation>
    </message>
    <message>
        <source>The edit to perform.</source>
        <translation>The edit to perform.</translation>
    </message>
    <message>
        <source>For view: [first, last] line; -1 means the end.</source>
        <translation>For view: [first, last] line; -1 means the end.</translation>
    </message>
    <message>
        <source>View, create and edit files under /workspace. str_replace needs old_str to occur exactly once; insert adds new_str after line insert_line (0 for the top).</source>
        <translation>View, create and edit files under /workspace. str_replace needs old_str to occur exactly once; insert adds new_str after line insert_line (0 for the top).</translation>
    </message>
    <message>
        <source>Path under /workspace.</source>
        <translation>Path under /workspace.</translation>
    </message>
    <message>
        <source>For create: the content.</source>
        <translation>For create: the content.</translation>
    </message>
    <message>
        <source>For str_replace: the text to replace.</source>
        <translation>For str_replace: the text to replace.</translation>
    </message>
    <message>
        <source>For str_replace and insert: the new text.</source>
        <translation>For str_replace and insert: the new text.</translation>
    </message>
    <message>
        <source>For insert: the line after which to insert.</source>
        <translation>For insert: the line after which to insert.</translation>
    </message>
    <message>
        <source>utf-8 for text, base64 for any bytes.</source>
        <translation>utf-8 for text, base64 for any bytes.</translation>
    </message>
    <message>
        <source>Read a file from /workspace, as text or base64 for binary content.</source>
        <translation>Read a file from /workspace, as text or base64 for binary content.</translation>
    </message>
    <message>
        <source>Write a file under /workspace, replacing it atomically.</source>
        <translation>Write a file under /workspace, replacing it atomically.</translation>
    </message>
    <message>
        <source>The content, encoded as said by encoding.</source>
        <translation>The content, encoded as said by encoding.</translation>
    </message>
    <message>
        <source>the source must be a file or buffer open for reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the destination must be a device open for writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;content&quot; is not valid base64.</source>
        <translation>&quot;content&quot; is not valid base64.</translation>
    </message>
</context>
<context>
    <name>hako::audit</name>
    <message>
        <source>the file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line is cut short: the file was truncated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line is longer than any line Hako writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line is not a sealed audit line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line was changed: its hash does not match its content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain breaks here: sequence %1 follows %2, so lines are missing or moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain breaks here: sequence %1 follows %2, so this line was inserted or moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain breaks here: the line does not link to the one before it, which was replaced, or this one inserted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the checkpoint lacks its signature or key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the checkpoint names another signing key (%1, not %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the checkpoint&apos;s signature does not verify: it was forged or altered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hako::example::DurationEdit</name>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
</context>
<context>
    <name>hako::example::SchemaForm</name>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
</context>
<context>
    <name>hako::example::SettingsDialog</name>
    <message>
        <source>The plugin %1 could not be loaded: %2</source>
        <translation>The plugin %1 could not be loaded: %2</translation>
    </message>
    <message>
        <source>It is not a Hako plugin of interface %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox settings</source>
        <translation>Sandbox settings</translation>
    </message>
    <message>
        <source>The settings were applied.</source>
        <translation>The settings were applied.</translation>
    </message>
    <message>
        <source>The plugin did not accept these settings:</source>
        <translation>The plugin did not accept these settings:</translation>
    </message>
</context>
<context>
    <name>hako::host</name>
    <message>
        <source>--timeout needs a number of seconds between 1 and 86400.</source>
        <translation>--timeout needs a number of seconds between 1 and 86400.</translation>
    </message>
    <message>
        <source>%1 needs --conversation ID.</source>
        <translation>%1 needs --conversation ID.</translation>
    </message>
    <message>
        <source>exec needs a command after --.</source>
        <translation>exec needs a command after --.</translation>
    </message>
    <message>
        <source>tool needs a tool name and its input as JSON.</source>
        <translation>tool needs a tool name and its input as JSON.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Unexpected argument &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Unknown option &quot;%1&quot;, or it lacks its value.</source>
        <translation>Unknown option &quot;%1&quot;, or it lacks its value.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Unknown command &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>No command given.</translation>
    </message>
    <message>
        <source>Cannot read the settings file %1.</source>
        <translation>Cannot read the settings file %1.</translation>
    </message>
    <message>
        <source>The settings file %1 is not a JSON object: %2</source>
        <translation>The settings file %1 is not a JSON object: %2</translation>
    </message>
    <message>
        <source>--set needs key=value, not &quot;%1&quot;.</source>
        <translation>--set needs key=value, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>hako-host: the command timed out and was killed.</source>
        <translation>hako-host: the command timed out and was killed.</translation>
    </message>
    <message>
        <source>hako-host: the command ran out of memory and was killed.</source>
        <translation>hako-host: the command ran out of memory and was killed.</translation>
    </message>
    <message>
        <source>hako-host: the tool input is not a JSON object: %1</source>
        <translation>hako-host: the tool input is not a JSON object: %1</translation>
    </message>
    <message>
        <source>Container engine reachable</source>
        <translation>Container engine reachable</translation>
    </message>
    <message>
        <source>Install docker.io and start dockerd (systemctl start docker), or set docker.binary/docker.host.</source>
        <translation>Install docker.io and start dockerd (systemctl start docker), or set docker.binary/docker.host.</translation>
    </message>
    <message>
        <source>Runtime &quot;%1&quot; registered</source>
        <translation>Runtime &quot;%1&quot; registered</translation>
    </message>
    <message>
        <source>gVisor (runsc) available</source>
        <translation>gVisor (runsc) available</translation>
    </message>
    <message>
        <source>apt-get install runsc and register it as in policies/docker/daemon.json.</source>
        <translation>apt-get install runsc and register it as in policies/docker/daemon.json.</translation>
    </message>
    <message>
        <source>Workspace image %1 present</source>
        <translation>Workspace image %1 present</translation>
    </message>
    <message>
        <source>Build it with scripts/build-image.sh.</source>
        <translation>Build it with scripts/build-image.sh.</translation>
    </message>
    <message>
        <source>Plugin loads</source>
        <translation>Plugin loads</translation>
    </message>
    <message>
        <source>Build the project, or pass --plugin PATH.</source>
        <translation>Build the project, or pass --plugin PATH.</translation>
    </message>
    <message>
        <source>Directory %1 writable</source>
        <translation>Directory %1 writable</translation>
    </message>
    <message>
        <source>Create it and give this user write access, or set %1.</source>
        <translation>Create it and give this user write access, or set %1.</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>Fix:</translation>
    </message>
    <message>
        <source>--format takes text, markdown or json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:
  hako-host exec --conversation ID [--timeout S] [--json] -- COMMAND...
  hako-host tool --conversation ID NAME JSON
  hako-host tools
  hako-host end --conversation ID [--delete-workspace]
  hako-host serve [--mcp] [--admin HOST:PORT]
  hako-host doctor [--static]  --static: only the checks that need no container engine
  hako-host verify [--runtime runc|runsc] [--format text|markdown|json]
  hako-host verify --check REPORT.json [--key PUBLIC.pem]
  hako-host gc
  hako-host schema      every setting&apos;s type, default, limits and help, as JSON Schema
  hako-host audit verify FILE... [--key PUBLIC.pem]
  hako-host audit export --format ocsf FILE...
  hako-host audit key
Common options: --config FILE, --set key=value, --plugin PATH, --help
  --lang LANG           messages and the schema&apos;s titles in LANG (en, ja); default: the locale&apos;s
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the settings named (--config FILE, --set key=value).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set credentials.accessKeyId and credentials.secretAccessKey, or choose another credentials.source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make credentials.process print AWS credential_process JSON (Version 1) and exit 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seccomp profile in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a kernel and docker build with seccomp support, and a readable seccomp.profile (or none, for the built-in one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AppArmor confines containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: boot with AppArmor enabled (apparmor=1 security=apparmor) and install apparmor; dockerd then applies docker-default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This host&apos;s containers are running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stopped container is replaced on its conversation&apos;s next call and collected by GC (hako-host serve).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials for the proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer within 10 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Garbage collection and proxy listeners of hako-host serve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin.listen is empty: no serving host to ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hako-host serve answers on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start hako-host serve --admin %1, or clear admin.listen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Garbage collection runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the hako.gc messages of hako-host serve; GC needs the container engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy sockets in place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 listening, %2 deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another host process that served the conversation removed its proxy.sock when it stopped; ending the conversation (or GC) gives it a fresh one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving host status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each problem listed has its own check above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rootless</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rootful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine runs without root (its socket is not root on this host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs as root: whoever reaches its socket controls the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run hako-host as an unprivileged user with rootless Podman (docs/rootless.md): apt-get install podman uidmap slirp4netns; give the user ranges in /etc/subuid and /etc/subgid; on cgroup v1 set runtime = &quot;runc&quot; in ~/.config/containers/containers.conf; copy the image (docker save IMAGE | podman load); set docker.binary=podman; then take the user out of the docker group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User namespace isolates container root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: set &quot;userns-remap&quot;: &quot;default&quot; in daemon.json (policies/docker/daemon-userns.json), or use a rootless engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory, CPU and process limits enforced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rootless engine on cgroup v%1 ignores --memory, --cpu-quota and --pids-limit: a workload can use all of the host&apos;s memory and CPU, and fork without bound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot with cgroup v2 (systemd.unified_cgroup_hierarchy=1) and delegate the cpu, memory and pids controllers to the user, or run a rootful engine with userns-remap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register it in /etc/docker/daemon.json (see policies/docker/daemon.json) and restart dockerd; for Podman, in containers.conf [engine.runtimes].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runtime &quot;%1&quot; has no known gaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known gaps of this runtime, measured: see docs/operations.md section 4. Use runtime=runc where they matter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit needs verify, export or key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit export needs --format ocsf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit %1 needs at least one log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hako-host: the audit signing key %1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hako-host: the public key %1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain holds: %1 lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first line is number %1 of a longer chain: earlier lines are in files not given here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatures not checked (no --key): %1 checkpoints found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 checkpoint signatures verified; %2 lines after the last checkpoint are not covered by a signature yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the profile in credentials.file (aws configure --profile NAME), or choose another credentials.source (none turns the proxy off).</source>
        <translation>Create the profile in credentials.file (aws configure --profile NAME), or choose another credentials.source (none turns the proxy off).</translation>
    </message>
</context>
<context>
    <name>hako::host::McpServer</name>
    <message>
        <source>The message is not valid JSON.</source>
        <translation>The message is not valid JSON.</translation>
    </message>
    <message>
        <source>The message is not a valid JSON-RPC 2.0 request.</source>
        <translation>The message is not a valid JSON-RPC 2.0 request.</translation>
    </message>
    <message>
        <source>The message is too long to read.</source>
        <translation>The message is too long to read.</translation>
    </message>
    <message>
        <source>The session is already initialized.</source>
        <translation>The session is already initialized.</translation>
    </message>
    <message>
        <source>initialize needs a protocolVersion.</source>
        <translation>initialize needs a protocolVersion.</translation>
    </message>
    <message>
        <source>The session is not initialized yet.</source>
        <translation>The session is not initialized yet.</translation>
    </message>
    <message>
        <source>Unknown method &quot;%1&quot;.</source>
        <translation>Unknown method &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Tools run in a hardened container without network access; files live in /workspace. Calls share the conversation &quot;%1&quot; unless they name another in the conversation argument.</source>
        <translation>Tools run in a hardened container without network access; files live in /workspace. Calls share the conversation &quot;%1&quot; unless they name another in the conversation argument.</translation>
    </message>
    <message>
        <source>tools/call needs the name of a tool.</source>
        <translation>tools/call needs the name of a tool.</translation>
    </message>
    <message>
        <source>The arguments of tools/call must be an object.</source>
        <translation>The arguments of tools/call must be an object.</translation>
    </message>
    <message>
        <source>A request with this ID is still in flight.</source>
        <translation>A request with this ID is still in flight.</translation>
    </message>
    <message>
        <source>The conversation argument must be a string.</source>
        <translation>The conversation argument must be a string.</translation>
    </message>
</context>
<context>
    <name>hako::host::McpToolCall</name>
    <message>
        <source>Running for %1 s.</source>
        <translation>Running for %1 s.</translation>
    </message>
    <message>
        <source>Waiting for the sandbox to start (%1 s); the call&apos;s timeout has not begun.</source>
        <translation>Waiting for the sandbox to start (%1 s); the call&apos;s timeout has not begun.</translation>
    </message>
</context>
<context>
    <name>hako::host::PluginHost</name>
    <message>
        <source>No plugin at %1.</source>
        <translation>No plugin at %1.</translation>
    </message>
    <message>
        <source>%1 is not a Hako tool executor plugin.</source>
        <translation>%1 is not a Hako tool executor plugin.</translation>
    </message>
    <message>
        <source>%1 implements API version %2; this host needs %3.</source>
        <translation>%1 implements API version %2; this host needs %3.</translation>
    </message>
    <message>
        <source>The plugin %1 could not be loaded: %2</source>
        <translation>The plugin %1 could not be loaded: %2</translation>
    </message>
</context>
<context>
    <name>hako::host::mcp</name>
    <message>
        <source>[timed out: the command was killed]</source>
        <translation>[timed out: the command was killed]</translation>
    </message>
    <message>
        <source>[out of memory: the command was killed]</source>
        <translation>[out of memory: the command was killed]</translation>
    </message>
    <message>
        <source>[exit code %1]</source>
        <translation>[exit code %1]</translation>
    </message>
    <message>
        <source>[stderr]</source>
        <translation>[stderr]</translation>
    </message>
    <message>
        <source>Conversation whose sandbox runs the call; defaults to this session&apos;s.</source>
        <translation>Conversation whose sandbox runs the call; defaults to this session&apos;s.</translation>
    </message>
</context>
<context>
    <name>hako::host::verify</name>
    <message>
        <source>Every probe ran to its verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hako-host verify: starting three throwaway conversations...
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container runs on the configured runtime&apos;s kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network mode none, no published port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only root filesystem in the container configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process limit in the container configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory limit without extra swap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/tmp is a size-limited tmpfs with noexec, nosuid, nodev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All capabilities dropped, not privileged, no devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no-new-privileges in the container configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container&apos;s seccomp profile is Hako&apos;s whitelist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container user is 1000:1000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the conversation&apos;s workspace, its sockets and the agent are mounted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No credential in the container&apos;s environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own PID, IPC and UTS namespaces; the configured runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managed-container labels for GC and adoption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox&apos;s first process is filtered on the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace and socket directories: one per conversation; the workspace and the agent&apos;s 0700 and the container user&apos;s, the socket directory around it 0755 and the host&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>userns-remap maps the container&apos;s users away from the host&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing to the root filesystem fails: read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No writable directory on the root filesystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programs copied to /tmp or /dev/shm do not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/tmp cannot grow past its size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loopback only, no route</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No TCP over IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No UDP over IPv4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No IPv6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No raw or packet sockets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No netlink sockets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other address family (vsock, AF_ALG, Bluetooth, ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS does not resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>curl, bash /dev/tcp and urllib get no connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the agent and proxy sockets; no docker.sock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metadata address cannot be reached directly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy refuses the metadata address in every spelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy forwards to allowlisted hosts only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client&apos;s own credentials are not passed through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No credential in the tool&apos;s environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No credential in any process&apos;s environment or command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No credential file, no key in readable files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools run as UID 1000 with no extra group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No capability, not even in the bounding set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no_new_privs is set on tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No setuid or setgid program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/proc/sys and sysrq refuse writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/sys refuses writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>core_pattern cannot be used: no core dumps, not writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cgroup release_agent escape is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dangerous device nodes; mknod refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mount, umount2 and the new mount API refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reboot refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kexec_load refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ptrace and process_vm_readv cannot reach the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init_module, finit_module and delete_module refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pivot_root and chroot refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unshare, setns and namespace clones refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>io_uring refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bpf, perf_event_open and userfaultfd refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel keyring calls refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open_by_handle_at and name_to_handle_at refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host administration calls refused (acct, swapon, clock, syslog, ioperm, ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing of the neighbour conversation is visible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file tools refuse &apos;..&apos;, absolute and host paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file tools refuse paths through planted symbolic links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pip cannot install into the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pip install --user stays in the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The limits as the container sees them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A memory bomb is killed at the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fork bomb stops at the process limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tool cannot stop the agent for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rm -rf / harms neither the image nor the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other conversations are unharmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No probe changed the container&apos;s image layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health check reports the container system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security events reach the Prometheus metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rules cover seccomp violations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GC removes containers past their TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shutdown removes every container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PASS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OFF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threat model and countermeasure matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification checklist: Phase 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification checklist: Phase 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runtime %1, image %2, %3; %4 probes in %5 s.
Result: %6 (%7 rows pass, %8 fail, %9 off).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under gVisor this call is served by gVisor&apos;s own kernel inside the sandbox; the host kernel never sees it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap: under gVisor, Hako&apos;s seccomp profile is not in force, because runsc is registered without --oci-seccomp. gVisor&apos;s network stack has only the loopback, so nothing gets out; add --oci-seccomp to the runsc runtimeArgs in daemon.json to enforce the profile as well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under gVisor the cgroup files are not visible inside; the limits are checked from outside and by the probes that run into them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under gVisor the process limit is RLIMIT_NPROC inside the sandbox, and the host pids bound only stops the Sentry. Gap: the Sentry keeps host tasks after tasks exit, so a sandbox that hits its limit many times is ended by the host bound (docs/process-limits.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under gVisor the memory limit ends the whole sandbox, not only the tool; the conversation&apos;s next call gets a new container with the same workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under gVisor the host-side filter is gVisor&apos;s own filter on the Sentry, not Hako&apos;s profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap: gVisor lets a tool kill the agent, its PID 1, which ends the sandbox (Linux ignores such signals to a namespace&apos;s init). Only the conversation&apos;s own sandbox is lost; its next call gets a new one with the same workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap: under gVisor the agent&apos;s environment is readable by tools although the agent is not dumpable; it holds no secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy holds credentials and forwarded the request re-signed; that the client&apos;s own headers were dropped shows only in the proxy&apos;s security events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>userns-remap is not enabled on this docker engine (optional; policies/docker/daemon-userns.json enables it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hako security verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runtime notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security verification report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured by `hako-host verify --format markdown` on a live deployment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Countermeasure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probes and evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rm -rf / destroying the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--network none, read-only rootfs, container isolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fork bomb / resource exhaustion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID limit (100), CPU limit (200000), memory limit (2 GB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-tenant file access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One container per conversation, separate /workspace mounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment pollution by pip install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolated container, writes on tmpfs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbitrary outbound communication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--network none, communication only through the proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS credential leak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No credentials in the environment, SigV4 injected by the proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata service (169.254.169.254) access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut off completely by --network none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container escape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seccomp, no-new-privileges, read-only rootfs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer 1: network isolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NetworkMode none; Unix domain sockets only (agent.sock, proxy.sock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer 2: resource limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU quota 200000, memory 2 GB, PIDs 100, size-limited tmpfs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer 2 (Phase 2): custom seccomp profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whitelist (SCMP_ACT_ERRNO default); mount, umount2, reboot, kexec_load, ptrace, init_module, pivot_root and socket(AF_INET/AF_INET6) blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer 3: filesystem protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only rootfs; writable only /workspace (bind mount) and /tmp (tmpfs, noexec)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer 4: credential protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No credentials in the environment; the SigV4 proxy injects them for Bedrock only; domain allowlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer 5: process security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no-new-privileges, seccomp, non-root user (UID 1000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer 6: container lifecycle management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle TTL 60 min, absolute TTL 8 h, GC every 60 s, all containers destroyed at shutdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer 7 (Phase 2): userns-remap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UID 0 in the container maps to an unprivileged host UID (100000+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS credentials are removed from environment variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers start with --network none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID, CPU and memory limits are set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The read-only rootfs is enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tmpfs has the noexec flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credential proxy applies the domain allowlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SigV4 signing happens only in the proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GC destroys containers past their TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graceful shutdown destroys every container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health check includes the container system&apos;s state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A custom seccomp profile exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seccomp profile path is reflected in the container configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>userns-remap is configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket directory permissions fit the container user (userns-remap aware)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus metrics record security events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seccomp violation metric (workspace_seccomp_violations_total) is defined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rules include security rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integration checks run against the live system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a temporary directory: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap: under gVisor the agent&apos;s seccomp layer refuses the denied calls but cannot count them (gVisor has no seccomp user notification), so workspace_seccomp_violations_total stays at zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap: this gVisor refuses statx and newfstatat with AT_NO_AUTOMOUNT (EINVAL), so GNU ls and stat fail with &quot;Invalid argument&quot; inside; find, cp, Python and Node work (docs/seccomp-syscall-analysis.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox attacks the host side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host&apos;s socket directory read-only inside, the agent&apos;s own a small tmpfs; the agent proves its key (HMAC over the host&apos;s challenge) and, under runc, that it is the container&apos;s PID 1; an impostor&apos;s container is replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification checklist: the sandbox against the host side (T-9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host&apos;s socket directory is read-only inside; only the agent&apos;s directory, a small file system of its own, is writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent&apos;s key is out of reach of tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fake agent bound at agent.sock is refused as an impostor, and its container replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A link planted at agent.sock to another conversation&apos;s agent is refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The socket directory is mounted read-only, only its agent/ read-write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The socket directory holds only proxy.sock and the agent.sock link; agent/ is a small tmpfs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in /var/run/hako can be changed; /var/run/hako/agent fills up at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent&apos;s key is in no environment, file or memory a tool can read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fake agent left running at agent.sock is refused, and its container replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent.sock linked to the neighbour&apos;s agent is refused; nothing runs next door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host does not run as root, so the agent&apos;s socket directory is a plain directory on the host&apos;s runtime file system rather than a small tmpfs of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under gVisor some changes in the read-only socket directory (creating a file, unlink, chmod) are refused by the permission check (EACCES, EPERM) before the read-only check (EROFS); the others get EROFS, and docker mounts the directory read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hako-host verify: the report is not signed, the audit key %1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hako-host: cannot read the report %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hako-host: %1 is not a verify report in JSON (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hako-host: the key that checks the report cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFUSED: the report is not signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFUSED: the signature does not match the report: it was changed after signing, or signed by another key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature valid (key %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFUSED: the report is bound to no facts of a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIFFERS %1: the report has &quot;%2&quot;, this host now &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MATCHES: every bound fact is the same on this host now, and the report passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MATCHES this host now, but the report records failed rows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
