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
        <source>Cannot listen on proxy socket %1: %2</source>
        <translation>Cannot listen on proxy socket %1: %2</translation>
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
        <source>credentials.source &quot;%1&quot; is not settings, profile or process.</source>
        <translation>credentials.source &quot;%1&quot; is not settings, profile or process.</translation>
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
        <source>A host directory could not be prepared: %1</source>
        <translation>A host directory could not be prepared: %1</translation>
    </message>
    <message>
        <source>The sandbox host is shutting down.</source>
        <translation>The sandbox host is shutting down.</translation>
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
        <source>The seccomp profile is not a JSON object: %1</source>
        <translation>The seccomp profile is not a JSON object: %1</translation>
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
        <source>Seccomp profile: libseccomp refuses %1 on %2:</source>
        <translation>Seccomp profile: libseccomp refuses %1 on %2:</translation>
    </message>
    <message>
        <source>Seccomp profile: the filter for %1 has %2 instructions; the kernel accepts at most %3.</source>
        <translation>Seccomp profile: the filter for %1 has %2 instructions; the kernel accepts at most %3.</translation>
    </message>
    <message>
        <source>The sandbox agent program hako-agent was not found next to the plugin; set HAKO_AGENT to its path.</source>
        <translation>The sandbox agent program hako-agent was not found next to the plugin; set HAKO_AGENT to its path.</translation>
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
        <source>Seconds without a call before a container is collected.</source>
        <translation>Seconds without a call before a container is collected.</translation>
    </message>
    <message>
        <source>Absolute TTL</source>
        <translation>Absolute TTL</translation>
    </message>
    <message>
        <source>Seconds after which a container is collected in any case.</source>
        <translation>Seconds after which a container is collected in any case.</translation>
    </message>
    <message>
        <source>GC interval</source>
        <translation>GC interval</translation>
    </message>
    <message>
        <source>Seconds between garbage collection sweeps.</source>
        <translation>Seconds between garbage collection sweeps.</translation>
    </message>
    <message>
        <source>Warm pool</source>
        <translation>Warm pool</translation>
    </message>
    <message>
        <source>Containers kept started ahead of new conversations.</source>
        <translation>Containers kept started ahead of new conversations.</translation>
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
        <source>Host patterns the proxy forwards to; * matches one DNS label.</source>
        <translation>Host patterns the proxy forwards to; * matches one DNS label.</translation>
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
        <source>Where AWS credentials come from: settings, profile or process.</source>
        <translation>Where AWS credentials come from: settings, profile or process.</translation>
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
        <source>Default seconds a tool call may run.</source>
        <translation>Default seconds a tool call may run.</translation>
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
        <source>Usage:
  hako-host exec --conversation ID [--timeout S] [--json] -- COMMAND...
  hako-host tool --conversation ID NAME JSON
  hako-host tools
  hako-host end --conversation ID [--delete-workspace]
  hako-host serve [--mcp] [--admin HOST:PORT]
  hako-host doctor
Common options: --config FILE, --set key=value, --plugin PATH
</source>
        <translation>Usage:
  hako-host exec --conversation ID [--timeout S] [--json] -- COMMAND...
  hako-host tool --conversation ID NAME JSON
  hako-host tools
  hako-host end --conversation ID [--delete-workspace]
  hako-host serve [--mcp] [--admin HOST:PORT]
  hako-host doctor
Common options: --config FILE, --set key=value, --plugin PATH
</translation>
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
        <source>hako-host: the command was cancelled.</source>
        <translation>hako-host: the command was cancelled.</translation>
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
        <source>Seccomp supported by the engine</source>
        <translation>Seccomp supported by the engine</translation>
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
        <source>Register it in /etc/docker/daemon.json (see policies/docker/daemon.json) and restart dockerd; for Podman, in containers.conf [engine.runtimes].</source>
        <translation>Register it in /etc/docker/daemon.json (see policies/docker/daemon.json) and restart dockerd; for Podman, in containers.conf [engine.runtimes].</translation>
    </message>
    <message>
        <source>Use a kernel and engine build with seccomp support.</source>
        <translation>Use a kernel and engine build with seccomp support.</translation>
    </message>
    <message>
        <source>Engine runs without root (its socket is not root on this host)</source>
        <translation>Engine runs without root (its socket is not root on this host)</translation>
    </message>
    <message>
        <source>%1 runs as root: whoever reaches its socket controls the host.</source>
        <translation>%1 runs as root: whoever reaches its socket controls the host.</translation>
    </message>
    <message>
        <source>Run hako-host as an unprivileged user with rootless Podman (docs/rootless.md): apt-get install podman uidmap slirp4netns; give the user ranges in /etc/subuid and /etc/subgid; on cgroup v1 set runtime = &quot;runc&quot; in ~/.config/containers/containers.conf; copy the image (docker save IMAGE | podman load); set docker.binary=podman; then take the user out of the docker group.</source>
        <translation>Run hako-host as an unprivileged user with rootless Podman (docs/rootless.md): apt-get install podman uidmap slirp4netns; give the user ranges in /etc/subuid and /etc/subgid; on cgroup v1 set runtime = &quot;runc&quot; in ~/.config/containers/containers.conf; copy the image (docker save IMAGE | podman load); set docker.binary=podman; then take the user out of the docker group.</translation>
    </message>
    <message>
        <source>User namespace isolates container root</source>
        <translation>User namespace isolates container root</translation>
    </message>
    <message>
        <source>Optional: set &quot;userns-remap&quot;: &quot;default&quot; in daemon.json (policies/docker/daemon-userns.json), or use a rootless engine.</source>
        <translation>Optional: set &quot;userns-remap&quot;: &quot;default&quot; in daemon.json (policies/docker/daemon-userns.json), or use a rootless engine.</translation>
    </message>
    <message>
        <source>Memory, CPU and process limits enforced</source>
        <translation>Memory, CPU and process limits enforced</translation>
    </message>
    <message>
        <source>a rootless engine on cgroup v%1 ignores --memory, --cpu-quota and --pids-limit: a workload can use all of the host&apos;s memory and CPU, and fork without bound.</source>
        <translation>a rootless engine on cgroup v%1 ignores --memory, --cpu-quota and --pids-limit: a workload can use all of the host&apos;s memory and CPU, and fork without bound.</translation>
    </message>
    <message>
        <source>Boot with cgroup v2 (systemd.unified_cgroup_hierarchy=1) and delegate the cpu, memory and pids controllers to the user, or run a rootful engine with userns-remap.</source>
        <translation>Boot with cgroup v2 (systemd.unified_cgroup_hierarchy=1) and delegate the cpu, memory and pids controllers to the user, or run a rootful engine with userns-remap.</translation>
    </message>
    <message>
        <source>%1 %2, %3</source>
        <translation>%1 %2, %3</translation>
    </message>
    <message>
        <source>rootless</source>
        <translation>rootless</translation>
    </message>
    <message>
        <source>rootful</source>
        <translation>rootful</translation>
    </message>
    <message>
        <source>Engine: %1</source>
        <translation>Engine: %1</translation>
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
</TS>
