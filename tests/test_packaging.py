"""The wheel carries lexicons/ and tui/, and the installed command works outside the repository."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_installs_and_runs_from_outside_the_repository(tmp_path: Path) -> None:
    wheel_dir = tmp_path / "wheel"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheel_dir), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    wheels = list(wheel_dir.glob("narrative-*.whl"))
    assert len(wheels) == 1
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "-q", str(wheels[0])], check=True,
                   capture_output=True, timeout=600)
    # Dependencies come from the test environment's site-packages (a path entry, so its
    # .pth files, including the editable install of this checkout, are not processed).
    work = tmp_path / "elsewhere"
    work.mkdir()
    report = work / "r.txt"
    report.write_text((ROOT / "tests" / "data" / "tiny-report.txt").read_text(encoding="utf-8"), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=sysconfig.get_paths()["purelib"])
    proc = subprocess.run([str(env_dir / "bin" / "narrative"), "check", str(report), "--format", "json"],
                          cwd=work, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert '"rule": "TBL001"' in proc.stdout
    where = subprocess.run([str(py), "-c", "import narrative, narrative.lexicons, narrative.tui; "
                            "from narrative.lexicon import class_names; print(narrative.__file__, len(class_names()))"],
                           cwd=work, capture_output=True, text=True, env=env, timeout=60)
    assert where.returncode == 0, where.stderr
    path, n = where.stdout.split()
    assert str(env_dir) in path and str(ROOT) not in path
    assert int(n) >= 26  # the 类 of the function classification, read from the shipped lexicon
