<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>hako</name>
    <message>
        <source>Allowlist pattern &quot;%1&quot; is invalid: use lowercase DNS labels, &quot;*&quot; for exactly one whole label, and a literal domain at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on proxy socket %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; lacks aws_access_key_id or aws_secret_access_key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; was not found in the credentials file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credential_process output is not AWS&apos;s Version 1 JSON with AccessKeyId, SecretAccessKey and a valid Expiration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access key configured in settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usable AWS profile credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credentials.process is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credential_process failed (exit status %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy.allow: unknown auth &quot;%1&quot; (use sigv4, header or bearer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy.allow: a header rule needs &quot;header&quot; and &quot;value&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy.allow: pattern &quot;%1&quot; has no &quot;*&quot; label to take the region from; give &quot;region&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy.allow is empty; the proxy would refuse everything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy.connectTo: &quot;%1&quot; is not HOST1:PORT1:HOST2:PORT2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy.caFile: &quot;%1&quot; cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy.caFile: &quot;%1&quot; holds no PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credentials.source is settings but credentials.accessKeyId or credentials.secretAccessKey is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credentials.profile is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credentials.source &quot;%1&quot; is not settings, profile or process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is not valid HTTP/1.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines must end with CR LF; a bare CR or LF was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folded (continuation) header lines are not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A header contains characters that are not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request line is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request headers are too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request has too many headers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body exceeds the 25 MB limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body length is ambiguous (Content-Length and Transfer-Encoding, or repeated Content-Length).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a single &quot;Transfer-Encoding: chunked&quot; is supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only HTTP/1.1 is supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only &quot;Expect: 100-continue&quot; is supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data followed the request; one request per connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was not received in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request has no Host header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request has more than one Host header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request target&apos;s host and the Host header differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User information in the request target is not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host name must be plain ASCII.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host name is not a valid DNS name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address targets are not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only port 443 (or no port) is allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request target is not an acceptable path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This method is not allowed through the proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CONNECT and protocol upgrades are not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host is not on the proxy&apos;s allowlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy has no usable credentials right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upstream service could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upstream TLS certificate could not be verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upstream service did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upstream service answered with a redirect, which is not followed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upstream response was not valid HTTP/1.1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hako::Errors</name>
    <message>
        <source>Unknown setting &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting &quot;%1&quot; must be of type %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting &quot;%1&quot; must be between %2 and %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting &quot;%1&quot; must be a size such as 512m or 2g, not &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting &quot;%1&quot; cannot be &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation ID is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation ID is longer than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation ID contains control characters or invalid text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no tool named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid input for tool &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call did not finish within %1 seconds and was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container engine program &quot;%1&quot; could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container engine failed to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container engine did not answer within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox for this conversation could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox did not become ready within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox stopped during the call; the next call starts a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox answered with something that is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A host directory could not be prepared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox host is shutting down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command could not be started (too many processes?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path leads outside /workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such file or directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text to replace was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text to replace occurs more than once; make it unique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is larger than allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading or writing the file failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seccomp profile is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seccomp profile is not a JSON object: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seccomp profile: %1 is missing, unknown or of the wrong type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seccomp profile: %1 names &quot;%2&quot;, which is not a system call on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seccomp profile: %1 is &quot;%2&quot;, which is not a seccomp action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seccomp profile: %1 is &quot;%2&quot;, which is not an argument operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seccomp profile: %1 cannot be %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seccomp profile: %1 never takes effect, because %2 decides every call of &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seccomp profile: libseccomp refuses %1 on %2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seccomp profile: the filter for %1 has %2 instructions; the kernel accepts at most %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hako::Settings</name>
    <message>
        <source>Docker CLI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The docker-compatible command line program to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed as DOCKER_HOST when set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCI runtime: runc, or runsc for gVisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image every conversation&apos;s container starts from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU cores a container may use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory limit of a container; swap is not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum number of processes in a container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/tmp size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of the container&apos;s /tmp (memory-backed, no execution).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum size of a conversation&apos;s workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seccomp profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path of a seccomp profile; empty uses the built-in whitelist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds without a call before a container is collected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absolute TTL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds after which a container is collected in any case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GC interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds between garbage collection sweeps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers kept started ahead of new conversations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspaces directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host directory holding every conversation&apos;s workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runtime directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host directory holding sockets and state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host patterns the proxy forwards to; * matches one DNS label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect-to overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HOST1:PORT1:HOST2:PORT2 entries that redirect upstream connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Additional trusted certificates for upstream TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where AWS credentials come from: settings, profile or process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the settings source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the settings source. Kept in locked memory only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the settings source, when the key is temporary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name in the shared credentials file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AWS shared credentials file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command printing credentials in the credential_process format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HOST:PORT for /metrics and /healthz; empty turns them off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default seconds a tool call may run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes kept of each output stream of a call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest file read_file and write_file move.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hako::Tools</name>
    <message>
        <source>&quot;%1&quot; must be of type %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a value that is not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must contain only %2 values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;command&quot; is required.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hako::host</name>
    <message>
        <source>--timeout needs a number of seconds between 1 and 86400.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs --conversation ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exec needs a command after --.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tool needs a tool name and its input as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown option &quot;%1&quot;, or it lacks its value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the settings file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 is not a JSON object: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--set needs key=value, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hako-host: the command timed out and was killed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hako-host: the command ran out of memory and was killed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hako-host: the command was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hako-host: the tool input is not a JSON object: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container engine reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install docker.io and start dockerd (systemctl start docker), or set docker.binary/docker.host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runtime &quot;%1&quot; registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register it in /etc/docker/daemon.json (see policies/docker/daemon.json) and restart dockerd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gVisor (runsc) available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apt-get install runsc and register it as in policies/docker/daemon.json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seccomp supported by the engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a kernel and docker build with seccomp support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>userns-remap enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: set &quot;userns-remap&quot;: &quot;default&quot; in daemon.json (policies/docker/daemon-userns.json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace image %1 present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build it with scripts/build-image.sh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plugin loads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the project, or pass --plugin PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory %1 writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create it and give this user write access, or set %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hako::host::PluginHost</name>
    <message>
        <source>No plugin at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Hako tool executor plugin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 implements API version %2; this host needs %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plugin %1 could not be loaded: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
