"""Interrupts a long NotebookKit training cell through Jupyter and reports what happened, as one JSON line.

    /usr/bin/python3 tests/jupyter/interrupt_training.py KERNEL_NAME NOTEBOOKS_DIR NOTEBOOKKIT_DLL WORK_DIR [FIRST_CELL]

Starts the kernel in NOTEBOOKS_DIR, runs FIRST_CELL (the FSharp.Core pin for .net-csharp) and a set-up cell
(TorchSharp-cpu, the library), then a cell whose EpochRunner loop would take ~1,000,000 steps; after 20 steps it calls
jupyter_client's interrupt_kernel (what Jupyter's Interrupt button does: a SIGINT, or an interrupt_request when the
kernelspec says interrupt_mode "message"). The cell writes WORK_DIR/stopped when its loop ends. Reports the reply's
status and error, milliseconds from the interrupt to the reply and to the loop's end, and the next cell's result.
"""
import json
import os
import sys
import time

from jupyter_client.manager import KernelManager


def main(kernel, notebooks, dll, work, first_cell=None):
    env = dict(os.environ, OMP_WAIT_POLICY="PASSIVE", PATH=os.environ["PATH"] + ":" + os.path.expanduser("~/.dotnet/tools"))
    km = KernelManager(kernel_name=kernel)
    km.start_kernel(env=env, cwd=notebooks)
    client = km.client()
    client.start_channels()
    report = {"interrupt_mode": km.kernel_spec.interrupt_mode}
    try:
        client.wait_for_ready(timeout=180)
        for code in ([first_cell] if first_cell else []) + [
                f'#r "nuget: TorchSharp-cpu, 0.107.0"\n#r "{dll}"\nusing TorchSharp;\nusing static TorchSharp.torch;\n'
                'using NotebookKit.Training;\ntorch.InitializeDeviceType(DeviceType.CPU);']:
            reply = client.execute_interactive(code, timeout=600, output_hook=lambda m: None)
            if reply["content"]["status"] != "ok":
                sys.exit(f"interrupt_training: set-up cell failed: {reply['content']}")
        started, stopped = os.path.join(work, "started"), os.path.join(work, "stopped")
        msg_id = client.execute(f'''
var net = nn.Linear(256, 256);
var opt = optim.SGD(net.parameters(), 0.001);
int steps = 0;
var batches = Enumerable.Range(0, 1_000_000).Select(_ => (torch.randn(64, 256), torch.randn(64, 256)));
try
{{
    EpochRunner.Run(batches, (X, y) =>
    {{
        opt.zero_grad();
        var loss = nn.functional.mse_loss(net.forward(X), y);
        loss.backward();
        opt.step();
        if (++steps == 20) System.IO.File.WriteAllText(@"{started}", "");
        return new Dictionary<string, double> {{ ["loss"] = loss.item<float>() }};
    }});
}}
finally {{ System.IO.File.WriteAllText(@"{stopped}", steps.ToString()); }}
''')
        deadline = time.monotonic() + 300
        while not os.path.exists(started) and time.monotonic() < deadline:
            time.sleep(0.01)
        if not os.path.exists(started):
            sys.exit("interrupt_training: the training cell made no 20 steps in 300 s")
        interrupted = time.monotonic()
        km.interrupt_kernel()
        try:
            while True:
                reply = client.get_shell_msg(timeout=60)
                if reply["parent_header"].get("msg_id") == msg_id:
                    break
            report.update(reply_ms=round((time.monotonic() - interrupted) * 1000), status=reply["content"]["status"],
                          ename=reply["content"].get("ename"), evalue=reply["content"].get("evalue"))
        except Exception:
            report.update(reply_ms=None, status="no reply within 60 s")
        while not os.path.exists(stopped) and time.monotonic() - interrupted < 30:
            time.sleep(0.005)
        report["stopped_ms"] = round((time.monotonic() - interrupted) * 1000) if os.path.exists(stopped) else None
        report["alive"] = km.is_alive()
        if report["status"] != "no reply within 60 s":
            out = []
            reply = client.execute_interactive("Console.WriteLine(1 + 2);", timeout=120,
                                               output_hook=lambda m: m["msg_type"] == "stream" and out.append(m["content"]["text"]))
            report.update(next_status=reply["content"]["status"], next_stdout="".join(out).strip())
    finally:
        client.stop_channels()
        km.shutdown_kernel(now=True)
    print(json.dumps(report))


if __name__ == "__main__":
    main(*sys.argv[1:])
