"""CSV import and export (core.data.csvio): the exact round trip, the reading rules (header,
separators, decimal commas, BOM, label and test columns, label kinds) and every refusal, each
naming its row and column as a spreadsheet counts them."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.core import limits
from playground.core.data import datasets
from playground.core.data.csvio import CsvError, parse_points, read_points, to_csv
from playground.core.data.csvread import LABEL_NAMES, TEST_NAMES, parse_number
from playground.core.data.pointset import PointSet
from playground.core.errors import Invalid

IRIS = Path(__file__).resolve().parents[2] / "resources" / "data" / "iris.csv"
RESERVED = set(LABEL_NAMES + TEST_NAMES)


def refused(text: str, **kwargs) -> CsvError:
    with pytest.raises(CsvError) as info:
        parse_points(text, **kwargs)
    return info.value


# ---------------------------------------------------------------------- round trip
def _name_ok(s: str) -> bool:
    """A name the reader gives back unchanged: no surrounding spaces, no BOM, not a number."""
    return s == s.strip() and "\ufeff" not in s and parse_number(s, True) is None


NAMES = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=12
).filter(_name_ok)
COORDINATES = st.floats(
    -limits.MAX_COORDINATE, limits.MAX_COORDINATE, allow_nan=False, allow_subnormal=True
)


def _canonical_classes(draw, k: int) -> tuple[str, ...]:
    """Names as the reader orders them: sorted texts, or ascending integers; () for 1..K."""
    if draw(st.booleans()):
        names = sorted(
            draw(st.lists(NAMES, min_size=k, max_size=k, unique=True)),
            key=lambda s: (s.casefold(), s),
        )
    else:
        names = [
            str(v)
            for v in sorted(
                draw(st.lists(st.integers(-1000, 1000), min_size=k, max_size=k, unique=True))
            )
        ]
    return () if names == [str(i + 1) for i in range(k)] else tuple(names)


@st.composite
def tables(draw):
    """A PointSet a CSV can hold (csvio's docstring), with or without a saved split."""
    d = draw(st.integers(1, 6))
    task = draw(st.sampled_from(["binary", "multiclass", "regression"]))
    k = {"binary": 2, "multiclass": draw(st.integers(3, limits.MAX_CLASSES))}.get(task, 1)
    n = draw(st.integers(max(k, 1), 25))
    X = np.array(draw(st.lists(COORDINATES, min_size=n * d, max_size=n * d))).reshape(n, d)
    if task == "regression":
        y = draw(st.lists(COORDINATES, min_size=n, max_size=n))
        y[draw(st.integers(0, n - 1))] = draw(COORDINATES.filter(lambda v: not v.is_integer()))
        names = ()
    else:  # every class has a point
        y = draw(
            st.permutations(
                list(range(k))
                + draw(st.lists(st.integers(0, k - 1), min_size=n - k, max_size=n - k))
            )
        )
        names = _canonical_classes(draw, k)
    features = ()
    if draw(st.booleans()):
        features = tuple(
            draw(
                st.lists(
                    NAMES.filter(lambda s: s.casefold() not in RESERVED),
                    min_size=d,
                    max_size=d,
                    unique=True,
                )
            )
        )
        if features == tuple(f"x{i + 1}" for i in range(d)):
            features = ()
    is_test = np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n)))
    return PointSet(X, y, task, k, is_test, "custom", features, names)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.booleans())
def test_export_then_import_gives_the_same_points_exactly(points, with_split):
    text = to_csv(points, include_split=with_split)
    back = parse_points(text)
    expected = points if with_split else points.with_split(0.0)
    assert back == expected  # X bit for bit, y, task, n_classes, names, split
    assert back.X.tobytes() == expected.X.tobytes()  # -0.0 stays -0.0
    assert to_csv(back, include_split=with_split) == text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-5, 5).map(float) | COORDINATES, min_size=1, max_size=20))
def test_any_regression_targets_come_back_when_the_task_is_given(targets):
    points = PointSet(np.arange(len(targets), dtype=float), targets, "regression", 1)
    assert parse_points(to_csv(points), task="regression") == points


def test_export_writes_the_file_atomically_and_reads_it_back(tmp_path):
    points = datasets.generate("spiral", n=60, noise=0.3, classes=3)
    path = tmp_path / "points.csv"
    text = to_csv(points, path, include_split=True)
    assert path.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["points.csv"]  # no temporary left
    assert read_points(path, name="spiral") == points


@pytest.mark.parametrize("name", ["spiral", "sine", "iris"])
def test_generated_data_sets_round_trip(name, tmp_path):
    p = datasets.generate(name, n=50, noise=0.3, classes=3 if name == "spiral" else 2)
    path = tmp_path / "points.csv"
    text = to_csv(p, path, include_split=True)
    assert text.splitlines()[0].endswith("label,test")
    q = read_points(path, name=name)
    assert q == p and q.n_classes == p.n_classes


def test_export_header_labels_and_targets():
    named = PointSet(
        [[0.1, -2.0], [3.0, 4.5]],
        [1, 0],
        "binary",
        2,
        [True, False],
        feature_names=("width", "height, cm"),
        class_names=("cat", 'say "hi"'),
    )
    assert to_csv(named, include_split=True).splitlines() == [
        'width,"height, cm",label,test',
        '0.1,-2.0,"say ""hi""",1',
        "3.0,4.5,cat,0",
    ]
    numbered = PointSet([[1.0], [2.0], [3.0]], [0, 2, 1], "multiclass", 3)
    assert to_csv(numbered).splitlines() == ["x1,label", "1.0,1", "2.0,3", "3.0,2"]
    targets = PointSet([[1.0], [2.0]], [0.1, 1 / 3], "regression", 1)
    assert to_csv(targets).splitlines()[1:] == ["1.0,0.1", "2.0,0.3333333333333333"]


@pytest.mark.parametrize("sep", [";", "\t"])
def test_names_holding_another_separator_in_every_row_still_come_back(sep):
    p = PointSet(
        [[0.0, 1.0], [2.0, 3.0]],
        [0, 1],
        "binary",
        2,
        [True, False],
        feature_names=("u", f"a{sep}b"),
        class_names=(f"p{sep}q", f"r{sep}s"),
    )
    text = to_csv(p, include_split=True)
    assert text.startswith(f'"u","a{sep}b","label","test"\n')  # no other separator fits row 1
    assert parse_points(text) == p


def test_without_a_test_column_test_fraction_splits_by_seed():
    p = datasets.generate("xor", n=40)
    text = to_csv(p)
    assert text.splitlines()[0] == "x1,x2,label"
    q = parse_points(text, test_fraction=0.25, seed=3)
    assert np.array_equal(q.X, p.X) and np.array_equal(q.y, p.y) and q.is_test.sum() == 10
    assert np.array_equal(q.is_test, parse_points(text, test_fraction=0.25, seed=3).is_test)
    assert not np.array_equal(q.is_test, parse_points(text, test_fraction=0.25, seed=4).is_test)


# What a CSV cannot hold, and what comes back instead (csvio's docstring).
def test_an_empty_class_is_not_in_the_file():
    p = PointSet([[0.0], [1.0]], [0, 2], "multiclass", 3)
    q = parse_points(to_csv(p))
    assert (q.task, q.n_classes, q.class_names, list(q.y)) == ("binary", 2, ("1", "3"), [0, 1])


def test_class_names_come_back_in_the_reader_order_with_their_points():
    p = PointSet([[0.0], [1.0], [2.0]], [0, 1, 0], "binary", 2, class_names=("zebra", "ant"))
    q = parse_points(to_csv(p))
    assert q.class_names == ("ant", "zebra") and list(q.y) == [1, 0, 1]
    assert [q.class_label(k) for k in q.y] == [p.class_label(k) for k in p.y]


def test_whole_number_targets_need_the_task_to_come_back_as_regression():
    p = PointSet([[0.0], [1.0], [2.0]], [-1.0, 1.0, 1.0], "regression", 1)
    assert parse_points(to_csv(p)).class_names == ("-1", "1")
    assert parse_points(to_csv(p), task="regression") == p


# ---------------------------------------------------------------------- reading rules
def test_iris_imports_as_three_named_classes_with_four_named_features():
    p = read_points(IRIS)
    assert (p.n, p.dim, p.task, p.n_classes) == (150, 4, "multiclass", 3)
    assert p.class_names == ("setosa", "versicolor", "virginica")
    assert p.feature_names == ("sepal_length", "sepal_width", "petal_length", "petal_width")
    assert p.name == "iris" and not p.is_test.any()
    assert list(p.X[0]) == [5.1, 3.5, 1.4, 0.2] and p.class_label(p.y[-1]) == "virginica"


@pytest.mark.parametrize(
    "text",
    [
        "a,b,label\n1,2,cat\n3,4,dog\n",
        "a;b;label\n1;2;cat\n3;4;dog\n",
        "a\tb\tlabel\n1\t2\tcat\n3\t4\tdog\n",
        "\ufeffa,b,label\n1,2,cat\n3,4,dog\n",
        "a, b, label\r\n1, 2, cat\r\n\r\n3, 4, dog\r\n",
    ],
)
def test_separators_bom_spaces_and_line_ends(text):
    p = parse_points(text)
    assert p.feature_names == ("a", "b") and p.class_names == ("cat", "dog")
    assert p.X.tolist() == [[1, 2], [3, 4]] and list(p.y) == [0, 1]


def test_bom_in_a_file_is_dropped(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfx,label\n1,a\n2,b\n")
    assert read_points(path).feature_names == ("x",)


@pytest.mark.parametrize("sep", [";", "\t"])
def test_decimal_commas_are_numbers_with_semicolons_or_tabs(sep):
    p = parse_points(
        sep.join(["x1", "x2", "label"])
        + "\n"
        + sep.join(["1,5", "-0,25", "0"])
        + "\n"
        + sep.join(["2", "3.5", "1"])
        + "\n"
    )
    assert p.X.tolist() == [[1.5, -0.25], [2.0, 3.5]]


def test_with_comma_separators_a_decimal_comma_is_not_a_number():
    assert (
        str(refused('x1,x2,label\n"1,5",2,0\n3,4,1\n')) == "row 2, column x1: '1,5' is not a number"
    )
    assert "'1.234,5' is not a number" in str(refused("a;label\n1.234,5;0\n2;1\n"))


@pytest.mark.parametrize(
    ("text", "header"),
    [
        ("x1,x2,label\n1,2,0\n3,4,1\n", True),  # names
        ("1,2,label\n1,2,0\n3,4,1\n", True),  # numeric feature names, but a `label` cell
        ("width,height,kind\n1,2,a\n3,4,b\n", True),  # no number at all
        ("x,0.5,y\n1,2,0\n3,4,1\n", True),  # a word above a number
        ("1,2,0\n3,4,1\n", False),
        ("5.1,3.5,setosa\n4.9,3.0,versicolor\n", False),  # a word above a word: a class
        ("1,2,a,train\n3,4,b,test\n", False),
    ],
)
def test_the_first_row_is_a_header_when_its_cells_are_not_numbers(text, header):
    p = parse_points(text, test_column=4 if "train" in text else None)
    assert p.n == text.count("\n") - header
    assert p.X[0].tolist() == [float(v) for v in text.splitlines()[header].split(",")[:2]]


def test_the_header_can_be_stated():
    assert parse_points("1,2,0\n3,4,1\n5,6,0\n", header=True).feature_names == ("1", "2")
    assert (
        str(refused("x,0.5,y\n1,2,0\n3,4,1\n", header=False))
        == "row 1, column 1: 'x' is not a number"
    )


def test_without_a_header_columns_are_named_by_number_and_counted_from_row_1():
    assert str(refused("1,2,0\n3,x,1\n")) == "row 2, column 2: 'x' is not a number"
    assert parse_points("1,2,0\n3,4,1\n", label_column=1).X.tolist() == [[2, 0], [4, 1]]


def test_blank_rows_and_multiline_cells_count_like_a_spreadsheet():
    assert str(refused("x1,x2,label\n1,2,0\n\n,,\n1,abc,1\n")).startswith("row 5, column x2")
    text = 'x,label\n1,"two\nlines"\n2,b\n3,abc\n'
    assert parse_points(text, task="classes").class_names == ("abc", "b", "two\nlines")
    assert str(refused(text.replace("3,abc", "x,abc"))) == "row 4, column x: 'x' is not a number"


def test_string_labels_keep_their_names_sorted():
    p = parse_points("x,species\n1,virginica\n2,Setosa\n3,versicolor\n4,setosa\n")
    assert p.class_names == ("Setosa", "setosa", "versicolor", "virginica")
    assert list(p.y) == [3, 0, 2, 1] and p.task == "multiclass"


@pytest.mark.parametrize(
    ("labels", "names", "shown"),
    [
        (["1", "2", "2"], (), ["1", "2", "2"]),  # 1..K: numbered as the window numbers them
        (["0", "1", "0"], ("0", "1"), ["0", "1", "0"]),
        (["2.0", "1", "3"], (), ["2", "1", "3"]),
        (["-1", "1", "-1"], ("-1", "1"), ["-1", "1", "-1"]),
        (["10", "9", "2"], ("2", "9", "10"), ["10", "9", "2"]),  # ascending by value
    ],
)
def test_whole_number_labels_keep_what_they_say(labels, names, shown):
    p = parse_points("x,label\n" + "".join(f"{i},{v}\n" for i, v in enumerate(labels)))
    assert p.class_names == names
    assert [p.class_label(k) for k in p.y] == shown


def test_labels_with_a_fraction_are_regression():
    p = parse_points("x,label\n1,0.5\n2,1\n3,2\n")
    assert (p.task, p.n_classes, list(p.y)) == ("regression", 1, [0.5, 1.0, 2.0])


def test_seven_whole_numbers_are_not_guessed():
    text = "x,label\n" + "".join(f"{i},{i}.0\n" for i in range(7))
    assert str(refused(text)) == (
        "column label: 7 different whole numbers: too many for "
        "classes (at most 6); choose regression to predict them as "
        "numbers"
    )
    assert parse_points(text, task="regression").y.tolist() == list(range(7))
    assert (
        str(refused(text, task="classes"))
        == "row 8, column label: '6.0' is one class too many: at most 6 classes"
    )


def test_whole_numbers_are_classes_unless_regression_is_chosen():
    text = "x,label\n1,3\n2,5\n3,3\n"
    assert parse_points(text).task == "binary"
    assert parse_points(text, task="regression").y.tolist() == [3.0, 5.0, 3.0]


def test_classes_reads_numbers_with_a_fraction_as_names():
    p = parse_points("x,dose\n1,0.5\n2,1.5\n3,0.5\n", task="classes")
    assert p.class_names == ("0.5", "1.5") and list(p.y) == [0, 1, 0]


def test_mixed_labels_are_refused_unless_classes_are_chosen():
    text = "x,label\n1,1\n2,0\n3,O\n"
    assert str(refused(text)) == (
        "row 4, column label: the labels mix numbers and names ('O' "
        "here, '1' in row 2); choose classes to read every label as a "
        "class name"
    )
    assert parse_points(text, task="classes").class_names == ("0", "1", "O")


@pytest.mark.parametrize("header", ["label", "class", "y", "target", "Label", "CLASS"])
def test_the_label_column_is_found_by_name(header):
    p = parse_points(f"a,{header},b\n1,cat,2\n3,dog,4\n")
    assert p.class_names == ("cat", "dog") and p.feature_names == ("a", "b")


def test_label_by_priority_then_last_column():
    assert parse_points("y,label,x\n1,a,2\n3,b,4\n").feature_names == ("y", "x")
    assert parse_points("a,b,c\n1,2,x\n3,4,z\n").class_names == ("x", "z")


@pytest.mark.parametrize("column", ["kind", "KIND", 2, "2"])
def test_the_label_column_can_be_named_or_numbered(column):
    p = parse_points("a,kind,b\n1,cat,2\n3,dog,4\n", label_column=column)
    assert p.class_names == ("cat", "dog") and p.feature_names == ("a", "b")


@pytest.mark.parametrize(
    ("header", "values"),
    [("test", ("0", "1")), ("split", ("train", "test")), ("is_test", ("False", "TRUE"))],
)
def test_a_train_test_column_keeps_the_split(header, values):
    p = parse_points(f"x,label,{header}\n1,a,{values[0]}\n2,b,{values[1]}\n3,a,{values[1]}\n")
    assert p.is_test.tolist() == [False, True, True] and p.feature_names == ("x",)


def test_the_test_column_can_be_given():
    p = parse_points("x,label,holdout\n1,a,1\n2,b,0\n", test_column="holdout")
    assert p.is_test.tolist() == [True, False]


def test_task_must_be_classes_or_regression():
    with pytest.raises(Invalid, match="task: unknown name 'binary'; choose from classes"):
        parse_points("x,label\n1,0\n2,1\n", task="binary")


def test_all_max_inputs_feature_columns_are_read():
    d = limits.MAX_INPUTS
    header = ",".join(f"f{i}" for i in range(d)) + ",label"
    p = parse_points(f"{header}\n" + ",".join(["1"] * d) + ",a\n" + ",".join(["2"] * d) + ",b\n")
    assert p.dim == d


def test_max_points_rows_are_read():
    text = "x,label\n" + "".join(f"{i},{i % 2}\n" for i in range(limits.MAX_POINTS))
    assert parse_points(text).n == limits.MAX_POINTS


# ---------------------------------------------------------------------- refusals
HEAD = "x1,x2,label\n1,2,0\n"
REFUSED = [
    (HEAD + "3,abc,1\n", "row 3, column x2: 'abc' is not a number"),
    (HEAD + "3,,1\n", "row 3, column x2: the cell is empty"),
    (HEAD + "3,4,\n", "row 3, column label: the cell is empty"),
    (HEAD + "3,nan,1\n", "row 3, column x2: 'nan' is not a finite number"),
    (HEAD + "-inf,4,1\n", "row 3, column x1: '-inf' is not a finite number"),
    (HEAD + "3,Infinity,1\n", "row 3, column x2: 'Infinity' is not a finite number"),
    (HEAD + "3,1_000,1\n", "row 3, column x2: '1_000' is not a number"),
    (HEAD + "3,١٢,1\n", "row 3, column x2: '١٢' is not a number"),
    (
        HEAD + f"{2 * limits.MAX_COORDINATE!r},4,1\n",
        f"row 3, column x1: must be {-limits.MAX_COORDINATE:g}..{limits.MAX_COORDINATE:g}, got "
        f"{2 * limits.MAX_COORDINATE!r}",
    ),
    (HEAD + "3,1e400,1\n", "row 3, column x2: must be"),
    (HEAD + "\n1,inf,1\n", "row 4, column x2: 'inf' is not a finite number"),
    ("x,label\n1,0\n2,nan\n", "row 3, column label: 'nan' is not a finite number"),
    ("x,label\n1,0.5\n2,nan\n", "row 3, column label: 'nan' is not a finite number"),
    (HEAD + "1,2\n", "row 3: has 2 cells, but the first row has 3"),
    (HEAD + "1,2,0,4\n", "row 3: has 4 cells, but the first row has 3"),
    ("", "the file is empty"),
    ("\n\n  \n", "the file is empty"),
    (",,\n,,\n", "the file is empty"),
    ("x1,x2,label\n", "the file has a header row but no points"),
    ("x1,x2,label\n\n", "the file has a header row but no points"),
    ("x\n1\n2\n", "found a single column"),
    ("x,label,label\n1,2,3\n", "row 1, column 3: the name 'label' is already used by column 2"),
    ("x,,label\n1,2,0\n", "row 1, column 2: the column has no name in the header row"),
    ("x," + "n" * 81 + "\n1,2\n", "row 1, column 2: a name is longer than 80 characters"),
    ("x,label\n1,a\n2," + "b" * 81 + "\n", "row 3, column label: a name is longer than 80"),
    (HEAD + '3,"4,1\n5,6,0\n', "row 3: a quote opened in this row is never closed"),
    (HEAD + '3,"4"x,1\n', "row 3: cannot be read as CSV: ',' expected after '\"'"),
    (
        "x,label,test\n1,0,1\n2,1,2\n",
        "row 3, column test: '2' is not a train/test value; write 0/1, false/true or train/test",
    ),
    (
        "x,label\n" + "".join(f"{i},{c}\n" for i, c in enumerate("abcdefg")),
        "row 8, column label: 'g' is one class too many: at most 6 classes",
    ),
    (
        "x,label\n1,cat\n2,cat\n",
        "column label: every point has the label 'cat': classification needs 2 to 6 classes",
    ),
    ("x,label\n1,1\n2,1.0\n", "column label: every point has the label '1'"),
    ("label,test\n1,0\n2,1\n", "no feature column"),
]


@pytest.mark.parametrize(("text", "message"), REFUSED, ids=[m for _, m in REFUSED])
def test_refusals_name_the_row_and_column(text, message):
    error = refused(text)
    assert isinstance(error, ValueError) and str(error).startswith(message), str(error)


def test_a_refusal_carries_row_column_code_and_params():
    error = refused(HEAD + "3,abc,1\n")
    assert (error.row, error.column, error.code, error.params) == (
        3,
        "x2",
        "csv_not_number",
        {"value": "abc"},
    )
    assert (error.field, error.failure.code) == ("row 3, column x2", "csv_not_number")


def test_a_cell_over_the_csv_field_limit_names_its_row():
    big = "7" * (csv.field_size_limit() + 1)
    assert (
        str(refused(f"{HEAD}3,{big},1\n"))
        == f"row 3: a cell is longer than {csv.field_size_limit()} characters"
    )


def test_too_many_rows_stop_the_reading_at_the_first_row_past_the_limit():
    rows = "".join(f"{i},{i % 2}\n" for i in range(limits.MAX_POINTS + 1))
    error = refused("x,label\n" + rows + "oops,not,read\n")  # never reached
    assert (
        str(error) == f"row {limits.MAX_POINTS + 2}: too many points: at most "
        f"{limits.MAX_POINTS} rows can be read"
    )


def test_too_many_feature_columns():
    d = limits.MAX_INPUTS + 1
    error = refused(",".join(["1"] * d) + ",a\n" + ",".join(["2"] * d) + ",b\n")
    assert str(error) == f"{d} feature columns; at most {limits.MAX_INPUTS}"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"label_column": "nope"}, "no column is called 'nope'; the columns are a, kind, b"),
        ({"label_column": 4}, "there is no column 4; the columns are numbered 1 to 3"),
        ({"label_column": 0}, "there is no column 0"),
        ({"label_column": "a", "test_column": "a"}, "column a: one column cannot be both"),
        ({"test_column": "zz"}, "no column is called 'zz'"),
    ],
)
def test_a_column_that_is_not_there(kwargs, message):
    assert str(refused("a,kind,b\n1,cat,2\n3,dog,4\n", **kwargs)).startswith(message)


def test_a_column_name_in_a_file_without_header():
    assert (
        str(refused("1,2,0\n3,4,1\n", label_column="label"))
        == "the file has no header row: give column 'label' by its number (1 to 3)"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"x,label\n1,0\n\x89PNG\x00\x00\x01", "the file is not text but binary data"),
        (b"x,label\n1,caf\xe9\n2,b\n", "row 2: the file is not UTF-8 text (byte 0xe9)"),
        ("x,label\n1,a\n".encode("utf-16"), "the file is not UTF-8 text (UTF-16)"),
    ],
)
def test_a_file_that_is_not_utf8_text_says_so(tmp_path, data, message):
    path = tmp_path / "data.csv"
    path.write_bytes(data)
    with pytest.raises(CsvError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_points(path)


def test_a_folder_fifo_device_or_missing_file_is_refused(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for path in (tmp_path, fifo, Path(os.devnull)):
        with pytest.raises(CsvError, match="is not a regular file .* cannot be a CSV file"):
            read_points(path)
    with pytest.raises(CsvError, match="CSV file not found"):
        read_points(tmp_path / "nope.csv")


def test_an_oversized_file_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    path.write_text("x,label\n" + "1,0\n" * 100, encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 64)
    with pytest.raises(CsvError, match="too large"):
        read_points(path)
