<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>hako</name>
    <message>
        <source>Allowlist pattern &quot;%1&quot; is invalid: use lowercase DNS labels, &quot;*&quot; for exactly one whole label, and a literal domain at the end.</source>
        <translation>ホワイトリストのパターン &quot;%1&quot; が不正です。小文字の DNS ラベルを使い、&quot;*&quot; はちょうど 1 つのラベル全体の代わりにのみ使用し、末尾にはワイルドカードを含まないドメインを指定してください。</translation>
    </message>
    <message>
        <source>Cannot listen on proxy socket %1: %2</source>
        <translation>プロキシソケット %1 で待ち受けできません: %2</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; lacks aws_access_key_id or aws_secret_access_key.</source>
        <translation>プロファイル &quot;%1&quot; に aws_access_key_id または aws_secret_access_key がありません。</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; was not found in the credentials file.</source>
        <translation>認証情報ファイルにプロファイル &quot;%1&quot; が見つかりません。</translation>
    </message>
    <message>
        <source>credential_process output is not AWS&apos;s Version 1 JSON with AccessKeyId, SecretAccessKey and a valid Expiration.</source>
        <translation>credential_process の出力が、AccessKeyId、SecretAccessKey と有効な Expiration を含む AWS の Version 1 形式の JSON ではありません。</translation>
    </message>
    <message>
        <source>No access key configured in settings.</source>
        <translation>設定にアクセスキーが指定されていません。</translation>
    </message>
    <message>
        <source>No usable AWS profile credentials.</source>
        <translation>AWS プロファイルに使用できる認証情報がありません。</translation>
    </message>
    <message>
        <source>credentials.process is empty.</source>
        <translation>credentials.process が空です。</translation>
    </message>
    <message>
        <source>credential_process failed (exit status %1).</source>
        <translation>credential_process が失敗しました（終了ステータス %1）。</translation>
    </message>
    <message>
        <source>proxy.allow: unknown auth &quot;%1&quot; (use sigv4, header or bearer).</source>
        <translation>proxy.allow: 不明な認証方式 &quot;%1&quot; です（sigv4、header、bearer のいずれかを指定してください）。</translation>
    </message>
    <message>
        <source>proxy.allow: a header rule needs &quot;header&quot; and &quot;value&quot;.</source>
        <translation>proxy.allow: header ルールには &quot;header&quot; と &quot;value&quot; が必要です。</translation>
    </message>
    <message>
        <source>proxy.allow: pattern &quot;%1&quot; has no &quot;*&quot; label to take the region from; give &quot;region&quot;.</source>
        <translation>proxy.allow: パターン &quot;%1&quot; にはリージョンを取り出す &quot;*&quot; ラベルがありません。&quot;region&quot; を指定してください。</translation>
    </message>
    <message>
        <source>proxy.allow is empty; the proxy would refuse everything.</source>
        <translation>proxy.allow が空です。このままではプロキシがすべてのリクエストを拒否します。</translation>
    </message>
    <message>
        <source>proxy.connectTo: &quot;%1&quot; is not HOST1:PORT1:HOST2:PORT2.</source>
        <translation>proxy.connectTo: &quot;%1&quot; は HOST1:PORT1:HOST2:PORT2 の形式ではありません。</translation>
    </message>
    <message>
        <source>proxy.caFile: &quot;%1&quot; cannot be read.</source>
        <translation>proxy.caFile: &quot;%1&quot; を読み込めません。</translation>
    </message>
    <message>
        <source>proxy.caFile: &quot;%1&quot; holds no PEM certificate.</source>
        <translation>proxy.caFile: &quot;%1&quot; に PEM 形式の証明書が含まれていません。</translation>
    </message>
    <message>
        <source>credentials.source is settings but credentials.accessKeyId or credentials.secretAccessKey is empty.</source>
        <translation>credentials.source が settings ですが、credentials.accessKeyId または credentials.secretAccessKey が空です。</translation>
    </message>
    <message>
        <source>credentials.profile is empty.</source>
        <translation>credentials.profile が空です。</translation>
    </message>
    <message>
        <source>credentials.source &quot;%1&quot; is not settings, profile or process.</source>
        <translation>credentials.source &quot;%1&quot; は settings、profile、process のいずれでもありません。</translation>
    </message>
    <message>
        <source>Request accepted.</source>
        <translation>リクエストを受け付けました。</translation>
    </message>
    <message>
        <source>The request is not valid HTTP/1.1.</source>
        <translation>リクエストが正しい HTTP/1.1 ではありません。</translation>
    </message>
    <message>
        <source>Lines must end with CR LF; a bare CR or LF was found.</source>
        <translation>行末は CR LF でなければなりませんが、単独の CR または LF が見つかりました。</translation>
    </message>
    <message>
        <source>Folded (continuation) header lines are not accepted.</source>
        <translation>折り返された（継続行の）ヘッダー行は受け付けません。</translation>
    </message>
    <message>
        <source>A header contains characters that are not allowed.</source>
        <translation>ヘッダーに使用できない文字が含まれています。</translation>
    </message>
    <message>
        <source>The request line is too long.</source>
        <translation>リクエスト行が長すぎます。</translation>
    </message>
    <message>
        <source>The request headers are too large.</source>
        <translation>リクエストヘッダーが大きすぎます。</translation>
    </message>
    <message>
        <source>The request has too many headers.</source>
        <translation>リクエストのヘッダーが多すぎます。</translation>
    </message>
    <message>
        <source>The request body exceeds the 25 MB limit.</source>
        <translation>リクエストボディが上限の 25 MB を超えています。</translation>
    </message>
    <message>
        <source>The body length is ambiguous (Content-Length and Transfer-Encoding, or repeated Content-Length).</source>
        <translation>ボディの長さが曖昧です（Content-Length と Transfer-Encoding の併用、または Content-Length の重複）。</translation>
    </message>
    <message>
        <source>Only a single &quot;Transfer-Encoding: chunked&quot; is supported.</source>
        <translation>サポートしているのは単一の &quot;Transfer-Encoding: chunked&quot; のみです。</translation>
    </message>
    <message>
        <source>Only HTTP/1.1 is supported.</source>
        <translation>サポートしているのは HTTP/1.1 のみです。</translation>
    </message>
    <message>
        <source>Only &quot;Expect: 100-continue&quot; is supported.</source>
        <translation>サポートしている Expect は &quot;Expect: 100-continue&quot; のみです。</translation>
    </message>
    <message>
        <source>Data followed the request; one request per connection.</source>
        <translation>リクエストの後にデータが続いています。1 つの接続で送信できるリクエストは 1 つだけです。</translation>
    </message>
    <message>
        <source>The request was not received in time.</source>
        <translation>リクエストを時間内に受信できませんでした。</translation>
    </message>
    <message>
        <source>The request has no Host header.</source>
        <translation>リクエストに Host ヘッダーがありません。</translation>
    </message>
    <message>
        <source>The request has more than one Host header.</source>
        <translation>リクエストに Host ヘッダーが複数あります。</translation>
    </message>
    <message>
        <source>The request target&apos;s host and the Host header differ.</source>
        <translation>リクエストターゲットのホストと Host ヘッダーが一致しません。</translation>
    </message>
    <message>
        <source>User information in the request target is not accepted.</source>
        <translation>リクエストターゲット内のユーザー情報は受け付けません。</translation>
    </message>
    <message>
        <source>The host name must be plain ASCII.</source>
        <translation>ホスト名は ASCII 文字のみでなければなりません。</translation>
    </message>
    <message>
        <source>The host name is not a valid DNS name.</source>
        <translation>ホスト名が有効な DNS 名ではありません。</translation>
    </message>
    <message>
        <source>IP address targets are not allowed.</source>
        <translation>IP アドレスを宛先に指定することはできません。</translation>
    </message>
    <message>
        <source>Only port 443 (or no port) is allowed.</source>
        <translation>許可されているのはポート 443（またはポート指定なし）のみです。</translation>
    </message>
    <message>
        <source>The request target is not an acceptable path.</source>
        <translation>リクエストターゲットが受け付け可能なパスではありません。</translation>
    </message>
    <message>
        <source>This method is not allowed through the proxy.</source>
        <translation>このメソッドはプロキシ経由では許可されていません。</translation>
    </message>
    <message>
        <source>CONNECT and protocol upgrades are not allowed.</source>
        <translation>CONNECT とプロトコルのアップグレードは許可されていません。</translation>
    </message>
    <message>
        <source>The host is not on the proxy&apos;s allowlist.</source>
        <translation>このホストはプロキシのホワイトリストに含まれていません。</translation>
    </message>
    <message>
        <source>The proxy has no usable credentials right now.</source>
        <translation>プロキシには現在使用できる認証情報がありません。</translation>
    </message>
    <message>
        <source>The upstream service could not be reached.</source>
        <translation>上流のサービスに接続できませんでした。</translation>
    </message>
    <message>
        <source>The upstream TLS certificate could not be verified.</source>
        <translation>上流の TLS 証明書を検証できませんでした。</translation>
    </message>
    <message>
        <source>The upstream service did not answer in time.</source>
        <translation>上流のサービスが時間内に応答しませんでした。</translation>
    </message>
    <message>
        <source>The upstream service answered with a redirect, which is not followed.</source>
        <translation>上流のサービスがリダイレクトを返しました。リダイレクトには従いません。</translation>
    </message>
    <message>
        <source>The upstream response was not valid HTTP/1.1.</source>
        <translation>上流からのレスポンスが正しい HTTP/1.1 ではありませんでした。</translation>
    </message>
</context>
<context>
    <name>hako::Errors</name>
    <message>
        <source>Unknown setting &quot;%1&quot;.</source>
        <translation>不明な設定 &quot;%1&quot; です。</translation>
    </message>
    <message>
        <source>Setting &quot;%1&quot; must be of type %2.</source>
        <translation>設定 &quot;%1&quot; の型は %2 でなければなりません。</translation>
    </message>
    <message>
        <source>Setting &quot;%1&quot; must be between %2 and %3.</source>
        <translation>設定 &quot;%1&quot; の値は %2 から %3 の範囲内でなければなりません。</translation>
    </message>
    <message>
        <source>Setting &quot;%1&quot; must be a size such as 512m or 2g, not &quot;%2&quot;.</source>
        <translation>設定 &quot;%1&quot; には 512m や 2g のようなサイズを指定してください（&quot;%2&quot; は使用できません）。</translation>
    </message>
    <message>
        <source>Setting &quot;%1&quot; cannot be &quot;%2&quot;.</source>
        <translation>設定 &quot;%1&quot; に &quot;%2&quot; は指定できません。</translation>
    </message>
    <message>
        <source>The conversation ID is empty.</source>
        <translation>会話 ID が空です。</translation>
    </message>
    <message>
        <source>The conversation ID is longer than %1 bytes.</source>
        <translation>会話 ID が %1 バイトを超えています。</translation>
    </message>
    <message>
        <source>The conversation ID contains control characters or invalid text.</source>
        <translation>会話 ID に制御文字または不正な文字列が含まれています。</translation>
    </message>
    <message>
        <source>There is no tool named &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; という名前のツールはありません。</translation>
    </message>
    <message>
        <source>Invalid input for tool &quot;%1&quot;: %2</source>
        <translation>ツール &quot;%1&quot; への入力が不正です: %2</translation>
    </message>
    <message>
        <source>The call did not finish within %1 seconds and was stopped.</source>
        <translation>呼び出しが %1 秒以内に終了しなかったため、停止しました。</translation>
    </message>
    <message>
        <source>The call was cancelled.</source>
        <translation>呼び出しはキャンセルされました。</translation>
    </message>
    <message>
        <source>The container engine program &quot;%1&quot; could not be started.</source>
        <translation>コンテナエンジンのプログラム &quot;%1&quot; を起動できませんでした。</translation>
    </message>
    <message>
        <source>The container engine failed to %1.</source>
        <translation>コンテナエンジンの操作に失敗しました（%1）。</translation>
    </message>
    <message>
        <source>The container engine did not answer within %1 seconds.</source>
        <translation>コンテナエンジンが %1 秒以内に応答しませんでした。</translation>
    </message>
    <message>
        <source>The sandbox for this conversation could not be started.</source>
        <translation>この会話のサンドボックスを起動できませんでした。</translation>
    </message>
    <message>
        <source>The sandbox did not become ready within %1 seconds.</source>
        <translation>サンドボックスが %1 秒以内に準備完了になりませんでした。</translation>
    </message>
    <message>
        <source>The sandbox stopped during the call; the next call starts a new one.</source>
        <translation>呼び出しの途中でサンドボックスが停止しました。次の呼び出しでは新しいサンドボックスが起動されます。</translation>
    </message>
    <message>
        <source>The sandbox answered with something that is not valid.</source>
        <translation>サンドボックスから不正な応答が返されました。</translation>
    </message>
    <message>
        <source>A host directory could not be prepared: %1</source>
        <translation>ホストのディレクトリを準備できませんでした: %1</translation>
    </message>
    <message>
        <source>The sandbox host is shutting down.</source>
        <translation>サンドボックスのホストはシャットダウン中です。</translation>
    </message>
    <message>
        <source>The request was not valid.</source>
        <translation>リクエストが不正です。</translation>
    </message>
    <message>
        <source>The command could not be started (too many processes?).</source>
        <translation>コマンドを起動できませんでした（プロセス数が多すぎる可能性があります）。</translation>
    </message>
    <message>
        <source>The path leads outside /workspace.</source>
        <translation>パスが /workspace の外を指しています。</translation>
    </message>
    <message>
        <source>No such file or directory.</source>
        <translation>ファイルまたはディレクトリが存在しません。</translation>
    </message>
    <message>
        <source>The text to replace was not found.</source>
        <translation>置換対象のテキストが見つかりませんでした。</translation>
    </message>
    <message>
        <source>The text to replace occurs more than once; make it unique.</source>
        <translation>置換対象のテキストが複数箇所にあります。一意になるように指定してください。</translation>
    </message>
    <message>
        <source>The file is larger than allowed.</source>
        <translation>ファイルが許容サイズを超えています。</translation>
    </message>
    <message>
        <source>Reading or writing the file failed.</source>
        <translation>ファイルの読み書きに失敗しました。</translation>
    </message>
    <message>
        <source>The workspace is full.</source>
        <translation>ワークスペースに空き容量がありません。</translation>
    </message>
    <message>
        <source>The file already exists.</source>
        <translation>ファイルは既に存在します。</translation>
    </message>
    <message>
        <source>The seccomp profile is empty.</source>
        <translation>seccomp プロファイルが空です。</translation>
    </message>
    <message>
        <source>The seccomp profile is not a JSON object: %1</source>
        <translation>seccomp プロファイルが JSON オブジェクトではありません: %1</translation>
    </message>
    <message>
        <source>Seccomp profile: %1 is missing, unknown or of the wrong type.</source>
        <translation>seccomp プロファイル: %1 が存在しないか、不明な項目か、型が正しくありません。</translation>
    </message>
    <message>
        <source>Seccomp profile: %1 names &quot;%2&quot;, which is not a system call on %3.</source>
        <translation>seccomp プロファイル: %1 で指定された &quot;%2&quot; は %3 のシステムコールではありません。</translation>
    </message>
    <message>
        <source>Seccomp profile: %1 is &quot;%2&quot;, which is not a seccomp action.</source>
        <translation>seccomp プロファイル: %1 の値 &quot;%2&quot; は seccomp のアクションではありません。</translation>
    </message>
    <message>
        <source>Seccomp profile: %1 is &quot;%2&quot;, which is not an argument operator.</source>
        <translation>seccomp プロファイル: %1 の値 &quot;%2&quot; は引数の演算子ではありません。</translation>
    </message>
    <message>
        <source>Seccomp profile: %1 cannot be %2.</source>
        <translation>seccomp プロファイル: %1 に %2 は指定できません。</translation>
    </message>
    <message>
        <source>Seccomp profile: %1 never takes effect, because %2 decides every call of &quot;%3&quot;.</source>
        <translation>seccomp プロファイル: &quot;%3&quot; の呼び出しはすべて %2 で決まるため、%1 が適用されることはありません。</translation>
    </message>
    <message>
        <source>Seccomp profile: libseccomp refuses %1 on %2:</source>
        <translation>seccomp プロファイル: libseccomp が %2 での %1 を拒否しました:</translation>
    </message>
    <message>
        <source>Seccomp profile: the filter for %1 has %2 instructions; the kernel accepts at most %3.</source>
        <translation>seccomp プロファイル: %1 向けのフィルターは %2 命令ありますが、カーネルが受け付けるのは最大 %3 命令です。</translation>
    </message>
    <message>
        <source>The sandbox agent program hako-agent was not found next to the plugin; set HAKO_AGENT to its path.</source>
        <translation>サンドボックスのエージェントプログラム hako-agent がプラグインと同じ場所に見つかりません。HAKO_AGENT にそのパスを設定してください。</translation>
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
        <translation>実行する docker 互換のコマンドラインプログラム。</translation>
    </message>
    <message>
        <source>Docker host</source>
        <translation>Docker ホスト</translation>
    </message>
    <message>
        <source>Passed as DOCKER_HOST when set.</source>
        <translation>指定した場合は DOCKER_HOST として渡されます。</translation>
    </message>
    <message>
        <source>Container runtime</source>
        <translation>コンテナランタイム</translation>
    </message>
    <message>
        <source>OCI runtime: runc, or runsc for gVisor.</source>
        <translation>OCI ランタイム: runc、または gVisor を使う場合は runsc。</translation>
    </message>
    <message>
        <source>Workspace image</source>
        <translation>ワークスペースイメージ</translation>
    </message>
    <message>
        <source>The image every conversation&apos;s container starts from.</source>
        <translation>各会話のコンテナの起動元となるイメージ。</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU 数</translation>
    </message>
    <message>
        <source>CPU cores a container may use.</source>
        <translation>1 つのコンテナが使用できる CPU コア数。</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>メモリ</translation>
    </message>
    <message>
        <source>Memory limit of a container; swap is not added.</source>
        <translation>コンテナのメモリ制限。スワップは追加されません。</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>プロセス数</translation>
    </message>
    <message>
        <source>Maximum number of processes in a container.</source>
        <translation>コンテナ内のプロセス数の上限。</translation>
    </message>
    <message>
        <source>/tmp size</source>
        <translation>/tmp のサイズ</translation>
    </message>
    <message>
        <source>Size of the container&apos;s /tmp (memory-backed, no execution).</source>
        <translation>コンテナの /tmp のサイズ（メモリ上に確保、実行不可）。</translation>
    </message>
    <message>
        <source>Workspace size</source>
        <translation>ワークスペースのサイズ</translation>
    </message>
    <message>
        <source>Maximum size of a conversation&apos;s workspace.</source>
        <translation>会話ごとのワークスペースの最大サイズ。</translation>
    </message>
    <message>
        <source>Seccomp profile</source>
        <translation>seccomp プロファイル</translation>
    </message>
    <message>
        <source>Path of a seccomp profile; empty uses the built-in whitelist.</source>
        <translation>seccomp プロファイルのパス。空の場合は組み込みのホワイトリストを使用します。</translation>
    </message>
    <message>
        <source>Idle TTL</source>
        <translation>非アクティブ TTL</translation>
    </message>
    <message>
        <source>Seconds without a call before a container is collected.</source>
        <translation>呼び出しがないままこの秒数が経過すると、コンテナが回収されます。</translation>
    </message>
    <message>
        <source>Absolute TTL</source>
        <translation>絶対 TTL</translation>
    </message>
    <message>
        <source>Seconds after which a container is collected in any case.</source>
        <translation>この秒数が経過すると、利用状況にかかわらずコンテナが回収されます。</translation>
    </message>
    <message>
        <source>GC interval</source>
        <translation>GC 間隔</translation>
    </message>
    <message>
        <source>Seconds between garbage collection sweeps.</source>
        <translation>ガベージコレクションを実行する間隔（秒）。</translation>
    </message>
    <message>
        <source>Warm pool</source>
        <translation>ウォームプール</translation>
    </message>
    <message>
        <source>Containers kept started ahead of new conversations.</source>
        <translation>新しい会話に備えて事前に起動しておくコンテナの数。</translation>
    </message>
    <message>
        <source>Workspaces directory</source>
        <translation>ワークスペースディレクトリ</translation>
    </message>
    <message>
        <source>Host directory holding every conversation&apos;s workspace.</source>
        <translation>すべての会話のワークスペースを置くホスト上のディレクトリ。</translation>
    </message>
    <message>
        <source>Runtime directory</source>
        <translation>ランタイムディレクトリ</translation>
    </message>
    <message>
        <source>Host directory holding sockets and state.</source>
        <translation>ソケットと状態ファイルを置くホスト上のディレクトリ。</translation>
    </message>
    <message>
        <source>Allowed hosts</source>
        <translation>許可するホスト</translation>
    </message>
    <message>
        <source>Host patterns the proxy forwards to; * matches one DNS label.</source>
        <translation>プロキシが転送を許可するホストのパターン。* は DNS ラベル 1 つに一致します。</translation>
    </message>
    <message>
        <source>Connect-to overrides</source>
        <translation>接続先の上書き</translation>
    </message>
    <message>
        <source>HOST1:PORT1:HOST2:PORT2 entries that redirect upstream connections.</source>
        <translation>上流への接続先を振り替える HOST1:PORT1:HOST2:PORT2 形式のエントリ。</translation>
    </message>
    <message>
        <source>Extra CA bundle</source>
        <translation>追加の CA バンドル</translation>
    </message>
    <message>
        <source>Additional trusted certificates for upstream TLS.</source>
        <translation>上流との TLS 接続で追加で信頼する証明書。</translation>
    </message>
    <message>
        <source>Credential source</source>
        <translation>認証情報の取得元</translation>
    </message>
    <message>
        <source>Where AWS credentials come from: settings, profile or process.</source>
        <translation>AWS 認証情報の取得元: settings、profile、process のいずれか。</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>アクセスキー ID</translation>
    </message>
    <message>
        <source>For the settings source.</source>
        <translation>取得元が settings の場合に使用します。</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>シークレットアクセスキー</translation>
    </message>
    <message>
        <source>For the settings source. Kept in locked memory only.</source>
        <translation>取得元が settings の場合に使用します。ロックされたメモリ内にのみ保持されます。</translation>
    </message>
    <message>
        <source>Session token</source>
        <translation>セッショントークン</translation>
    </message>
    <message>
        <source>For the settings source, when the key is temporary.</source>
        <translation>取得元が settings で、一時的なキーを使う場合に使用します。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <source>Profile name in the shared credentials file.</source>
        <translation>共有認証情報ファイル内のプロファイル名。</translation>
    </message>
    <message>
        <source>Credentials file</source>
        <translation>認証情報ファイル</translation>
    </message>
    <message>
        <source>AWS shared credentials file.</source>
        <translation>AWS の共有認証情報ファイル。</translation>
    </message>
    <message>
        <source>Credential process</source>
        <translation>認証情報プロセス</translation>
    </message>
    <message>
        <source>Command printing credentials in the credential_process format.</source>
        <translation>credential_process 形式で認証情報を出力するコマンド。</translation>
    </message>
    <message>
        <source>Admin address</source>
        <translation>管理用アドレス</translation>
    </message>
    <message>
        <source>HOST:PORT for /metrics and /healthz; empty turns them off.</source>
        <translation>/metrics と /healthz を提供する HOST:PORT。空の場合は無効になります。</translation>
    </message>
    <message>
        <source>Call timeout</source>
        <translation>呼び出しのタイムアウト</translation>
    </message>
    <message>
        <source>Default seconds a tool call may run.</source>
        <translation>ツール呼び出しを実行できる時間の既定値（秒）。</translation>
    </message>
    <message>
        <source>Output limit</source>
        <translation>出力の上限</translation>
    </message>
    <message>
        <source>Bytes kept of each output stream of a call.</source>
        <translation>呼び出しの出力ストリームごとに保持するバイト数。</translation>
    </message>
    <message>
        <source>Transfer limit</source>
        <translation>転送の上限</translation>
    </message>
    <message>
        <source>Largest file read_file and write_file move.</source>
        <translation>read_file と write_file で転送できるファイルの最大サイズ。</translation>
    </message>
</context>
<context>
    <name>hako::Tools</name>
    <message>
        <source>&quot;%1&quot; must be of type %2.</source>
        <translation>&quot;%1&quot; の型は %2 でなければなりません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a value that is not allowed.</source>
        <translation>&quot;%1&quot; の値は許可されていません。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is out of range.</source>
        <translation>&quot;%1&quot; の値が範囲外です。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must contain only %2 values.</source>
        <translation>&quot;%1&quot; には %2 型の値のみを含めてください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is required.</source>
        <translation>&quot;%1&quot; は必須です。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known field.</source>
        <translation>&quot;%1&quot; は既知のフィールドではありません。</translation>
    </message>
    <message>
        <source>&quot;command&quot; is required.</source>
        <translation>&quot;command&quot; は必須です。</translation>
    </message>
    <message>
        <source>Seconds before the command is killed.</source>
        <translation>コマンドを強制終了するまでの秒数。</translation>
    </message>
    <message>
        <source>Run a command in a persistent bash session inside the conversation&apos;s sandbox. The working directory and exported variables persist between calls. There is no network access. Files live in /workspace.</source>
        <translation>会話のサンドボックス内の永続的な bash セッションでコマンドを実行します。作業ディレクトリとエクスポートした変数は呼び出しをまたいで保持されます。ネットワークにはアクセスできません。ファイルは /workspace に置かれます。</translation>
    </message>
    <message>
        <source>The command to run.</source>
        <translation>実行するコマンド。</translation>
    </message>
    <message>
        <source>Start a fresh session first.</source>
        <translation>先に新しいセッションを開始します。</translation>
    </message>
    <message>
        <source>The edit to perform.</source>
        <translation>実行する編集操作。</translation>
    </message>
    <message>
        <source>For view: [first, last] line; -1 means the end.</source>
        <translation>view 用: [開始行, 終了行]。-1 は末尾を表します。</translation>
    </message>
    <message>
        <source>View, create and edit files under /workspace. str_replace needs old_str to occur exactly once; insert adds new_str after line insert_line (0 for the top).</source>
        <translation>/workspace 配下のファイルを表示・作成・編集します。str_replace では old_str がちょうど 1 回だけ出現している必要があります。insert は new_str を insert_line 行目の後に挿入します（先頭に挿入する場合は 0）。</translation>
    </message>
    <message>
        <source>Path under /workspace.</source>
        <translation>/workspace 配下のパス。</translation>
    </message>
    <message>
        <source>For create: the content.</source>
        <translation>create 用: ファイルの内容。</translation>
    </message>
    <message>
        <source>For str_replace: the text to replace.</source>
        <translation>str_replace 用: 置換対象のテキスト。</translation>
    </message>
    <message>
        <source>For str_replace and insert: the new text.</source>
        <translation>str_replace と insert 用: 新しいテキスト。</translation>
    </message>
    <message>
        <source>For insert: the line after which to insert.</source>
        <translation>insert 用: この行番号の行の後に挿入します。</translation>
    </message>
    <message>
        <source>utf-8 for text, base64 for any bytes.</source>
        <translation>テキストには utf-8、任意のバイト列には base64。</translation>
    </message>
    <message>
        <source>Read a file from /workspace, as text or base64 for binary content.</source>
        <translation>/workspace からファイルを読み込みます。テキストとして、またはバイナリの内容なら base64 で返します。</translation>
    </message>
    <message>
        <source>Write a file under /workspace, replacing it atomically.</source>
        <translation>/workspace 配下にファイルを書き込みます。既存のファイルはアトミックに置き換えます。</translation>
    </message>
    <message>
        <source>The content, encoded as said by encoding.</source>
        <translation>encoding で指定した方式でエンコードされた内容。</translation>
    </message>
</context>
<context>
    <name>hako::host</name>
    <message>
        <source>--timeout needs a number of seconds between 1 and 86400.</source>
        <translation>--timeout には 1 から 86400 までの秒数を指定してください。</translation>
    </message>
    <message>
        <source>%1 needs --conversation ID.</source>
        <translation>%1 には --conversation ID が必要です。</translation>
    </message>
    <message>
        <source>exec needs a command after --.</source>
        <translation>exec では -- の後にコマンドを指定してください。</translation>
    </message>
    <message>
        <source>tool needs a tool name and its input as JSON.</source>
        <translation>tool にはツール名と、JSON 形式の入力を指定してください。</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>予期しない引数 &quot;%1&quot; です。</translation>
    </message>
    <message>
        <source>Unknown option &quot;%1&quot;, or it lacks its value.</source>
        <translation>不明なオプション &quot;%1&quot; か、オプションの値がありません。</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>不明なコマンド &quot;%1&quot; です。</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>コマンドが指定されていません。</translation>
    </message>
    <message>
        <source>Cannot read the settings file %1.</source>
        <translation>設定ファイル %1 を読み込めません。</translation>
    </message>
    <message>
        <source>The settings file %1 is not a JSON object: %2</source>
        <translation>設定ファイル %1 が JSON オブジェクトではありません: %2</translation>
    </message>
    <message>
        <source>--set needs key=value, not &quot;%1&quot;.</source>
        <translation>--set には key=value の形式で指定してください（&quot;%1&quot; は不正です）。</translation>
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
        <translation>使い方:
  hako-host exec --conversation ID [--timeout S] [--json] -- COMMAND...
  hako-host tool --conversation ID NAME JSON
  hako-host tools
  hako-host end --conversation ID [--delete-workspace]
  hako-host serve [--mcp] [--admin HOST:PORT]
  hako-host doctor
共通オプション: --config FILE, --set key=value, --plugin PATH
</translation>
    </message>
    <message>
        <source>hako-host: the command timed out and was killed.</source>
        <translation>hako-host: コマンドがタイムアウトしたため強制終了されました。</translation>
    </message>
    <message>
        <source>hako-host: the command ran out of memory and was killed.</source>
        <translation>hako-host: コマンドがメモリ不足になったため強制終了されました。</translation>
    </message>
    <message>
        <source>hako-host: the command was cancelled.</source>
        <translation>hako-host: コマンドはキャンセルされました。</translation>
    </message>
    <message>
        <source>hako-host: the tool input is not a JSON object: %1</source>
        <translation>hako-host: ツールの入力が JSON オブジェクトではありません: %1</translation>
    </message>
    <message>
        <source>Container engine reachable</source>
        <translation>コンテナエンジンに接続可能</translation>
    </message>
    <message>
        <source>Install docker.io and start dockerd (systemctl start docker), or set docker.binary/docker.host.</source>
        <translation>docker.io をインストールして dockerd を起動する（systemctl start docker）か、docker.binary/docker.host を設定してください。</translation>
    </message>
    <message>
        <source>Runtime &quot;%1&quot; registered</source>
        <translation>ランタイム &quot;%1&quot; が登録済み</translation>
    </message>
    <message>
        <source>gVisor (runsc) available</source>
        <translation>gVisor (runsc) が利用可能</translation>
    </message>
    <message>
        <source>apt-get install runsc and register it as in policies/docker/daemon.json.</source>
        <translation>apt-get install runsc でインストールし、policies/docker/daemon.json のように登録してください。</translation>
    </message>
    <message>
        <source>Seccomp supported by the engine</source>
        <translation>エンジンが seccomp に対応</translation>
    </message>
    <message>
        <source>Workspace image %1 present</source>
        <translation>ワークスペースイメージ %1 が存在</translation>
    </message>
    <message>
        <source>Build it with scripts/build-image.sh.</source>
        <translation>scripts/build-image.sh でビルドしてください。</translation>
    </message>
    <message>
        <source>Plugin loads</source>
        <translation>プラグインを読み込み可能</translation>
    </message>
    <message>
        <source>Build the project, or pass --plugin PATH.</source>
        <translation>プロジェクトをビルドするか、--plugin PATH を指定してください。</translation>
    </message>
    <message>
        <source>Directory %1 writable</source>
        <translation>ディレクトリ %1 に書き込み可能</translation>
    </message>
    <message>
        <source>Create it and give this user write access, or set %1.</source>
        <translation>ディレクトリを作成してこのユーザーに書き込み権限を与えるか、%1 を設定してください。</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>対処:</translation>
    </message>
    <message>
        <source>Register it in /etc/docker/daemon.json (see policies/docker/daemon.json) and restart dockerd; for Podman, in containers.conf [engine.runtimes].</source>
        <translation>/etc/docker/daemon.json に登録して（policies/docker/daemon.json を参照）dockerd を再起動してください。Podman では containers.conf の [engine.runtimes] に登録します。</translation>
    </message>
    <message>
        <source>Use a kernel and engine build with seccomp support.</source>
        <translation>seccomp に対応したカーネルとエンジンを使ってください。</translation>
    </message>
    <message>
        <source>Engine runs without root (its socket is not root on this host)</source>
        <translation>エンジンが root 以外で動作（そのソケットはこのホストの root 権限ではない）</translation>
    </message>
    <message>
        <source>%1 runs as root: whoever reaches its socket controls the host.</source>
        <translation>%1 は root で動作しています。そのソケットに届く者はホストを支配できます。</translation>
    </message>
    <message>
        <source>Run hako-host as an unprivileged user with rootless Podman (docs/rootless.md): apt-get install podman uidmap slirp4netns; give the user ranges in /etc/subuid and /etc/subgid; on cgroup v1 set runtime = &quot;runc&quot; in ~/.config/containers/containers.conf; copy the image (docker save IMAGE | podman load); set docker.binary=podman; then take the user out of the docker group.</source>
        <translation>hako-host を一般ユーザーでルートレス Podman とともに実行してください（docs/rootless.md）: apt-get install podman uidmap slirp4netns を実行し、/etc/subuid と /etc/subgid にそのユーザーの範囲を与え、cgroup v1 では ~/.config/containers/containers.conf に runtime = &quot;runc&quot; を設定し、イメージをコピーし（docker save IMAGE | podman load）、docker.binary=podman を設定してから、そのユーザーを docker グループから外します。</translation>
    </message>
    <message>
        <source>User namespace isolates container root</source>
        <translation>ユーザー名前空間がコンテナの root を分離</translation>
    </message>
    <message>
        <source>Optional: set &quot;userns-remap&quot;: &quot;default&quot; in daemon.json (policies/docker/daemon-userns.json), or use a rootless engine.</source>
        <translation>任意: daemon.json に &quot;userns-remap&quot;: &quot;default&quot; を設定する（policies/docker/daemon-userns.json）か、ルートレスエンジンを使ってください。</translation>
    </message>
    <message>
        <source>Memory, CPU and process limits enforced</source>
        <translation>メモリ・CPU・プロセス数の制限が有効</translation>
    </message>
    <message>
        <source>a rootless engine on cgroup v%1 ignores --memory, --cpu-quota and --pids-limit: a workload can use all of the host&apos;s memory and CPU, and fork without bound.</source>
        <translation>cgroup v%1 上のルートレスエンジンは --memory、--cpu-quota、--pids-limit を無視します。ワークロードはホストのメモリと CPU をすべて使い、際限なく fork できます。</translation>
    </message>
    <message>
        <source>Boot with cgroup v2 (systemd.unified_cgroup_hierarchy=1) and delegate the cpu, memory and pids controllers to the user, or run a rootful engine with userns-remap.</source>
        <translation>cgroup v2（systemd.unified_cgroup_hierarchy=1）で起動して cpu・memory・pids コントローラーをユーザーに委譲するか、userns-remap 付きの root 権限エンジンを使ってください。</translation>
    </message>
    <message>
        <source>%1 %2, %3</source>
        <translation>%1 %2、%3</translation>
    </message>
    <message>
        <source>rootless</source>
        <translation>ルートレス</translation>
    </message>
    <message>
        <source>rootful</source>
        <translation>root 権限</translation>
    </message>
    <message>
        <source>Engine: %1</source>
        <translation>エンジン: %1</translation>
    </message>
</context>
<context>
    <name>hako::host::PluginHost</name>
    <message>
        <source>No plugin at %1.</source>
        <translation>%1 にプラグインがありません。</translation>
    </message>
    <message>
        <source>%1 is not a Hako tool executor plugin.</source>
        <translation>%1 は Hako のツール実行プラグインではありません。</translation>
    </message>
    <message>
        <source>%1 implements API version %2; this host needs %3.</source>
        <translation>%1 は API バージョン %2 を実装していますが、このホストにはバージョン %3 が必要です。</translation>
    </message>
    <message>
        <source>The plugin %1 could not be loaded: %2</source>
        <translation>プラグイン %1 を読み込めませんでした: %2</translation>
    </message>
</context>
</TS>
