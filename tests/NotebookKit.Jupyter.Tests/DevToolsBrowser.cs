using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookKit.Testing;

namespace NotebookKit.Jupyter.Tests;

/// <summary>
/// Debian's Chromium, headless, driven over the Chrome DevTools Protocol (a WebSocket from the BCL, no Playwright):
/// one page, JavaScript evaluated in it, and the page's console errors and uncaught exceptions collected so a failing
/// test can show them. Started with the flags this closed-network machine needs and a fresh profile; always killed.
/// </summary>
internal sealed class DevToolsBrowser : IDisposable
{
    private readonly Process process;
    private readonly string profile;
    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> pending = new();
    private readonly CancellationTokenSource closing = new();
    private readonly Task receiver;
    private readonly string sessionId;
    private int nextId;

    /// <summary>Page console errors and uncaught exceptions, in order.</summary>
    public ConcurrentQueue<string> PageErrors { get; } = new();

    public DevToolsBrowser(int width = 1200, int height = 900)
    {
        profile = Directory.CreateTempSubdirectory("nbk-cdp-").FullName;
        var psi = Chromium.StartInfo(profile, ["--remote-debugging-port=0", $"--window-size={width},{height}", "about:blank"]);
        process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {psi.FileName}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // Chromium writes the port it chose and the browser target's path into the profile folder.
            var portFile = Path.Combine(profile, "DevToolsActivePort");
            var until = DateTime.UtcNow.AddSeconds(60);
            string[] lines = [];
            while (lines.Length < 2)
            {
                if (process.HasExited) throw new InvalidOperationException($"Chromium exited with {process.ExitCode} before opening DevTools.");
                if (DateTime.UtcNow > until) throw new TimeoutException("Chromium did not open its DevTools port within 60 s.");
                Thread.Sleep(100);
                try { lines = File.Exists(portFile) ? File.ReadAllLines(portFile) : []; } catch (IOException) { }
            }
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), CancellationToken.None).Wait(30_000);
            receiver = Task.Run(ReceiveLoop);
            var target = Send("Target.createTarget", new JsonObject { ["url"] = "about:blank" });
            var attached = Send("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true });
            sessionId = attached["sessionId"]!.GetValue<string>();
            Send("Runtime.enable", session: sessionId);
            Send("Page.enable", session: sessionId);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Opens <paramref name="url"/> in the page (returns when the navigation is committed, not loaded).</summary>
    public void Navigate(string url)
    {
        var r = Send("Page.navigate", new JsonObject { ["url"] = url }, sessionId);
        if (r["errorText"] is { } e) throw new InvalidOperationException($"Navigating to {url} failed: {e}");
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page (awaiting a promise) and returns its JSON value.</summary>
    public JsonNode? Evaluate(string expression, TimeSpan? timeout = null)
    {
        var r = Send("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true, ["userGesture"] = true,
        }, sessionId, timeout);
        if (r["exceptionDetails"] is JsonObject ex)
            throw new InvalidOperationException($"JavaScript threw: {ex["exception"]?["description"] ?? ex["text"]}\n  in: {expression}");
        return r["result"]?["value"]?.DeepClone();
    }

    /// <summary>Polls <paramref name="condition"/> (a JavaScript boolean expression) until true; throws naming <paramref name="what"/> on timeout.</summary>
    public void WaitUntil(string condition, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            JsonNode? value = null;
            try { value = Evaluate($"(function () {{ try {{ return !!({condition}); }} catch (e) {{ return false; }} }})()"); }
            catch (InvalidOperationException) { } // the page is between documents
            if (value?.GetValue<bool>() == true) return;
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Waited {timeout.TotalSeconds:F0} s for {what}. Page errors:\n  " + string.Join("\n  ", PageErrors));
            Thread.Sleep(250);
        }
    }

    /// <summary>Saves a PNG screenshot of the page (for a failing test's artefacts).</summary>
    public void Screenshot(string path)
    {
        var r = Send("Page.captureScreenshot", new JsonObject { ["format"] = "png" }, sessionId);
        File.WriteAllBytes(path, Convert.FromBase64String(r["data"]!.GetValue<string>()));
    }

    private JsonObject Send(string method, JsonObject? parameters = null, string? session = null, TimeSpan? timeout = null)
    {
        int id = Interlocked.Increment(ref nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (session != null) message["sessionId"] = session;
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = reply;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        lock (socket) socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None).GetAwaiter().GetResult();
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        if (!reply.Task.Wait(limit))
        {
            pending.TryRemove(id, out _);
            throw new TimeoutException($"DevTools did not answer {method} within {limit.TotalSeconds:F0} s.");
        }
        var answer = reply.Task.Result;
        if (answer["error"] is JsonObject error) throw new InvalidOperationException($"DevTools {method} failed: {error["message"]}");
        return (JsonObject)(answer["result"] ?? new JsonObject());
    }

    private async Task ReceiveLoop()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open && !closing.IsCancellationRequested)
            {
                var r = await socket.ReceiveAsync(buffer, closing.Token);
                if (r.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage) continue;
                var node = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length)) as JsonObject;
                message.SetLength(0);
                if (node == null) continue;
                if (node["id"] is JsonValue idValue && pending.TryRemove(idValue.GetValue<int>(), out var tcs)) tcs.TrySetResult(node);
                else if (node["method"]?.GetValue<string>() is { } method) OnEvent(method, node["params"] as JsonObject);
            }
        }
        catch (OperationCanceledException) { }
        catch (WebSocketException) { }
        foreach (var p in pending.Values) p.TrySetException(new InvalidOperationException("The DevTools connection closed."));
    }

    private void OnEvent(string method, JsonObject? p)
    {
        if (method == "Runtime.exceptionThrown")
        {
            var details = p?["exceptionDetails"];
            PageErrors.Enqueue("uncaught: " + (details?["exception"]?["description"] ?? details?["text"]));
        }
        else if (method == "Runtime.consoleAPICalled" && p?["type"]?.GetValue<string>() == "error")
        {
            var args = p["args"] as JsonArray;
            var parts = args == null ? [] : args.Select(a => a?["value"]?.ToString() ?? a?["description"]?.ToString()).ToList();
            PageErrors.Enqueue("console.error: " + string.Join(" ", parts));
        }
    }

    public void Dispose()
    {
        closing.Cancel();
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        process.WaitForExit(10_000);
        process.Dispose();
        socket.Dispose();
        try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
