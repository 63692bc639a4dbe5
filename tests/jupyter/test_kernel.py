"""jupyter_kernel_test's conformance suite for NotebookKit's C# kernel, plus update_display_data and interrupt.

Run (the kernelspec must be installed, e.g. into a temporary JUPYTER_PATH; the xunit test
JupyterKernelConformanceTests does exactly this):
    /usr/bin/python3 -m unittest tests/jupyter/test_kernel.py
"""
import os
import time
import unittest

import jupyter_kernel_test as jkt

WARM_UP_TIMEOUT = 300  # the first cell JIT-compiles Roslyn and restores TorchSharp; on a loaded machine that takes a while
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# What every course notebook's first cell does: LibTorch, Plotly.NET's C# API, the library.
SETUP = "\n".join([
    '#r "nuget: TorchSharp-cpu, 0.107.0"',
    '#r "nuget: Plotly.NET.CSharp, 0.14.0"',
    '#r "%s"' % os.path.join(REPO, "lib/NotebookKit/bin/Release/net10.0/NotebookKit.dll"),
])
CHART = "Plotly.NET.CSharp.Chart.Line<double, double, string>(new double[] { 1, 2, 3 }, new double[] { 3, 1, 2 })"


class NotebookKitKernelTests(jkt.KernelTests):
    kernel_name = "csharp-notebookkit"
    language_name = "C#"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world")'
    code_stderr = 'Console.Error.WriteLine("oops");'

    completion_samples = [
        {"text": "Console.Wri", "matches": {"Write", "WriteLine"}},
        {"text": "Math.Ro", "matches": {"Round"}},
        {"text": '"abc".ToUpperI', "matches": {"ToUpperInvariant"}},
    ]

    complete_code_samples = ["var x = 1;", "1 + 2", "for (int i = 0; i < 3; i++) { }", ""]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "void F() {", "var s = @\"open"]
    invalid_code_samples = ["}", "int 1x = 3;"]

    code_generate_error = 'throw new InvalidOperationException("boom");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"hello"', "result": "hello"},
        {"code": CHART, "mime": "application/vnd.plotly.v1+json"},
    ]

    code_display_data = [
        {"code": 'display("shown");', "mime": "text/plain"},
        {"code": "display(%s);" % CHART, "mime": "application/vnd.plotly.v1+json"},
        {"code": "display(%s);" % CHART, "mime": "text/html"},
        {"code": "display(NotebookKit.Display.ImageGrid.From(TorchSharp.torch.rand(4, 1, 8, 8)));", "mime": "image/png"},
    ]

    code_inspect_sample = "Console.WriteLine"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        reply = cls.kc.execute_interactive(SETUP, timeout=WARM_UP_TIMEOUT, output_hook=lambda msg: None)
        assert reply["content"]["status"] == "ok", reply["content"]

    def test_update_display_data(self):
        self.flush_channels()
        reply, outputs = self.execute_helper('var h = display("before"); h.Update("after");')
        self.assertEqual(reply["content"]["status"], "ok")
        shown = [m for m in outputs if m["msg_type"] == "display_data"]
        updated = [m for m in outputs if m["msg_type"] == "update_display_data"]
        self.assertEqual(len(shown), 1)
        self.assertEqual(len(updated), 1)
        display_id = shown[0]["content"]["transient"]["display_id"]
        self.assertEqual(updated[0]["content"]["transient"]["display_id"], display_id)
        self.assertEqual(updated[0]["content"]["data"]["text/plain"], "after")

    def test_interrupt_stops_an_endless_loop(self):
        self.flush_channels()
        msg_id = self.kc.execute("while (true) { KernelInterrupt.ThrowIfInterrupted(); }")
        self._wait_for_execute_input(msg_id)
        time.sleep(0.5)
        self.km.interrupt_kernel()  # interrupt_mode "message": an interrupt_request on control
        reply = self.kc.get_shell_msg(timeout=jkt.TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "OperationCanceledException")
        after, _ = self.execute_helper("1 + 1")
        self.assertEqual(after["content"]["status"], "ok")

    def test_silent_does_not_count(self):
        self.flush_channels()
        first, _ = self.execute_helper("1;")
        silent, outputs = self.execute_helper('Console.WriteLine("x");', silent=True)
        self.assertEqual(silent["content"]["status"], "ok")
        self.assertEqual([m for m in outputs if m["msg_type"] in ("stream", "execute_input")], [])
        second, _ = self.execute_helper("2;")
        self.assertEqual(second["content"]["execution_count"], first["content"]["execution_count"] + 1)

    def _wait_for_execute_input(self, msg_id):
        deadline = time.time() + jkt.TIMEOUT
        while time.time() < deadline:
            msg = self.kc.get_iopub_msg(timeout=jkt.TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
                return
        self.fail("no execute_input for the looping cell")


if __name__ == "__main__":
    unittest.main()
