"""Screenshots of the real window for docs/: each shot starts the app under Xvfb with openbox,
sizes the window to the screen, optionally presses keys, and captures the screen.

    .venv/bin/python scripts/docs_screenshots.py [NAME ...]   (all shots without names)

Needs xvfb-run, openbox, xdotool and ImageMagick's `import` (`scripts/system-deps.sh --docs`
installs them). Trained projects are made with `activation-playground train --save` first;
settings live in a temporary HOME, so the user's are untouched and every shot starts like a
first launch.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / ".venv" / "bin" / "activation-playground"
DOCS = ROOT / "docs"


@dataclass(frozen=True)
class Shot:
    name: str
    train: tuple[str, ...] | None  # `train` arguments for the project, or None
    gui: tuple[str, ...]  # extra `gui` arguments
    size: tuple[int, int] = (1600, 1000)
    keys: tuple[str, ...] = ()  # xdotool keys after start ("sleep:S" waits S seconds)
    wait_s: float = 5.0
    lessons: bool = False  # the lessons panel open as on a first launch


SHOTS = (
    Shot(
        "screenshot",
        ("--dataset", "xor", "--layers", "8:tanh,4:tanh", "--epochs", "150"),
        ("--view", "hidden"),
    ),
    Shot(
        "regions-band",
        ("--dataset", "band", "--layers", "8:relu", "--epochs", "300"),
        ("--view", "regions"),
    ),
    Shot(
        "regions-xor",
        ("--dataset", "xor", "--layers", "8:relu,8:relu", "--epochs", "150"),
        ("--view", "regions"),
    ),
    Shot(
        "regions-spiral",
        (
            "--dataset",
            "spiral",
            "--layers",
            "24:relu,24:relu,24:relu",
            "--optimizer",
            "adam",
            "--lr",
            "0.01",
            "--batch",
            "32",
            "--epochs",
            "600",
        ),
        ("--view", "regions"),
    ),
    Shot(
        "collapse-xor-linear",
        ("--dataset", "xor", "--layers", "8:linear,4:linear", "--epochs", "100"),
        ("--view", "collapse"),
    ),
    Shot(
        "gradients-sigmoid-deep",
        (
            "--dataset",
            "circle",
            "--layers",
            "8:sigmoid,8:sigmoid,8:sigmoid,8:sigmoid,8:sigmoid",
            "--epochs",
            "100",
        ),
        ("--view", "gradients"),
        keys=("space", "sleep:6", "space"),
    ),
    Shot(
        "inspector",
        ("--dataset", "xor", "--layers", "4:tanh,3:relu", "--epochs", "150"),
        ("--view", "inspector", "--at", "2,-3"),
    ),
    Shot(
        "equations",
        ("--dataset", "circle", "--layers", "3:tanh,2:relu", "--batch", "4", "--epochs", "50"),
        ("--view", "equations"),
    ),
    Shot(
        "diagram-10x64",
        ("--dataset", "circle", "--layers", ",".join(["64:tanh"] * 10), "--epochs", "20"),
        (),
    ),
    Shot(
        "six-classes",
        ("--dataset", "blobs", "--classes", "6", "--layers", "16:relu,16:relu", "--epochs", "100"),
        (),
    ),
    Shot(
        "lessons-zh-1280", None, ("--lang", "zh_CN", "--lesson", "xor:2"), (1280, 720), lessons=True
    ),
    Shot(
        "lessons-en-1600",
        None,
        ("--lesson", "every-layer:1"),
        keys=("space", "sleep:8"),
        lessons=True,
    ),
    Shot(
        "zh-1600",
        ("--dataset", "band", "--layers", "8:relu", "--epochs", "300"),
        ("--lang", "zh_CN", "--view", "hidden,regions"),
    ),
    Shot(
        "en-1280",
        ("--dataset", "xor", "--layers", "8:tanh,4:tanh", "--epochs", "150"),
        ("--view", "inspector", "--at", "2,-3"),
        (1280, 720),
    ),
    Shot(
        "compare",
        ("--dataset", "xor", "--layers", "8:tanh,4:tanh", "--epochs", "1"),
        (),
        keys=("alt+v", "c", "sleep:2", "space", "sleep:10"),
    ),
    Shot(
        "presentation",
        ("--dataset", "xor", "--layers", "8:tanh", "--epochs", "150"),
        (),
        keys=("F11",),
    ),
)


def run_shot(shot: Shot, work: Path) -> Path:
    project: list[str] = []
    if shot.train is not None:
        path = work / f"{shot.name}.json"
        subprocess.run(
            [str(APP), "train", *shot.train, "--save", str(path)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        project = [str(path)]
    out = DOCS / f"{shot.name}.png"
    w, h = shot.size
    keys = " ".join(
        f"sleep {k[6:]};" if k.startswith("sleep:") else f"xdotool key --delay 300 {k}; sleep 1;"
        for k in shot.keys
    )
    gui = " ".join([str(APP), "gui", *project, *shot.gui])
    script = (
        f"openbox & sleep 1; {gui} & sleep {shot.wait_s}; "
        f"xdotool search --sync --onlyvisible --class activation windowactivate "
        f"windowsize 100% 100% windowmove 0 0; sleep 1.5; {keys} "
        f"import -window root {out}; kill %2"
    )
    home = work / f"home-{shot.name}"
    config = home / ".config" / "ActivationPlayground"
    config.mkdir(parents=True)
    if not shot.lessons:  # as after a first launch: the lessons panel was seen and closed
        (config / "activation-playground.ini").write_text("[lessons]\nseen=true\n")
    env = dict(
        os.environ,
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
    )
    env.pop("QT_QPA_PLATFORM", None)
    subprocess.run(
        ["xvfb-run", "-a", "-s", f"-screen 0 {w}x{h}x24", "bash", "-c", script],
        env=env,
        check=False,
        timeout=180,
    )
    return out


def main(names: list[str]) -> int:
    for tool in ("xvfb-run", "openbox", "xdotool", "import"):
        if shutil.which(tool) is None:
            print(
                f"docs_screenshots: {tool} is missing (scripts/system-deps.sh --docs)",
                file=sys.stderr,
            )
            return 1
    DOCS.mkdir(exist_ok=True)
    chosen = [s for s in SHOTS if not names or s.name in names]
    with tempfile.TemporaryDirectory() as tmp:
        for shot in chosen:
            print(run_shot(shot, Path(tmp)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
