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
        <source>credentials.stsEndpoint &quot;%1&quot; is not an https://HOST URL.</source>
        <translation>credentials.stsEndpoint &quot;%1&quot; は https://HOST 形式の URL ではありません。</translation>
    </message>
    <message>
        <source>credentials.assumeRole &quot;%1&quot; is not an IAM role ARN.</source>
        <translation>credentials.assumeRole &quot;%1&quot; は IAM ロールの ARN ではありません。</translation>
    </message>
    <message>
        <source>proxy.models makes a session policy of %1 characters; STS accepts at most 2048: list fewer models.</source>
        <translation>proxy.models から作られるセッションポリシーは %1 文字ですが、STS が受け付けるのは 2048 文字までです。モデルの数を減らしてください。</translation>
    </message>
    <message>
        <source>STS AssumeRole failed (%1).</source>
        <translation>STS AssumeRole が失敗しました（%1）。</translation>
    </message>
    <message>
        <source>proxy.budget.tokens must be a whole number from 0 to %1.</source>
        <translation>proxy.budget.tokens は 0 から %1 までの整数でなければなりません。</translation>
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
    <message>
        <source>proxy.maxConnections must be a whole number from 1 to %1.</source>
        <translation>proxy.maxConnections には 1 から %1 までの整数を指定してください。</translation>
    </message>
    <message>
        <source>Too many connections to the proxy from this sandbox; close one and retry.</source>
        <translation>このサンドボックスからプロキシへの接続が多すぎます。接続を 1 つ閉じてから再試行してください。</translation>
    </message>
    <message>
        <source>The proxy is holding too many request bodies; retry later.</source>
        <translation>プロキシが保持しているリクエスト本文が多すぎます。しばらくしてから再試行してください。</translation>
    </message>
    <message>
        <source>The whole request was not received within the deadline.</source>
        <translation>リクエスト全体を期限内に受信できませんでした。</translation>
    </message>
    <message>
        <source>This operation is not allowed on this host through the proxy.</source>
        <translation>この操作は、このホストに対してはプロキシ経由で許可されていません。</translation>
    </message>
    <message>
        <source>This model is not among the models the proxy allows.</source>
        <translation>このモデルはプロキシが許可するモデルに含まれていません。</translation>
    </message>
    <message>
        <source>The proxy does not accept credentials from the sandbox.</source>
        <translation>プロキシはサンドボックスからの認証情報を受け付けません。</translation>
    </message>
    <message>
        <source>proxy.allow: operation &quot;%1&quot; is neither a Bedrock runtime operation nor &quot;METHOD /path/{model}/...&quot;.</source>
        <translation>proxy.allow: 操作 &quot;%1&quot; は Bedrock ランタイムの操作名でも &quot;METHOD /path/{model}/...&quot; の形でもありません。</translation>
    </message>
    <message>
        <source>proxy.models: &quot;%1&quot; is not a model ID or ARN.</source>
        <translation>proxy.models: &quot;%1&quot; はモデル ID でも ARN でもありません。</translation>
    </message>
    <message>
        <source>This conversation has used up its request budget; retry later.</source>
        <translation>この会話はリクエストの上限に達しました。しばらくしてから再試行してください。</translation>
    </message>
    <message>
        <source>proxy.budget.requestsPerMinute must be a whole number from 0 to %1.</source>
        <translation>proxy.budget.requestsPerMinute は 0 から %1 までの整数でなければなりません。</translation>
    </message>
    <message>
        <source>The credential proxy is turned off.</source>
        <translation>認証情報プロキシは無効になっています。</translation>
    </message>
    <message>
        <source>Cannot listen on proxy socket %1.</source>
        <translation>プロキシソケット %1 で待ち受けできません。</translation>
    </message>
    <message>
        <source>credentials.source &quot;%1&quot; is not settings, profile, process or none.</source>
        <translation>credentials.source &quot;%1&quot; は settings、profile、process、none のいずれでもありません。</translation>
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
        <source>There is no such conversation: it has neither a sandbox nor a workspace here.</source>
        <translation>そのような会話はありません。ここにはサンドボックスもワークスペースもありません。</translation>
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
        <source>The conversation&apos;s sandbox was not ready within %1 seconds, so the call did not run.</source>
        <translation>会話のサンドボックスが %1 秒以内に準備できなかったため、呼び出しは実行されませんでした。</translation>
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
        <source>Something in the sandbox posed as its agent, so nothing was run; the sandbox is replaced (its workspace is kept).</source>
        <translation>サンドボックス内の何かがエージェントになりすましたため、何も実行しませんでした。サンドボックスは作り直されます(ワークスペースは保持されます)。</translation>
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
        <source>A security tripwire froze this conversation&apos;s sandbox; it stays paused for an operator. Ending the conversation releases it.</source>
        <translation>セキュリティのトリップワイヤーがこの会話のサンドボックスを凍結しました。運用者が確認するまで一時停止したままです。会話を終了すると解除されます。</translation>
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
        <source>Seccomp profile: the filter for %1 has %2 instructions; the kernel accepts at most %3.</source>
        <translation>seccomp プロファイル: %1 向けのフィルターは %2 命令ありますが、カーネルが受け付けるのは最大 %3 命令です。</translation>
    </message>
    <message>
        <source>The sandbox agent program hako-agent was not found next to the plugin; set HAKO_AGENT to its path.</source>
        <translation>サンドボックスのエージェントプログラム hako-agent がプラグインと同じ場所に見つかりません。HAKO_AGENT にそのパスを設定してください。</translation>
    </message>
    <message>
        <source>AppArmor is on in this kernel but the profile hako-workspace is not loaded, so containers would run without it; load it with apparmor_parser -r -W policies/apparmor/hako-workspace.</source>
        <translation>このカーネルでは AppArmor が有効ですが、プロファイル hako-workspace が読み込まれていないため、コンテナがそれなしで動くことになります。apparmor_parser -r -W policies/apparmor/hako-workspace で読み込んでください。</translation>
    </message>
    <message>
        <source>The workspace %1 holds files but has no size-limited image; move the files elsewhere or delete it.</source>
        <translation>ワークスペース %1 にはファイルがありますが、サイズ上限付きのイメージがありません。ファイルを別の場所に移すか削除してください。</translation>
    </message>
    <message>
        <source>The sandbox kept sending output past the call&apos;s output limit; the call was stopped.</source>
        <translation>サンドボックスが呼び出しの出力上限を超えて出力を送り続けたため、呼び出しを停止しました。</translation>
    </message>
    <message>
        <source>The file could not be moved between the host and the sandbox.</source>
        <translation>ホストとサンドボックスの間でファイルを移せませんでした。</translation>
    </message>
    <message>
        <source>The container engine failed to %1: the container&apos;s name is taken.</source>
        <translation>コンテナエンジンの操作に失敗しました（%1）。そのコンテナ名はすでに使われています。</translation>
    </message>
    <message>
        <source>The audit log&apos;s signing key %1 cannot be used.</source>
        <translation>監査ログの署名鍵 %1 を使用できません。</translation>
    </message>
    <message>
        <source>report its state</source>
        <translation>状態の取得</translation>
    </message>
    <message>
        <source>start a container</source>
        <translation>コンテナの起動</translation>
    </message>
    <message>
        <source>list containers</source>
        <translation>コンテナの一覧取得</translation>
    </message>
    <message>
        <source>remove containers</source>
        <translation>コンテナの削除</translation>
    </message>
    <message>
        <source>rename a container</source>
        <translation>コンテナ名の変更</translation>
    </message>
    <message>
        <source>remove a workspace</source>
        <translation>ワークスペースの削除</translation>
    </message>
    <message>
        <source>pause or resume a container</source>
        <translation>コンテナの一時停止または再開</translation>
    </message>
    <message>
        <source>Cannot serve the admin endpoints on %1:%2.</source>
        <translation>管理エンドポイントを %1:%2 で提供できません。</translation>
    </message>
    <message>
        <source>The seccomp profile is not a JSON object.</source>
        <translation>seccomp プロファイルが JSON オブジェクトではありません。</translation>
    </message>
    <message>
        <source>Seccomp profile: libseccomp refuses %1 on %2.</source>
        <translation>seccomp プロファイル: libseccomp が %2 での %1 を拒否しました。</translation>
    </message>
    <message>
        <source>The workspace&apos;s size limit could not be put in place.</source>
        <translation>ワークスペースのサイズ上限を設定できませんでした。</translation>
    </message>
    <message>
        <source>The text to replace occurs %1 times (at lines %2); include more context to make it unique.</source>
        <translation>置換対象のテキストが %1 箇所（%2 行目）にあります。前後の文脈を含めて一意になるように指定してください。</translation>
    </message>
    <message>
        <source>The file has %1 bytes, more than the limit of %2 bytes.</source>
        <translation>ファイルは %1 バイトあり、上限の %2 バイトを超えています。</translation>
    </message>
    <message>
        <source>The line number is outside the file, which has %1 lines.</source>
        <translation>行番号がファイルの範囲外です（ファイルは %1 行です）。</translation>
    </message>
    <message>
        <source>string</source>
        <translation>文字列</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>array of strings</source>
        <translation>文字列の配列</translation>
    </message>
    <message>
        <source>whole seconds</source>
        <translation>秒数（整数）</translation>
    </message>
    <message>
        <source>The sandbox host refuses calls: its security check failed (%1). An operator must repair the host; hako-host verify shows the details.</source>
        <translation>サンドボックスのホストは呼び出しを受け付けません。セキュリティ検査に失敗しました（%1）。運用者がホストを修復する必要があります。詳細は hako-host verify で確認できます。</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true または false</translation>
    </message>
</context>
<context>
    <name>hako::Settings</name>
    <message>
        <source>Docker CLI</source>
        <translation>Docker コマンド</translation>
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
        <source>Starts at once</source>
        <translation>同時に起動する数</translation>
    </message>
    <message>
        <source>Containers the engine is asked to start at the same time; more wait in line, and their calls are queued.</source>
        <translation>エンジンに同時に起動を依頼するコンテナの数。超えた分は順番を待ち、その呼び出しは待ち行列に入る。</translation>
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
        <translation>無操作で回収するまで</translation>
    </message>
    <message>
        <source>Absolute TTL</source>
        <translation>最長の稼働時間</translation>
    </message>
    <message>
        <source>GC interval</source>
        <translation>回収の間隔</translation>
    </message>
    <message>
        <source>Warm pool</source>
        <translation>ウォームプール</translation>
    </message>
    <message>
        <source>Containers kept started ahead of new conversations; when not 0, a fixed number, and pool.min and pool.max are not used.</source>
        <translation>新しい会話に備えて事前に起動しておくコンテナの数。0 以外なら固定の数で、pool.min と pool.max は使われない。</translation>
    </message>
    <message>
        <source>Pool minimum</source>
        <translation>プールの最小数</translation>
    </message>
    <message>
        <source>Fewest containers an adaptive pool keeps, even when idle.</source>
        <translation>可変サイズのプールが、アイドル時にも保持する最小のコンテナ数。</translation>
    </message>
    <message>
        <source>Pool maximum</source>
        <translation>プールの最大数</translation>
    </message>
    <message>
        <source>Most containers an adaptive pool keeps; it holds as many as new conversations arrived within the pool window.</source>
        <translation>可変サイズのプールが保持する最大のコンテナ数。プールの期間内に届いた新しい会話と同じ数を保持する。</translation>
    </message>
    <message>
        <source>Pool window</source>
        <translation>プールの期間</translation>
    </message>
    <message>
        <source>How far back an adaptive pool counts new conversations.</source>
        <translation>可変サイズのプールが新しい会話を数える期間。</translation>
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
        <source>Host patterns the proxy forwards to; * matches one DNS label, under AWS domains only a region name.</source>
        <translation>プロキシが転送を許可するホストのパターン。* は DNS ラベル 1 つに一致します（AWS のドメインではリージョン名のみ）。</translation>
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
        <source>Role per conversation</source>
        <translation>会話ごとのロール</translation>
    </message>
    <message>
        <source>IAM role ARN: each conversation gets its own STS session of it, limited to the allowed models; the credentials above then sign only the AssumeRole calls.</source>
        <translation>IAM ロールの ARN。会話ごとにこのロールの STS セッションを取得し、許可されたモデルだけに制限します。このとき上記の認証情報は AssumeRole の呼び出しにだけ署名します。</translation>
    </message>
    <message>
        <source>STS endpoint</source>
        <translation>STS エンドポイント</translation>
    </message>
    <message>
        <source>https://HOST of STS for the role sessions, e.g. a VPC endpoint; empty uses https://sts.us-east-1.amazonaws.com.</source>
        <translation>ロールセッションに使う STS の https://HOST（VPC エンドポイントなど）。空の場合は https://sts.us-east-1.amazonaws.com を使います。</translation>
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
    <message>
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <source>File receiving one JSON line per tool call and proxy decision; empty turns it off.</source>
        <translation>ツール呼び出しとプロキシの判定ごとに JSON を 1 行書き込むファイル。空にすると無効になります。</translation>
    </message>
    <message>
        <source>Proxy connections</source>
        <translation>プロキシ接続数</translation>
    </message>
    <message>
        <source>Connections one container may hold open to the proxy at once; more are refused.</source>
        <translation>1 つのコンテナがプロキシに同時に開いておける接続の数。これを超える接続は拒否されます。</translation>
    </message>
    <message>
        <source>Audit signing key</source>
        <translation>監査署名鍵</translation>
    </message>
    <message>
        <source>Ed25519 key that signs the audit log&apos;s checkpoints; created on first use, owner-only.</source>
        <translation>監査ログのチェックポイントに署名する Ed25519 鍵。初回使用時に作成され、所有者だけが読めます。</translation>
    </message>
    <message>
        <source>Audit checkpoint interval</source>
        <translation>監査チェックポイント間隔</translation>
    </message>
    <message>
        <source>Tripwires</source>
        <translation>トリップワイヤー</translation>
    </message>
    <message>
        <source>After a tripwire: freeze (calls fail until ended), end, or log.</source>
        <translation>発動後に行うこと: freeze（会話を終了するまで呼び出しは失敗）、end、log のいずれか。</translation>
    </message>
    <message>
        <source>Tripwire action</source>
        <translation>トリップワイヤー発動時の処理</translation>
    </message>
    <message>
        <source>Allowed models</source>
        <translation>許可するモデル</translation>
    </message>
    <message>
        <source>Model IDs, inference-profile IDs or ARNs that sandboxes may call; empty allows any model.</source>
        <translation>サンドボックスが呼び出せるモデル ID、推論プロファイル ID または ARN。空の場合はすべてのモデルを許可します。</translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation>1 分あたりのリクエスト数</translation>
    </message>
    <message>
        <source>Requests one conversation may send through the proxy in any minute; 0 means no limit.</source>
        <translation>1 つの会話が任意の 1 分間にプロキシ経由で送れるリクエストの数。0 は無制限です。</translation>
    </message>
    <message>
        <source>Tokens per conversation</source>
        <translation>会話あたりのトークン数</translation>
    </message>
    <message>
        <source>Input and output tokens one conversation may use through the proxy, as Bedrock reports them; 0 means no limit.</source>
        <translation>1 つの会話がプロキシ経由で使える入力と出力のトークン数（Bedrock が報告する値）。0 は無制限です。</translation>
    </message>
    <message>
        <source>Time without a call before a container is collected.</source>
        <translation>呼び出しがないままこの時間が経過すると、コンテナが回収されます。</translation>
    </message>
    <message>
        <source>Time after which a container is collected in any case.</source>
        <translation>この時間が経過すると、利用状況にかかわらずコンテナが回収されます。</translation>
    </message>
    <message>
        <source>Time between garbage collection sweeps.</source>
        <translation>ガベージコレクションを実行する間隔。</translation>
    </message>
    <message>
        <source>Where AWS credentials come from: settings, profile or process; none turns the credential proxy off.</source>
        <translation>AWS 認証情報の取得元: settings、profile、process のいずれか。none にすると認証情報プロキシを無効にします。</translation>
    </message>
    <message>
        <source>Time between signed checkpoints of the audit log.</source>
        <translation>監査ログに署名付きチェックポイントを書き込む間隔。</translation>
    </message>
    <message>
        <source>How long a tool call may run unless the call sets its own timeout.</source>
        <translation>呼び出し側でタイムアウトを指定しない場合に、ツール呼び出しを実行できる時間。</translation>
    </message>
    <message>
        <source>Queue timeout</source>
        <translation>待ち行列のタイムアウト</translation>
    </message>
    <message>
        <source>How long a call may wait for its conversation&apos;s container to be started or found; the call&apos;s own timeout starts once it reaches the container.</source>
        <translation>呼び出しが会話のコンテナの起動または検出を待てる時間。呼び出し自体のタイムアウトは、コンテナに届いた時点から数え始める。</translation>
    </message>
    <message>
        <source>%1 Default: %2.</source>
        <translation>%1既定値: %2。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Container engine</source>
        <translation>コンテナエンジン</translation>
    </message>
    <message>
        <source>Resource limits</source>
        <translation>リソース制限</translation>
    </message>
    <message>
        <source>Container lifetime</source>
        <translation>コンテナの寿命</translation>
    </message>
    <message>
        <source>Tool calls</source>
        <translation>ツール呼び出し</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>ディレクトリ</translation>
    </message>
    <message>
        <source>System call filter</source>
        <translation>システムコールフィルター</translation>
    </message>
    <message>
        <source>Credential proxy</source>
        <translation>認証情報プロキシ</translation>
    </message>
    <message>
        <source>AWS credentials</source>
        <translation>AWS 認証情報</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>監視</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>監査</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1日</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1時間</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>Check interval</source>
        <translation>検査の間隔</translation>
    </message>
    <message>
        <source>Time between runs of the start-up check (docs/operations.md) while the host serves.</source>
        <translation>ホストが稼働している間に起動時検査（docs/operations.md）を繰り返す間隔。</translation>
    </message>
    <message>
        <source>Serve on a failed check</source>
        <translation>検査に失敗しても稼働する</translation>
    </message>
    <message>
        <source>Accept calls when the start-up check fails: health is degraded and every call is audited as running on a failed check.</source>
        <translation>起動時検査に失敗しても呼び出しを受け付けます。ヘルスは degraded となり、すべての呼び出しが検査失敗中の実行として監査ログに記録されます。</translation>
    </message>
    <message>
        <source>Start-up check</source>
        <translation>起動時検査</translation>
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
    <message>
        <source>the source must be a file or buffer open for reading.</source>
        <translation>読み取り用に開いたファイルまたはバッファを渡してください。</translation>
    </message>
    <message>
        <source>the destination must be a device open for writing.</source>
        <translation>書き込み用に開いたデバイスを渡してください。</translation>
    </message>
    <message>
        <source>&quot;content&quot; is not valid base64.</source>
        <translation>&quot;content&quot; が正しい base64 ではありません。</translation>
    </message>
</context>
<context>
    <name>hako::audit</name>
    <message>
        <source>the file cannot be read: %1</source>
        <translation>ファイルを読み込めません: %1</translation>
    </message>
    <message>
        <source>the line is cut short: the file was truncated</source>
        <translation>行が途中で切れています: ファイルが切り詰められました</translation>
    </message>
    <message>
        <source>the line is longer than any line Hako writes</source>
        <translation>Hako が書き込むどの行よりも長い行です</translation>
    </message>
    <message>
        <source>the line is not a sealed audit line</source>
        <translation>封印された監査行ではありません</translation>
    </message>
    <message>
        <source>the line was changed: its hash does not match its content</source>
        <translation>行が変更されています: ハッシュが内容と一致しません</translation>
    </message>
    <message>
        <source>the chain breaks here: sequence %1 follows %2, so lines are missing or moved</source>
        <translation>ここでチェーンが途切れています: 連番 %2 の次が %1 のため、行が欠落しているか移動されています</translation>
    </message>
    <message>
        <source>the chain breaks here: sequence %1 follows %2, so this line was inserted or moved</source>
        <translation>ここでチェーンが途切れています: 連番 %2 の次が %1 のため、この行は挿入されたか移動されています</translation>
    </message>
    <message>
        <source>the chain breaks here: the line does not link to the one before it, which was replaced, or this one inserted</source>
        <translation>ここでチェーンが途切れています: この行は直前の行につながっていません(直前の行が置き換えられたか、この行が挿入されています)</translation>
    </message>
    <message>
        <source>the checkpoint lacks its signature or key ID</source>
        <translation>チェックポイントに署名または鍵 ID がありません</translation>
    </message>
    <message>
        <source>the checkpoint names another signing key (%1, not %2)</source>
        <translation>チェックポイントが別の署名鍵を指しています(%2 ではなく %1)</translation>
    </message>
    <message>
        <source>the checkpoint&apos;s signature does not verify: it was forged or altered</source>
        <translation>チェックポイントの署名を検証できません: 偽造または改ざんされています</translation>
    </message>
</context>
<context>
    <name>hako::example::DurationEdit</name>
    <message>
        <source> h</source>
        <translation> 時間</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
</context>
<context>
    <name>hako::example::SchemaForm</name>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
</context>
<context>
    <name>hako::example::SettingsDialog</name>
    <message>
        <source>The plugin %1 could not be loaded: %2</source>
        <translation>プラグイン %1 を読み込めませんでした: %2</translation>
    </message>
    <message>
        <source>It is not a Hako plugin of interface %1.</source>
        <translation>インターフェース %1 の Hako プラグインではありません。</translation>
    </message>
    <message>
        <source>Sandbox settings</source>
        <translation>サンドボックスの設定</translation>
    </message>
    <message>
        <source>The settings were applied.</source>
        <translation>設定を適用しました。</translation>
    </message>
    <message>
        <source>The plugin did not accept these settings:</source>
        <translation>プラグインはこれらの設定を受け付けませんでした:</translation>
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
        <source>hako-host: the command timed out and was killed.</source>
        <translation>hako-host: コマンドがタイムアウトしたため強制終了されました。</translation>
    </message>
    <message>
        <source>hako-host: the command ran out of memory and was killed.</source>
        <translation>hako-host: コマンドがメモリ不足になったため強制終了されました。</translation>
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
        <source>--format takes text, markdown or json.</source>
        <translation>--format には text、markdown、json のいずれかを指定してください。</translation>
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
        <translation>使い方:
  hako-host exec --conversation ID [--timeout S] [--json] -- COMMAND...
  hako-host tool --conversation ID NAME JSON
  hako-host tools
  hako-host end --conversation ID [--delete-workspace]
  hako-host serve [--mcp] [--admin HOST:PORT]
  hako-host doctor [--static]  --static: コンテナエンジンを使わない検査だけを行う
  hako-host verify [--runtime runc|runsc] [--format text|markdown|json]
  hako-host verify --check REPORT.json [--key PUBLIC.pem]
  hako-host gc
  hako-host schema      すべての設定の型、既定値、範囲と説明を JSON Schema で出力
  hako-host audit verify FILE... [--key PUBLIC.pem]
  hako-host audit export --format ocsf FILE...
  hako-host audit key
共通オプション: --config FILE, --set key=value, --plugin PATH, --help
  --lang LANG           メッセージとスキーマの見出しを LANG (en, ja) で表示 (既定: ロケールの言語)
</translation>
    </message>
    <message>
        <source>Settings accepted</source>
        <translation>設定が受け入れられた</translation>
    </message>
    <message>
        <source>Correct the settings named (--config FILE, --set key=value).</source>
        <translation>挙げられた設定を修正してください (--config FILE、--set key=value)。</translation>
    </message>
    <message>
        <source>Set credentials.accessKeyId and credentials.secretAccessKey, or choose another credentials.source.</source>
        <translation>credentials.accessKeyId と credentials.secretAccessKey を設定するか、別の credentials.source を選んでください。</translation>
    </message>
    <message>
        <source>Make credentials.process print AWS credential_process JSON (Version 1) and exit 0.</source>
        <translation>credentials.process が AWS の credential_process 形式の JSON (Version 1) を出力し、終了コード 0 で終わるようにしてください。</translation>
    </message>
    <message>
        <source>Seccomp profile in force</source>
        <translation>seccomp プロファイルが有効</translation>
    </message>
    <message>
        <source>Use a kernel and docker build with seccomp support, and a readable seccomp.profile (or none, for the built-in one).</source>
        <translation>seccomp に対応したカーネルと docker ビルドを使用し、seccomp.profile を読み取り可能にしてください (空なら組み込みのプロファイル)。</translation>
    </message>
    <message>
        <source>AppArmor confines containers</source>
        <translation>AppArmor がコンテナを制限している</translation>
    </message>
    <message>
        <source>Optional: boot with AppArmor enabled (apparmor=1 security=apparmor) and install apparmor; dockerd then applies docker-default.</source>
        <translation>任意: AppArmor を有効にして起動し (apparmor=1 security=apparmor)、apparmor をインストールしてください。dockerd が docker-default を適用します。</translation>
    </message>
    <message>
        <source>This host&apos;s containers are running</source>
        <translation>このホストのコンテナが稼働中</translation>
    </message>
    <message>
        <source>A stopped container is replaced on its conversation&apos;s next call and collected by GC (hako-host serve).</source>
        <translation>停止したコンテナは、その会話の次の呼び出しで置き換えられ、GC (hako-host serve) で回収されます。</translation>
    </message>
    <message>
        <source>source: %1</source>
        <translation>取得元: %1</translation>
    </message>
    <message>
        <source>, expires %1</source>
        <translation>、有効期限 %1</translation>
    </message>
    <message>
        <source>Credentials for the proxy</source>
        <translation>プロキシの認証情報</translation>
    </message>
    <message>
        <source>no answer within 10 seconds</source>
        <translation>10 秒以内に応答がありません</translation>
    </message>
    <message>
        <source>Garbage collection and proxy listeners of hako-host serve</source>
        <translation>hako-host serve のガベージコレクションとプロキシの待ち受け</translation>
    </message>
    <message>
        <source>admin.listen is empty: no serving host to ask</source>
        <translation>admin.listen が空です: 問い合わせる稼働中のホストがありません</translation>
    </message>
    <message>
        <source>hako-host serve answers on %1</source>
        <translation>hako-host serve が %1 で応答する</translation>
    </message>
    <message>
        <source>Start hako-host serve --admin %1, or clear admin.listen.</source>
        <translation>hako-host serve --admin %1 を起動するか、admin.listen を空にしてください。</translation>
    </message>
    <message>
        <source>Garbage collection runs</source>
        <translation>ガベージコレクションが動作している</translation>
    </message>
    <message>
        <source>See the hako.gc messages of hako-host serve; GC needs the container engine.</source>
        <translation>hako-host serve の hako.gc メッセージを確認してください。GC にはコンテナエンジンが必要です。</translation>
    </message>
    <message>
        <source>Proxy sockets in place</source>
        <translation>プロキシソケットが存在する</translation>
    </message>
    <message>
        <source>%1 listening, %2 deleted</source>
        <translation>待ち受け中 %1、削除済み %2</translation>
    </message>
    <message>
        <source>Another host process that served the conversation removed its proxy.sock when it stopped; ending the conversation (or GC) gives it a fresh one.</source>
        <translation>この会話を提供していた別のホストプロセスが、終了時に proxy.sock を削除しました。会話を終了する (または GC が回収する) と新しいソケットが作られます。</translation>
    </message>
    <message>
        <source>Serving host status</source>
        <translation>稼働中ホストの状態</translation>
    </message>
    <message>
        <source>Each problem listed has its own check above.</source>
        <translation>挙げられた各問題には、上に対応するチェックがあります。</translation>
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
        <source>Register it in /etc/docker/daemon.json (see policies/docker/daemon.json) and restart dockerd; for Podman, in containers.conf [engine.runtimes].</source>
        <translation>/etc/docker/daemon.json に登録して（policies/docker/daemon.json を参照）dockerd を再起動してください。Podman では containers.conf の [engine.runtimes] に登録します。</translation>
    </message>
    <message>
        <source>Runtime &quot;%1&quot; has no known gaps</source>
        <translation>ランタイム「%1」に既知のギャップがない</translation>
    </message>
    <message>
        <source>Known gaps of this runtime, measured: see docs/operations.md section 4. Use runtime=runc where they matter.</source>
        <translation>このランタイムで測定された既知のギャップです。docs/operations.md の 4 節を参照してください。問題になる場合は runtime=runc を使ってください。</translation>
    </message>
    <message>
        <source>audit needs verify, export or key.</source>
        <translation>audit には verify、export、key のいずれかが必要です。</translation>
    </message>
    <message>
        <source>audit export needs --format ocsf.</source>
        <translation>audit export には --format ocsf が必要です。</translation>
    </message>
    <message>
        <source>audit %1 needs at least one log file.</source>
        <translation>audit %1 には少なくとも 1 つのログファイルが必要です。</translation>
    </message>
    <message>
        <source>hako-host: the audit signing key %1 cannot be used: %2</source>
        <translation>hako-host: 監査署名鍵 %1 を使用できません: %2</translation>
    </message>
    <message>
        <source>hako-host: the public key %1 cannot be used: %2</source>
        <translation>hako-host: 公開鍵 %1 を使用できません: %2</translation>
    </message>
    <message>
        <source>%1: line %2: %3</source>
        <translation>%1: %2 行目: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The chain holds: %1 lines.</source>
        <translation>チェーンは保たれています: %1 行。</translation>
    </message>
    <message>
        <source>The first line is number %1 of a longer chain: earlier lines are in files not given here.</source>
        <translation>最初の行は、より長いチェーンの %1 番目の行です。それより前の行は、ここで指定されていないファイルにあります。</translation>
    </message>
    <message>
        <source>Signatures not checked (no --key): %1 checkpoints found.</source>
        <translation>署名は検証していません(--key なし): チェックポイント %1 件。</translation>
    </message>
    <message>
        <source>%1 checkpoint signatures verified; %2 lines after the last checkpoint are not covered by a signature yet.</source>
        <translation>チェックポイントの署名 %1 件を検証しました。最後のチェックポイント以降の %2 行はまだ署名で保護されていません。</translation>
    </message>
    <message>
        <source>Create the profile in credentials.file (aws configure --profile NAME), or choose another credentials.source (none turns the proxy off).</source>
        <translation>credentials.file にプロファイルを作成する (aws configure --profile NAME) か、別の credentials.source を選んでください（none にするとプロキシを使いません）。</translation>
    </message>
</context>
<context>
    <name>hako::host::McpServer</name>
    <message>
        <source>The message is not valid JSON.</source>
        <translation>メッセージが正しい JSON ではありません。</translation>
    </message>
    <message>
        <source>The message is not a valid JSON-RPC 2.0 request.</source>
        <translation>メッセージが正しい JSON-RPC 2.0 リクエストではありません。</translation>
    </message>
    <message>
        <source>The message is too long to read.</source>
        <translation>メッセージが長すぎて読み取れません。</translation>
    </message>
    <message>
        <source>The session is already initialized.</source>
        <translation>セッションはすでに初期化されています。</translation>
    </message>
    <message>
        <source>initialize needs a protocolVersion.</source>
        <translation>initialize には protocolVersion が必要です。</translation>
    </message>
    <message>
        <source>The session is not initialized yet.</source>
        <translation>セッションはまだ初期化されていません。</translation>
    </message>
    <message>
        <source>Unknown method &quot;%1&quot;.</source>
        <translation>不明なメソッド &quot;%1&quot; です。</translation>
    </message>
    <message>
        <source>Tools run in a hardened container without network access; files live in /workspace. Calls share the conversation &quot;%1&quot; unless they name another in the conversation argument.</source>
        <translation>ツールはネットワークに接続できない堅牢化されたコンテナで動作し、ファイルは /workspace に置かれます。conversation 引数で別の会話を指定しない限り、呼び出しは会話 &quot;%1&quot; を共有します。</translation>
    </message>
    <message>
        <source>tools/call needs the name of a tool.</source>
        <translation>tools/call にはツール名が必要です。</translation>
    </message>
    <message>
        <source>The arguments of tools/call must be an object.</source>
        <translation>tools/call の arguments はオブジェクトでなければなりません。</translation>
    </message>
    <message>
        <source>A request with this ID is still in flight.</source>
        <translation>この ID のリクエストはまだ実行中です。</translation>
    </message>
    <message>
        <source>The conversation argument must be a string.</source>
        <translation>conversation 引数は文字列でなければなりません。</translation>
    </message>
</context>
<context>
    <name>hako::host::McpToolCall</name>
    <message>
        <source>Running for %1 s.</source>
        <translation>実行中 (%1 秒経過)。</translation>
    </message>
    <message>
        <source>Waiting for the sandbox to start (%1 s); the call&apos;s timeout has not begun.</source>
        <translation>サンドボックスの起動を待っています (%1 秒経過)。呼び出しのタイムアウトはまだ始まっていません。</translation>
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
<context>
    <name>hako::host::mcp</name>
    <message>
        <source>[timed out: the command was killed]</source>
        <translation>[タイムアウト: コマンドを強制終了しました]</translation>
    </message>
    <message>
        <source>[out of memory: the command was killed]</source>
        <translation>[メモリ不足: コマンドを強制終了しました]</translation>
    </message>
    <message>
        <source>[exit code %1]</source>
        <translation>[終了コード %1]</translation>
    </message>
    <message>
        <source>[stderr]</source>
        <translation>[標準エラー出力]</translation>
    </message>
    <message>
        <source>Conversation whose sandbox runs the call; defaults to this session&apos;s.</source>
        <translation>呼び出しを実行するサンドボックスの会話。省略時はこのセッションの会話です。</translation>
    </message>
</context>
<context>
    <name>hako::host::verify</name>
    <message>
        <source>Every probe ran to its verdict</source>
        <translation>すべてのプローブが判定まで実行された</translation>
    </message>
    <message>
        <source>hako-host verify: starting three throwaway conversations...
</source>
        <translation>hako-host verify: 使い捨ての会話を3つ開始しています...
</translation>
    </message>
    <message>
        <source>The container runs on the configured runtime&apos;s kernel</source>
        <translation>コンテナが設定どおりのランタイムのカーネルで動いている</translation>
    </message>
    <message>
        <source>Network mode none, no published port</source>
        <translation>ネットワークモード none、公開ポートなし</translation>
    </message>
    <message>
        <source>Read-only root filesystem in the container configuration</source>
        <translation>コンテナ設定で読み取り専用ルートファイルシステム</translation>
    </message>
    <message>
        <source>Process limit in the container configuration</source>
        <translation>コンテナ設定のプロセス数制限</translation>
    </message>
    <message>
        <source>Memory limit without extra swap</source>
        <translation>スワップ上乗せなしのメモリ制限</translation>
    </message>
    <message>
        <source>CPU quota</source>
        <translation>CPUクォータ</translation>
    </message>
    <message>
        <source>/tmp is a size-limited tmpfs with noexec, nosuid, nodev</source>
        <translation>/tmp はサイズ制限付き tmpfs(noexec、nosuid、nodev)</translation>
    </message>
    <message>
        <source>All capabilities dropped, not privileged, no devices</source>
        <translation>全ケーパビリティ削除、特権なし、デバイスなし</translation>
    </message>
    <message>
        <source>no-new-privileges in the container configuration</source>
        <translation>コンテナ設定に no-new-privileges</translation>
    </message>
    <message>
        <source>The container&apos;s seccomp profile is Hako&apos;s whitelist</source>
        <translation>コンテナの seccomp プロファイルが Hako のホワイトリストである</translation>
    </message>
    <message>
        <source>The container user is 1000:1000</source>
        <translation>コンテナのユーザーが 1000:1000</translation>
    </message>
    <message>
        <source>Only the conversation&apos;s workspace, its sockets and the agent are mounted</source>
        <translation>会話自身のワークスペース、ソケット、エージェントのみがマウントされている</translation>
    </message>
    <message>
        <source>No credential in the container&apos;s environment</source>
        <translation>コンテナの環境変数に認証情報がない</translation>
    </message>
    <message>
        <source>Own PID, IPC and UTS namespaces; the configured runtime</source>
        <translation>独自の PID・IPC・UTS 名前空間、設定どおりのランタイム</translation>
    </message>
    <message>
        <source>Managed-container labels for GC and adoption</source>
        <translation>GC と引き継ぎのための管理ラベル</translation>
    </message>
    <message>
        <source>The sandbox&apos;s first process is filtered on the host</source>
        <translation>サンドボックスの最初のプロセスがホスト上でフィルタされている</translation>
    </message>
    <message>
        <source>Workspace and socket directories: one per conversation; the workspace and the agent&apos;s 0700 and the container user&apos;s, the socket directory around it 0755 and the host&apos;s</source>
        <translation>ワークスペースとソケットのディレクトリ: 会話ごとに1つ。ワークスペースとエージェント用は 0700 でコンテナユーザーの所有、それを囲むソケットディレクトリは 0755 でホストの所有</translation>
    </message>
    <message>
        <source>userns-remap maps the container&apos;s users away from the host&apos;s</source>
        <translation>userns-remap がコンテナのユーザーをホストのユーザーから切り離している</translation>
    </message>
    <message>
        <source>Writing to the root filesystem fails: read-only</source>
        <translation>ルートファイルシステムへの書き込みが失敗する(読み取り専用)</translation>
    </message>
    <message>
        <source>No writable directory on the root filesystem</source>
        <translation>ルートファイルシステムに書き込み可能なディレクトリがない</translation>
    </message>
    <message>
        <source>Programs copied to /tmp or /dev/shm do not run</source>
        <translation>/tmp や /dev/shm にコピーしたプログラムは実行できない</translation>
    </message>
    <message>
        <source>/tmp cannot grow past its size</source>
        <translation>/tmp はサイズを超えて増やせない</translation>
    </message>
    <message>
        <source>Loopback only, no route</source>
        <translation>ループバックのみ、経路なし</translation>
    </message>
    <message>
        <source>No TCP over IPv4</source>
        <translation>IPv4 の TCP 通信不可</translation>
    </message>
    <message>
        <source>No UDP over IPv4</source>
        <translation>IPv4 の UDP 通信不可</translation>
    </message>
    <message>
        <source>No IPv6</source>
        <translation>IPv6 通信不可</translation>
    </message>
    <message>
        <source>No raw or packet sockets</source>
        <translation>raw ソケット・パケットソケット不可</translation>
    </message>
    <message>
        <source>No netlink sockets</source>
        <translation>netlink ソケット不可</translation>
    </message>
    <message>
        <source>No other address family (vsock, AF_ALG, Bluetooth, ...)</source>
        <translation>その他のアドレスファミリー不可(vsock、AF_ALG、Bluetooth など)</translation>
    </message>
    <message>
        <source>DNS does not resolve</source>
        <translation>DNS で名前解決できない</translation>
    </message>
    <message>
        <source>curl, bash /dev/tcp and urllib get no connection</source>
        <translation>curl、bash の /dev/tcp、urllib のいずれも接続できない</translation>
    </message>
    <message>
        <source>Only the agent and proxy sockets; no docker.sock</source>
        <translation>エージェントとプロキシのソケットのみ、docker.sock なし</translation>
    </message>
    <message>
        <source>The metadata address cannot be reached directly</source>
        <translation>メタデータアドレスへ直接到達できない</translation>
    </message>
    <message>
        <source>The proxy refuses the metadata address in every spelling</source>
        <translation>プロキシがあらゆる表記のメタデータアドレスを拒否する</translation>
    </message>
    <message>
        <source>The proxy forwards to allowlisted hosts only</source>
        <translation>プロキシはホワイトリストのホストにのみ転送する</translation>
    </message>
    <message>
        <source>The client&apos;s own credentials are not passed through</source>
        <translation>クライアント自身の認証情報は素通しされない</translation>
    </message>
    <message>
        <source>No credential in the tool&apos;s environment</source>
        <translation>ツールの環境変数に認証情報がない</translation>
    </message>
    <message>
        <source>No credential in any process&apos;s environment or command line</source>
        <translation>どのプロセスの環境変数・コマンドラインにも認証情報がない</translation>
    </message>
    <message>
        <source>No credential file, no key in readable files</source>
        <translation>認証情報ファイルがなく、読めるファイルにキーもない</translation>
    </message>
    <message>
        <source>Tools run as UID 1000 with no extra group</source>
        <translation>ツールは追加グループなしの UID 1000 で動く</translation>
    </message>
    <message>
        <source>No capability, not even in the bounding set</source>
        <translation>ケーパビリティなし(バウンディングセットも空)</translation>
    </message>
    <message>
        <source>no_new_privs is set on tools</source>
        <translation>ツールに no_new_privs が設定されている</translation>
    </message>
    <message>
        <source>No setuid or setgid program</source>
        <translation>setuid・setgid プログラムがない</translation>
    </message>
    <message>
        <source>/proc/sys and sysrq refuse writes</source>
        <translation>/proc/sys と sysrq が書き込みを拒否する</translation>
    </message>
    <message>
        <source>/sys refuses writes</source>
        <translation>/sys が書き込みを拒否する</translation>
    </message>
    <message>
        <source>core_pattern cannot be used: no core dumps, not writable</source>
        <translation>core_pattern を悪用できない(コアダンプなし、書き込み不可)</translation>
    </message>
    <message>
        <source>The cgroup release_agent escape is closed</source>
        <translation>cgroup の release_agent による脱出経路が閉じている</translation>
    </message>
    <message>
        <source>No dangerous device nodes; mknod refused</source>
        <translation>危険なデバイスノードなし、mknod は拒否</translation>
    </message>
    <message>
        <source>mount, umount2 and the new mount API refused</source>
        <translation>mount、umount2、新しいマウント API が拒否される</translation>
    </message>
    <message>
        <source>reboot refused</source>
        <translation>reboot が拒否される</translation>
    </message>
    <message>
        <source>kexec_load refused</source>
        <translation>kexec_load が拒否される</translation>
    </message>
    <message>
        <source>ptrace and process_vm_readv cannot reach the agent</source>
        <translation>ptrace と process_vm_readv でエージェントに届かない</translation>
    </message>
    <message>
        <source>init_module, finit_module and delete_module refused</source>
        <translation>init_module、finit_module、delete_module が拒否される</translation>
    </message>
    <message>
        <source>pivot_root and chroot refused</source>
        <translation>pivot_root と chroot が拒否される</translation>
    </message>
    <message>
        <source>unshare, setns and namespace clones refused</source>
        <translation>unshare、setns、名前空間を作る clone が拒否される</translation>
    </message>
    <message>
        <source>io_uring refused</source>
        <translation>io_uring が拒否される</translation>
    </message>
    <message>
        <source>bpf, perf_event_open and userfaultfd refused</source>
        <translation>bpf、perf_event_open、userfaultfd が拒否される</translation>
    </message>
    <message>
        <source>Kernel keyring calls refused</source>
        <translation>カーネルキーリングの呼び出しが拒否される</translation>
    </message>
    <message>
        <source>open_by_handle_at and name_to_handle_at refused</source>
        <translation>open_by_handle_at と name_to_handle_at が拒否される</translation>
    </message>
    <message>
        <source>Host administration calls refused (acct, swapon, clock, syslog, ioperm, ...)</source>
        <translation>ホスト管理用の呼び出しが拒否される(acct、swapon、時計、syslog、ioperm など)</translation>
    </message>
    <message>
        <source>Nothing of the neighbour conversation is visible</source>
        <translation>隣の会話のものは何も見えない</translation>
    </message>
    <message>
        <source>The file tools refuse &apos;..&apos;, absolute and host paths</source>
        <translation>ファイルツールが「..」、絶対パス、ホストのパスを拒否する</translation>
    </message>
    <message>
        <source>The file tools refuse paths through planted symbolic links</source>
        <translation>ファイルツールが仕込まれたシンボリックリンク経由のパスを拒否する</translation>
    </message>
    <message>
        <source>pip cannot install into the image</source>
        <translation>pip でイメージ内にインストールできない</translation>
    </message>
    <message>
        <source>pip install --user stays in the conversation</source>
        <translation>pip install --user は会話の中にとどまる</translation>
    </message>
    <message>
        <source>The limits as the container sees them</source>
        <translation>コンテナ内から見た制限</translation>
    </message>
    <message>
        <source>A memory bomb is killed at the limit</source>
        <translation>メモリ爆弾は制限で強制終了される</translation>
    </message>
    <message>
        <source>A fork bomb stops at the process limit</source>
        <translation>fork 爆弾はプロセス数制限で止まる</translation>
    </message>
    <message>
        <source>A tool cannot stop the agent for good</source>
        <translation>ツールはエージェントを恒久的には止められない</translation>
    </message>
    <message>
        <source>rm -rf / harms neither the image nor the host</source>
        <translation>rm -rf / はイメージもホストも壊さない</translation>
    </message>
    <message>
        <source>The other conversations are unharmed</source>
        <translation>他の会話は無傷</translation>
    </message>
    <message>
        <source>No probe changed the container&apos;s image layer</source>
        <translation>どのプローブもコンテナのイメージレイヤーを変更していない</translation>
    </message>
    <message>
        <source>The health check reports the container system</source>
        <translation>ヘルスチェックがコンテナシステムの状態を報告する</translation>
    </message>
    <message>
        <source>Security events reach the Prometheus metrics</source>
        <translation>セキュリティイベントが Prometheus メトリクスに記録される</translation>
    </message>
    <message>
        <source>Alert rules cover seccomp violations</source>
        <translation>アラートルールが seccomp 違反を扱っている</translation>
    </message>
    <message>
        <source>GC removes containers past their TTL</source>
        <translation>GC が TTL 超過のコンテナを破棄する</translation>
    </message>
    <message>
        <source>Shutdown removes every container</source>
        <translation>シャットダウンで全コンテナが破棄される</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>OFF</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>Threat model and countermeasure matrix</source>
        <translation>脅威モデルと対策マトリクス</translation>
    </message>
    <message>
        <source>Security layers</source>
        <translation>セキュリティレイヤー確認</translation>
    </message>
    <message>
        <source>Verification checklist: Phase 1</source>
        <translation>検証チェックリスト: Phase 1</translation>
    </message>
    <message>
        <source>Verification checklist: Phase 2</source>
        <translation>検証チェックリスト: Phase 2</translation>
    </message>
    <message>
        <source>Runtime %1, image %2, %3; %4 probes in %5 s.
Result: %6 (%7 rows pass, %8 fail, %9 off).</source>
        <translation>ランタイム %1、イメージ %2、%3。プローブ %4 件、%5 秒。
結果: %6(合格 %7 行、不合格 %8 行、無効 %9 行)。</translation>
    </message>
    <message>
        <source>Under gVisor this call is served by gVisor&apos;s own kernel inside the sandbox; the host kernel never sees it.</source>
        <translation>gVisor ではこの呼び出しはサンドボックス内の gVisor 自身のカーネルが処理し、ホストのカーネルには届きません。</translation>
    </message>
    <message>
        <source>Gap: under gVisor, Hako&apos;s seccomp profile is not in force, because runsc is registered without --oci-seccomp. gVisor&apos;s network stack has only the loopback, so nothing gets out; add --oci-seccomp to the runsc runtimeArgs in daemon.json to enforce the profile as well.</source>
        <translation>不足点: runsc が --oci-seccomp なしで登録されているため、gVisor では Hako の seccomp プロファイルが適用されていません。gVisor のネットワークスタックにはループバックしかないため外部には出られませんが、プロファイルも適用するには daemon.json の runsc の runtimeArgs に --oci-seccomp を加えてください。</translation>
    </message>
    <message>
        <source>Under gVisor the cgroup files are not visible inside; the limits are checked from outside and by the probes that run into them.</source>
        <translation>gVisor ではコンテナ内から cgroup のファイルが見えないため、制限は外部からの確認と、実際に制限に突き当たるプローブで確認しています。</translation>
    </message>
    <message>
        <source>Under gVisor the process limit is RLIMIT_NPROC inside the sandbox, and the host pids bound only stops the Sentry. Gap: the Sentry keeps host tasks after tasks exit, so a sandbox that hits its limit many times is ended by the host bound (docs/process-limits.md).</source>
        <translation>gVisor ではプロセス数制限はサンドボックス内の RLIMIT_NPROC で、ホストの pids 上限は Sentry を止めるためだけのものです。不足点: Sentry はタスク終了後もホストのタスクを保持するため、何度も制限に達したサンドボックスはホスト側の上限で終了します(docs/process-limits.md)。</translation>
    </message>
    <message>
        <source>Under gVisor the memory limit ends the whole sandbox, not only the tool; the conversation&apos;s next call gets a new container with the same workspace.</source>
        <translation>gVisor ではメモリ制限によりツールだけでなくサンドボックス全体が終了します。会話の次の呼び出しでは同じワークスペースを持つ新しいコンテナが使われます。</translation>
    </message>
    <message>
        <source>Under gVisor the host-side filter is gVisor&apos;s own filter on the Sentry, not Hako&apos;s profile.</source>
        <translation>gVisor ではホスト側のフィルタは Hako のプロファイルではなく、Sentry に対する gVisor 自身のフィルタです。</translation>
    </message>
    <message>
        <source>Gap: gVisor lets a tool kill the agent, its PID 1, which ends the sandbox (Linux ignores such signals to a namespace&apos;s init). Only the conversation&apos;s own sandbox is lost; its next call gets a new one with the same workspace.</source>
        <translation>不足点: gVisor ではツールが PID 1 のエージェントを終了させることができ、サンドボックスが終了します(Linux は名前空間の init へのこうしたシグナルを無視します)。失われるのはその会話自身のサンドボックスだけで、次の呼び出しでは同じワークスペースの新しいサンドボックスが使われます。</translation>
    </message>
    <message>
        <source>Gap: under gVisor the agent&apos;s environment is readable by tools although the agent is not dumpable; it holds no secret.</source>
        <translation>不足点: gVisor ではエージェントがダンプ不可でもその環境変数をツールが読めます。秘密情報は含まれていません。</translation>
    </message>
    <message>
        <source>The proxy holds credentials and forwarded the request re-signed; that the client&apos;s own headers were dropped shows only in the proxy&apos;s security events.</source>
        <translation>プロキシは認証情報を保持しており、リクエストを署名し直して転送しました。クライアント自身のヘッダーが削除されたことはプロキシのセキュリティイベントでのみ確認できます。</translation>
    </message>
    <message>
        <source>userns-remap is not enabled on this docker engine (optional; policies/docker/daemon-userns.json enables it).</source>
        <translation>この Docker エンジンでは userns-remap が有効ではありません(任意。policies/docker/daemon-userns.json で有効になります)。</translation>
    </message>
    <message>
        <source>Hako security verification</source>
        <translation>Hako セキュリティ検証</translation>
    </message>
    <message>
        <source>Runtime notes</source>
        <translation>ランタイムに関する注記</translation>
    </message>
    <message>
        <source>Probes</source>
        <translation>プローブ</translation>
    </message>
    <message>
        <source>Security verification report</source>
        <translation>セキュリティ検証レポート</translation>
    </message>
    <message>
        <source>Measured by `hako-host verify --format markdown` on a live deployment.</source>
        <translation>稼働中の環境で `hako-host verify --format markdown` により計測。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Countermeasure</source>
        <translation>対策</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Probes and evidence</source>
        <translation>プローブと証跡</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>対象行</translation>
    </message>
    <message>
        <source>rm -rf / destroying the host</source>
        <translation>`rm -rf /` によるホスト破壊</translation>
    </message>
    <message>
        <source>--network none, read-only rootfs, container isolation</source>
        <translation>`--network none`, read-only rootfs, コンテナ隔離</translation>
    </message>
    <message>
        <source>Fork bomb / resource exhaustion</source>
        <translation>Fork bomb / リソース枯渇</translation>
    </message>
    <message>
        <source>PID limit (100), CPU limit (200000), memory limit (2 GB)</source>
        <translation>PID制限(100), CPU制限(200000), メモリ制限(2GB)</translation>
    </message>
    <message>
        <source>Cross-tenant file access</source>
        <translation>テナント間ファイルアクセス</translation>
    </message>
    <message>
        <source>One container per conversation, separate /workspace mounts</source>
        <translation>会話ごと独立コンテナ、`/workspace`マウント分離</translation>
    </message>
    <message>
        <source>Environment pollution by pip install</source>
        <translation>pip install による環境汚染</translation>
    </message>
    <message>
        <source>Isolated container, writes on tmpfs</source>
        <translation>隔離コンテナ、tmpfs上の書き込み</translation>
    </message>
    <message>
        <source>Arbitrary outbound communication</source>
        <translation>任意の外部通信</translation>
    </message>
    <message>
        <source>--network none, communication only through the proxy</source>
        <translation>`--network none`, Proxy経由のみ通信可能</translation>
    </message>
    <message>
        <source>AWS credential leak</source>
        <translation>AWS認証情報漏洩</translation>
    </message>
    <message>
        <source>No credentials in the environment, SigV4 injected by the proxy</source>
        <translation>環境変数に認証情報なし、Proxy SigV4注入</translation>
    </message>
    <message>
        <source>Metadata service (169.254.169.254) access</source>
        <translation>メタデータサービス（169.254.169.254）アクセス</translation>
    </message>
    <message>
        <source>Cut off completely by --network none</source>
        <translation>`--network none` で完全遮断</translation>
    </message>
    <message>
        <source>Container escape</source>
        <translation>コンテナエスケープ</translation>
    </message>
    <message>
        <source>seccomp, no-new-privileges, read-only rootfs</source>
        <translation>seccomp, no-new-privileges, read-only rootfs</translation>
    </message>
    <message>
        <source>Layer 1: network isolation</source>
        <translation>Layer 1: ネットワーク隔離</translation>
    </message>
    <message>
        <source>NetworkMode none; Unix domain sockets only (agent.sock, proxy.sock)</source>
        <translation>NetworkMode &quot;none&quot;、通信手段は Unix Domain Socket のみ（agent.sock, proxy.sock）</translation>
    </message>
    <message>
        <source>Layer 2: resource limits</source>
        <translation>Layer 2: リソース制限</translation>
    </message>
    <message>
        <source>CPU quota 200000, memory 2 GB, PIDs 100, size-limited tmpfs</source>
        <translation>CpuQuota 200000（2コア相当）、メモリ 2GB、PidsLimit 100、tmpfs上のサイズ制限</translation>
    </message>
    <message>
        <source>Layer 2 (Phase 2): custom seccomp profile</source>
        <translation>Layer 2 (Phase 2): カスタムseccomp プロファイル</translation>
    </message>
    <message>
        <source>Whitelist (SCMP_ACT_ERRNO default); mount, umount2, reboot, kexec_load, ptrace, init_module, pivot_root and socket(AF_INET/AF_INET6) blocked</source>
        <translation>ホワイトリスト方式（SCMP_ACT_ERRNO デフォルト）、mount, umount2, reboot, kexec_load, ptrace, init_module, pivot_root, socket(AF_INET/AF_INET6) を明示ブロック</translation>
    </message>
    <message>
        <source>Layer 3: filesystem protection</source>
        <translation>Layer 3: ファイルシステム保護</translation>
    </message>
    <message>
        <source>Read-only rootfs; writable only /workspace (bind mount) and /tmp (tmpfs, noexec)</source>
        <translation>Read-only rootfs、書き込み可能領域は /workspace（bind mount）と /tmp（tmpfs, noexec）のみ</translation>
    </message>
    <message>
        <source>Layer 4: credential protection</source>
        <translation>Layer 4: 認証情報保護</translation>
    </message>
    <message>
        <source>No credentials in the environment; the SigV4 proxy injects them for Bedrock only; domain allowlist</source>
        <translation>環境変数への認証情報なし、SigV4 Proxy が Bedrock API リクエストにのみ注入、ドメインホワイトリスト</translation>
    </message>
    <message>
        <source>Layer 5: process security</source>
        <translation>Layer 5: プロセスセキュリティ</translation>
    </message>
    <message>
        <source>no-new-privileges, seccomp, non-root user (UID 1000)</source>
        <translation>no-new-privileges、seccomp、非rootユーザー（UID 1000）</translation>
    </message>
    <message>
        <source>Layer 6: container lifecycle management</source>
        <translation>Layer 6: コンテナライフサイクル管理</translation>
    </message>
    <message>
        <source>Idle TTL 60 min, absolute TTL 8 h, GC every 60 s, all containers destroyed at shutdown</source>
        <translation>非アクティブTTL 60分、絶対TTL 8時間、GC 60秒間隔、グレースフルシャットダウンで全コンテナ破棄</translation>
    </message>
    <message>
        <source>Layer 7 (Phase 2): userns-remap</source>
        <translation>Layer 7 (Phase 2): userns-remap</translation>
    </message>
    <message>
        <source>UID 0 in the container maps to an unprivileged host UID (100000+)</source>
        <translation>コンテナ内root (UID 0) → ホスト上の非特権ユーザー (UID 100000+)</translation>
    </message>
    <message>
        <source>AWS credentials are removed from environment variables</source>
        <translation>AWS認証情報が環境変数から除去されていること</translation>
    </message>
    <message>
        <source>Containers start with --network none</source>
        <translation>コンテナが `--network none` で起動されること</translation>
    </message>
    <message>
        <source>PID, CPU and memory limits are set</source>
        <translation>PID/CPU/メモリ制限が設定されていること</translation>
    </message>
    <message>
        <source>The read-only rootfs is enabled</source>
        <translation>Read-only rootfsが有効であること</translation>
    </message>
    <message>
        <source>The tmpfs has the noexec flag</source>
        <translation>tmpfsにnoexecフラグが設定されていること</translation>
    </message>
    <message>
        <source>The credential proxy applies the domain allowlist</source>
        <translation>CredentialInjectionProxyがドメインホワイトリストを適用すること</translation>
    </message>
    <message>
        <source>SigV4 signing happens only in the proxy</source>
        <translation>SigV4署名がProxy側でのみ実行されること</translation>
    </message>
    <message>
        <source>GC destroys containers past their TTL</source>
        <translation>GCがTTL超過コンテナを適切に破棄すること</translation>
    </message>
    <message>
        <source>Graceful shutdown destroys every container</source>
        <translation>グレースフルシャットダウンで全コンテナが破棄されること</translation>
    </message>
    <message>
        <source>The health check includes the container system&apos;s state</source>
        <translation>ヘルスチェックにコンテナシステム状態が含まれること</translation>
    </message>
    <message>
        <source>A custom seccomp profile exists</source>
        <translation>カスタムseccompプロファイルが作成されていること</translation>
    </message>
    <message>
        <source>The seccomp profile path is reflected in the container configuration</source>
        <translation>seccompプロファイルパスがコンテナ設定に反映されること</translation>
    </message>
    <message>
        <source>userns-remap is configured</source>
        <translation>userns-remap設定ファイルが作成されていること</translation>
    </message>
    <message>
        <source>Socket directory permissions fit the container user (userns-remap aware)</source>
        <translation>userns-remap有効時にソケットディレクトリ権限が調整されること</translation>
    </message>
    <message>
        <source>Prometheus metrics record security events</source>
        <translation>Prometheusメトリクスでセキュリティ関連イベントが記録されること</translation>
    </message>
    <message>
        <source>The seccomp violation metric (workspace_seccomp_violations_total) is defined</source>
        <translation>seccomp違反メトリクス (`workspace_seccomp_violations_total`) が定義されていること</translation>
    </message>
    <message>
        <source>Alert rules include security rules</source>
        <translation>監視アラートにセキュリティ関連ルールが含まれること</translation>
    </message>
    <message>
        <source>Integration checks run against the live system</source>
        <translation>統合テストが稼働中のシステムに対して実行されること</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory: %1</source>
        <translation>一時ディレクトリを作成できません: %1</translation>
    </message>
    <message>
        <source>The conversation could not start: %1</source>
        <translation>会話を開始できませんでした: %1</translation>
    </message>
    <message>
        <source>Gap: under gVisor the agent&apos;s seccomp layer refuses the denied calls but cannot count them (gVisor has no seccomp user notification), so workspace_seccomp_violations_total stays at zero.</source>
        <translation>不足点: gVisor ではエージェントの seccomp レイヤーが拒否対象の呼び出しを拒否しますが、gVisor に seccomp のユーザー通知がないため数えられず、workspace_seccomp_violations_total は 0 のままです。</translation>
    </message>
    <message>
        <source>Gap: this gVisor refuses statx and newfstatat with AT_NO_AUTOMOUNT (EINVAL), so GNU ls and stat fail with &quot;Invalid argument&quot; inside; find, cp, Python and Node work (docs/seccomp-syscall-analysis.md).</source>
        <translation>ギャップ: この gVisor は AT_NO_AUTOMOUNT 付きの statx と newfstatat を拒否する（EINVAL）ため、内部で GNU ls と stat が「Invalid argument」で失敗します。find、cp、Python、Node は動作します（docs/seccomp-syscall-analysis.md）。</translation>
    </message>
    <message>
        <source>The sandbox attacks the host side</source>
        <translation>サンドボックスによるホスト側への攻撃</translation>
    </message>
    <message>
        <source>The host&apos;s socket directory read-only inside, the agent&apos;s own a small tmpfs; the agent proves its key (HMAC over the host&apos;s challenge) and, under runc, that it is the container&apos;s PID 1; an impostor&apos;s container is replaced</source>
        <translation>ホストのソケットディレクトリはコンテナ内で読み取り専用、エージェント専用のディレクトリは小さな tmpfs。エージェントは鍵を証明し(ホストのチャレンジに対する HMAC)、runc ではコンテナの PID 1 であることも示す。なりすましのあったコンテナは置き換えられる</translation>
    </message>
    <message>
        <source>Verification checklist: the sandbox against the host side (T-9)</source>
        <translation>検証チェックリスト: サンドボックス対ホスト側 (T-9)</translation>
    </message>
    <message>
        <source>The host&apos;s socket directory is read-only inside; only the agent&apos;s directory, a small file system of its own, is writable</source>
        <translation>ホストのソケットディレクトリはコンテナ内で読み取り専用であり、書き込めるのはエージェント専用の小さな独立したファイルシステムだけである</translation>
    </message>
    <message>
        <source>The agent&apos;s key is out of reach of tools</source>
        <translation>エージェントの鍵にツールから手が届かない</translation>
    </message>
    <message>
        <source>A fake agent bound at agent.sock is refused as an impostor, and its container replaced</source>
        <translation>agent.sock にバインドされた偽エージェントはなりすましとして拒否され、そのコンテナは置き換えられる</translation>
    </message>
    <message>
        <source>A link planted at agent.sock to another conversation&apos;s agent is refused</source>
        <translation>agent.sock に仕掛けられた、別の会話のエージェントへのリンクは拒否される</translation>
    </message>
    <message>
        <source>The socket directory is mounted read-only, only its agent/ read-write</source>
        <translation>ソケットディレクトリは読み取り専用でマウントされ、agent/ だけが読み書き可能</translation>
    </message>
    <message>
        <source>The socket directory holds only proxy.sock and the agent.sock link; agent/ is a small tmpfs</source>
        <translation>ソケットディレクトリには proxy.sock と agent.sock リンクしかなく、agent/ は小さな tmpfs</translation>
    </message>
    <message>
        <source>Nothing in /var/run/hako can be changed; /var/run/hako/agent fills up at once</source>
        <translation>/var/run/hako の中は何も変更できず、/var/run/hako/agent はすぐに満杯になる</translation>
    </message>
    <message>
        <source>The agent&apos;s key is in no environment, file or memory a tool can read</source>
        <translation>エージェントの鍵は、ツールが読める環境変数・ファイル・メモリのどこにもない</translation>
    </message>
    <message>
        <source>A fake agent left running at agent.sock is refused, and its container replaced</source>
        <translation>agent.sock で動き続ける偽エージェントは拒否され、そのコンテナは置き換えられる</translation>
    </message>
    <message>
        <source>agent.sock linked to the neighbour&apos;s agent is refused; nothing runs next door</source>
        <translation>隣の会話のエージェントにリンクされた agent.sock は拒否され、隣では何も実行されない</translation>
    </message>
    <message>
        <source>The host does not run as root, so the agent&apos;s socket directory is a plain directory on the host&apos;s runtime file system rather than a small tmpfs of its own.</source>
        <translation>ホストが root で動いていないため、エージェントのソケットディレクトリは専用の小さな tmpfs ではなく、ホストのランタイムファイルシステム上の通常のディレクトリである。</translation>
    </message>
    <message>
        <source>Under gVisor some changes in the read-only socket directory (creating a file, unlink, chmod) are refused by the permission check (EACCES, EPERM) before the read-only check (EROFS); the others get EROFS, and docker mounts the directory read-only.</source>
        <translation>gVisor では、読み取り専用のソケットディレクトリ内の一部の変更(ファイルの作成、unlink、chmod)は、読み取り専用のチェック(EROFS)より先に権限チェック(EACCES、EPERM)で拒否される。それ以外には EROFS が返り、docker はこのディレクトリを読み取り専用でマウントしている。</translation>
    </message>
    <message>
        <source>hako-host verify: the report is not signed, the audit key %1 cannot be used: %2</source>
        <translation>hako-host verify: 監査鍵 %1 を使用できないため、レポートは署名されていません: %2</translation>
    </message>
    <message>
        <source>hako-host: cannot read the report %1: %2</source>
        <translation>hako-host: レポート %1 を読めません: %2</translation>
    </message>
    <message>
        <source>hako-host: %1 is not a verify report in JSON (%2).</source>
        <translation>hako-host: %1 は JSON 形式の verify レポートではありません（%2）。</translation>
    </message>
    <message>
        <source>hako-host: the key that checks the report cannot be used: %1</source>
        <translation>hako-host: レポートを検査する鍵を使用できません: %1</translation>
    </message>
    <message>
        <source>REFUSED: the report is not signed.</source>
        <translation>拒否: レポートに署名がありません。</translation>
    </message>
    <message>
        <source>REFUSED: the signature does not match the report: it was changed after signing, or signed by another key.</source>
        <translation>拒否: 署名がレポートと一致しません。署名後に変更されたか、別の鍵で署名されています。</translation>
    </message>
    <message>
        <source>Signature valid (key %1).</source>
        <translation>署名は有効です（鍵 %1）。</translation>
    </message>
    <message>
        <source>REFUSED: the report is bound to no facts of a host.</source>
        <translation>拒否: レポートはホストの事実に結び付けられていません。</translation>
    </message>
    <message>
        <source>DIFFERS %1: the report has &quot;%2&quot;, this host now &quot;%3&quot;.</source>
        <translation>相違 %1: レポートは &quot;%2&quot;、このホストの現在は &quot;%3&quot;。</translation>
    </message>
    <message>
        <source>MATCHES: every bound fact is the same on this host now, and the report passed.</source>
        <translation>一致: 結び付けられた事実はすべてこのホストの現在と同じで、レポートは合格しています。</translation>
    </message>
    <message>
        <source>MATCHES this host now, but the report records failed rows.</source>
        <translation>このホストの現在と一致しますが、レポートには不合格の行が記録されています。</translation>
    </message>
</context>
</TS>
