"""``hotline-verify scan`` over 1,000 typical documentation files, and start-up time.

Run by hand: ``python benchmarks/bench_cli.py [--files 1000] [--runs 5]``. Writes 1,000 files of about 5 KB of
mixed Chinese and English help text (mostly prose; a few numbers, dates and amounts each) to a temporary folder, then
times one ``hotline-verify scan`` process over all of them, and a process that only
starts (``--help``), as medians of several runs; phonenumbers' import is timed beside
them for scale.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FILES = 1000
RUNS = 5
PARAGRAPHS = [
    "如需帮助，请在工作日 9:00-18:00 联系客服，我们会在 3 个工作日内答复。",
    "订单号示例：1234567890123456789，请妥善保存，不要告诉任何人验证码。",
    "Refunds are processed within 7 days; keep your order number and screenshots.",
    "淘宝/天猫消费者热线 9510211；支付宝客服 95188；天猫超市 400-988-8898。",
    "满 200 元减 20 元，活动时间 2026-11-11 至 2026-11-13，最终解释权归商家所有。",
    "For card issues call your bank's official number printed on the back of the card.",
    "版本 3.2.1 更新说明：修复了若干问题，提升了稳定性。邮编 310000。",
    "如遇可疑来电，请挂断后拨打官方客服电话核实，切勿转账到所谓安全账户。",
]
# most of a help page is prose: these carry no number at all
PROSE = [
    "登录后进入“我的订单”，找到需要售后的商品，点击“申请售后”，按页面提示选择退款原因并上传凭证。",
    "商家同意后，请在七天内寄回商品，并在页面上填写快递单号，以便平台跟踪退货进度。",
    "To change the delivery address, open the order before it ships and choose Edit address.",
    "账号安全小贴士：定期修改密码，开启登录保护，不在陌生网站输入账号和密码。",
    "Product questions such as sizes or colours are answered fastest by the seller's in-app chat.",
    "如果收到的商品与描述不符，请保留包装和照片，在申请售后时一并提交，便于客服核实处理。",
]


def write_files(folder: Path, files: int = FILES) -> list[str]:
    rng = random.Random(11)
    paths = []
    for i in range(files):
        text = []
        while sum(len(t.encode()) for t in text) < 5000:
            text.append(rng.choice(PARAGRAPHS) if rng.random() < 0.15 else rng.choice(PROSE))
        path = folder / f"page{i:04d}.md"
        path.write_text("\n\n".join(text) + "\n", "utf-8")
        paths.append(str(path))
    return paths


def timed(cmd: list[str], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=FILES)
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_files(Path(tmp), args.files)
        size = sum(Path(p).stat().st_size for p in paths)
        scan = timed([sys.executable, "-m", "hotline_verify", "scan", *paths], args.runs)
        start = timed([sys.executable, "-m", "hotline_verify", "--help"], args.runs)
        pn = timed([sys.executable, "-c", "import phonenumbers"], args.runs)
    print(f"{args.files} files, {size / args.files / 1024:.1f} KB each, median of {args.runs} runs")
    print(f"  hotline-verify scan (one process): {scan * 1e3:8.1f} ms")
    print(f"  start-up only (--help):            {start * 1e3:8.1f} ms")
    print(f"  python -c 'import phonenumbers':   {pn * 1e3:8.1f} ms")
    print(f"  scanning alone:                    {(scan - start) * 1e3:8.1f} ms")


if __name__ == "__main__":
    main()
