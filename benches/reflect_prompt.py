#!/usr/bin/env python3
"""Benchmark: how soon `numb reflect` shows its first screen and its first question.

Runs the release binary in a pseudo-terminal (80x24) N times and measures, from the
moment the process starts:
  - intro: until the Start/Not now choice is fully drawn (the first screen);
  - question: until "1 of 12" is drawn after Enter is pressed on Start.
Target (issue 3): the first question on screen within 50 ms.

    cargo build --release && python3 benches/reflect_prompt.py [N]
"""
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time

BIN = os.path.join(os.path.dirname(__file__), "..", "target", "release", "numb")


def wait_for(fd, needle, start, buf, timeout=5.0):
    while needle not in buf[0]:
        if time.perf_counter() - start > timeout:
            raise TimeoutError(needle)
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                buf[0] += os.read(fd, 65536)
            except OSError:
                raise TimeoutError(needle)
    return (time.perf_counter() - start) * 1000


def one_run():
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"TERM": "xterm-256color"})
        os.execv(BIN, [BIN, "reflect"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    buf = [b""]
    intro = wait_for(fd, b"Not now", start, buf)
    os.write(fd, b"\r")
    question = wait_for(fd, b"1 of 12", start, buf)
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    os.close(fd)
    return intro, question


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    one_run()  # warm the page cache
    results = [one_run() for _ in range(runs)]
    for name, values in (("intro drawn", [r[0] for r in results]), ("first question", [r[1] for r in results])):
        values.sort()
        p95 = values[int(len(values) * 0.95) - 1]
        print(f"{name:15} median {statistics.median(values):6.1f} ms   p95 {p95:6.1f} ms   max {values[-1]:6.1f} ms   ({runs} runs)")


if __name__ == "__main__":
    main()
