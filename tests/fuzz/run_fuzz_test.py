#!/usr/bin/python3
"""Replays seeds through a libFuzzer target, then fuzzes for a fixed number
of runs from a fixed seed (reproducible: same runs, same inputs).

    run_fuzz_test.py FUZZER KIND CORPUS_DIR DICT RUNS

KIND says how seeds are made from the shared corpus (../shared/corpus):
  csv   the CSV/TSV files as they are
  zip   the XLSX and ODS files as they are
  xlsx  every xl/worksheets/*.xml part, prefixed by one option byte
  ods   every content.xml part, prefixed by one option byte
  xml   the files of CORPUS_DIR itself (okrd XML documents)
Exits non-zero when the fuzzer reports a crash, leak, timeout or a failed
check (the target aborts)."""

import pathlib
import subprocess
import sys
import tempfile
import zipfile


def seeds(kind, corpus, out):
    def files(*subdirs):
        for sub in subdirs:
            yield from sorted((corpus / sub).glob("*"))

    count = 0
    if kind == "xml":
        for path in sorted(corpus.glob("*.xml")):
            (out / path.name).write_bytes(path.read_bytes())
            count += 1
        return count
    if kind in ("csv", "zip"):
        for path in files(*(("csv",) if kind == "csv" else ("xlsx", "ods"))):
            (out / path.name).write_bytes(path.read_bytes())
            count += 1
        return count
    want = "content.xml" if kind == "ods" else "xl/worksheets/"
    for path in files("ods" if kind == "ods" else "xlsx"):
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            continue  # Encrypted or broken on purpose: the zip target has it.
        with archive:
            for info in archive.infolist():
                if not info.filename.startswith(want) or info.file_size > 1 << 20:
                    continue
                for option in (b"\x00", b"\x05", b"\x3f"):
                    name = f"{path.name}-{count}"
                    (out / name).write_bytes(option + archive.read(info))
                    count += 1
    return count


def run(args):
    print("+", " ".join(args), flush=True)
    return subprocess.run(args).returncode


def main():
    fuzzer, kind, corpus, dictionary, runs = sys.argv[1:6]
    with tempfile.TemporaryDirectory() as tmp:
        seed_dir = pathlib.Path(tmp) / "seeds"
        work_dir = pathlib.Path(tmp) / "work"
        seed_dir.mkdir()
        work_dir.mkdir()
        n = seeds(kind, pathlib.Path(corpus), seed_dir)
        if n == 0:
            print(f"no seeds for {kind} under {corpus}", file=sys.stderr)
            return 1
        print(f"{n} seeds", flush=True)
        # A failing input is kept beside the test (the working directory,
        # the build's tests/fuzz) as crash-*/leak-*/timeout-* to replay.
        common = ["-timeout=20", "-rss_limit_mb=2048", "-max_len=262144",
                  f"-dict={dictionary}", "-artifact_prefix=./"]
        if run([fuzzer, "-runs=0", *common, str(seed_dir)]) != 0:
            return 1
        return run([fuzzer, "-seed=1", f"-runs={runs}", *common,
                    str(work_dir), str(seed_dir)])


if __name__ == "__main__":
    sys.exit(main())
