"""Hostile and broken project files: each gives one ProjectError naming the field, never a hang,
a crash or unbounded memory; saving never replaces a link or a device, and keeps the mode."""

from __future__ import annotations

import io
import json
import os
import stat
import tracemalloc
import zipfile

import numpy as np
import pytest

from playground.core.data import datasets
from playground.core.data.datasets import DatasetSpec
from playground.core.files.project import Project, ProjectError, load_project, save_project
from playground.core.nn.spec import parse_layers
from playground.core.nn.trainer import Trainer

MEMORY_LIMIT = 96 * 2**20  # bytes Python may allocate while refusing a file


def project(n: int = 20) -> Project:
    data = datasets.generate("xor", n, 0.0, 0, 2, 0.5)
    p = Project(data, parse_layers("3:relu"), dataset=DatasetSpec("xor", n))
    t = Trainer(p.spec(), p.data, p.config)
    t.step(5)
    return Project(
        p.data,
        p.hidden,
        p.config,
        params=tuple(t.network.get_params()),
        dataset=p.dataset,
        run=t.run_state(),
    )


def saved_dict(tmp_path, weights="embedded") -> tuple:
    path = tmp_path / "p.json"
    save_project(project(), path, weights=weights)
    return path, json.loads(path.read_text())


def refused(path, *words) -> str:
    """The ProjectError text; it names every word and Python allocated little meanwhile."""
    tracemalloc.start()
    try:
        with pytest.raises(ProjectError) as info:
            load_project(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    text = str(info.value)
    assert "\n" not in text and len(text) < 400, text
    for word in words:
        assert word in text, text
    assert peak < MEMORY_LIMIT, f"{peak / 2**20:.0f} MB while refusing"
    return text


def _poke(d: dict, where: str, value) -> None:
    """d[a][b]...[z] = value for where = "a.b.z" (integers index lists)."""
    *parents, last = where.split(".")
    for key in parents:
        d = d[int(key)] if isinstance(d, list) else d[key]
    d[int(last) if isinstance(d, list) else last] = value


EDITS = [  # (field path, value, words the error must hold)
    ("data.X.0", [1e308, -1e308], ["data.X[0, 0]", "1e+06"]),
    ("data.X.0", [1e6 + 1, 0.0], ["data.X[0, 0]"]),
    ("training.seed", 2**31, ["training.seed", "2147483647"]),
    ("data.y.0", 10**30, ["data.y[0]"]),
    ("data.is_test.0", 10**30, ["data.is_test[0]"]),
    ("data.X.0", [1.0] * 100_000, ["data.X[0]", "1 to 64"]),
    ("view.extra_key", json.loads("[" * 40 + "0" + "]" * 40), ["view", "nested"]),
    ("run.step", -1, ["run"]),
    ("run.history.final.0", [1, 2], ["run.history.final[0]"]),
    ("run.history.last.0", 99, ["run.history"]),
]


@pytest.mark.parametrize(("where", "value", "words"), EDITS, ids=[e[0] for e in EDITS])
def test_a_bad_value_is_refused_naming_its_field(tmp_path, where, value, words):
    path, d = saved_dict(tmp_path)
    _poke(d, where, value)
    path.write_text(json.dumps(d))
    refused(path, *words)


def test_millions_of_points_or_weight_layers_are_refused_before_building_arrays(tmp_path):
    path, d = saved_dict(tmp_path)
    n = 400_000
    d["data"]["X"] = [[0.5, 0.5]] * n
    d["data"]["y"], d["data"]["is_test"] = [0] * n, [0] * n
    path.write_text(json.dumps(d))
    refused(path, "data.X", "at most")
    path, d = saved_dict(tmp_path)
    d["weights"]["layers"] = [{}] * 1_000_000
    path.write_text(json.dumps(d))
    refused(path, "weights.layers", "2 layers", "1000000")


def test_top_level_null_and_text_npz_get_plain_words(tmp_path):
    (tmp_path / "null.json").write_text("null")
    assert "not null" in refused(tmp_path / "null.json")
    path, _ = saved_dict(tmp_path, "npz")
    (tmp_path / "p.npz").write_text("just some text, not an archive")
    text = refused(path, "weights.file", "p.npz")
    assert "allow_pickle" not in text and "pickle" not in text


def test_a_fifo_or_a_device_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "p.json"
    os.mkfifo(fifo)
    refused(fifo, "not a regular file")
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    refused(link, "not a regular file")
    folder = tmp_path / "npz"
    folder.mkdir()
    path, _ = saved_dict(folder, "npz")
    (folder / "p.npz").unlink()
    os.mkfifo(folder / "p.npz")
    refused(path, "weights.file", "not a regular file")


def test_a_file_past_the_size_cap_is_refused_unread(tmp_path):
    big = tmp_path / "big.json"
    with open(big, "wb") as f:
        f.truncate(300 * 2**20)  # sparse: costs no disk
    refused(big, "too large")


def _npz_with(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _npy(a: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, a)
    return buf.getvalue()


def test_npz_bombs_and_lying_headers_are_refused_from_the_headers(tmp_path):
    path, _ = saved_dict(tmp_path, "npz")
    good = dict(np.load(tmp_path / "p.npz"))
    members = {f"{k}.npy": _npy(v) for k, v in good.items()}
    bomb = _npy(good["W0"]) + bytes(200 * 2**20)  # 200 MB of zeros deflate to ~200 KB
    (tmp_path / "p.npz").write_bytes(_npz_with({**members, "W0.npy": bomb}))
    refused(path, "weights file[0].W", "bytes")
    header = _npy(np.zeros((3, 2)))[:128].replace(b"(3, 2)", b"(1099511627776, 1)")
    (tmp_path / "p.npz").write_bytes(_npz_with({**members, "W0.npy": header}))
    refused(path, "weights file[0].W", "expected shape")
    (tmp_path / "p.npz").write_bytes(_npz_with({**members, "W0.npy": b"not an array"}))
    refused(path, "weights.file", "p.npz")


def test_empty_and_one_point_projects_round_trip(tmp_path):
    for n in (0, 1):
        data = datasets.generate("xor", 2, 0.0, 0, 2, 0.0)
        data = data.remove_point(0) if n == 1 else data.remove_point(0).remove_point(0)
        p = Project(data, parse_layers("2:tanh"))
        save_project(p, tmp_path / f"{n}.json")
        assert load_project(tmp_path / f"{n}.json") == p


def test_a_saved_run_comes_back_with_its_curves_counters_and_initial_weights(tmp_path):
    p = project()
    save_project(p, tmp_path / "run.json")
    save_project(p, tmp_path / "npz.json", weights="npz")
    for name in ("run.json", "npz.json"):
        q = load_project(tmp_path / name)
        assert q == p and q.run.step == 5 and q.run.initial is not None
        t = Trainer(q.spec(), q.data, q.config, q.params)
        t.restore_run(q.run)
        t.reset()
        assert np.array_equal(t.network.get_params()[0][0], p.run.initial[0][0])


def test_saving_writes_through_a_link_and_keeps_the_mode(tmp_path):
    target = tmp_path / "real.json"
    save_project(project(), target)
    os.chmod(target, 0o644)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    save_project(project(n=30), link)
    assert link.is_symlink() and load_project(target).data.n == 30
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o644
    assert sorted(f.name for f in tmp_path.iterdir()) == ["link.json", "real.json"]


@pytest.mark.skipif(os.geteuid() != 0, reason="replacing a device node needs root to try")
def test_saving_over_a_device_is_refused():
    before = os.stat("/dev/null").st_rdev
    with pytest.raises(OSError, match="not a regular file"):
        save_project(project(), "/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and os.stat("/dev/null").st_rdev == before
