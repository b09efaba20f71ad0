"""A real app instance for the recovery tests (run as a script, not collected by pytest):

    python recovery_driver.py OUT_FOLDER

Starts the app as `activation-playground` does (ui.app.open_window), trains a few steps, adds
three points through the session, waits until its autosave file exists, writes the project it
holds then to OUT_FOLDER/expected.json, prints {"autosave": path} and keeps running (the test
kills it with SIGKILL)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from playground.core.files.experiments import load_experiment
from playground.core.files.project import save_project
from playground.ui import app as gui_app

POINTS = ((1.5, 2.5, 0), (-2.0, 3.0, 1), (4.0, -4.5, 1))


def main() -> None:
    out = Path(sys.argv[1])
    gui = gui_app.open_window(load_experiment("xor-tanh"))
    session = gui.session
    session.train_steps(25)
    for x, y, cls in POINTS:
        session.add_point(x, y, cls)
    session.sync()
    deadline = time.monotonic() + 60
    while not gui.autosave.path.exists() and time.monotonic() < deadline:
        gui.app.processEvents()
        time.sleep(0.01)
    save_project(session.current_project(), out / "expected.json")
    print(json.dumps({"autosave": str(gui.autosave.path)}), flush=True)
    while True:
        gui.app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    main()
