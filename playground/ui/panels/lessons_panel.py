"""LessonsPanel: a lesson, step by step — its text (formulas set apart), a "Set it up" button for
the step's setup, the prediction question with its answer once trained enough, and the live
check that turns the step green when its claim shows in the current run.

Holds only what it displays. Texts come from the lesson files in the panel's language (lesson
content is not in the .ts files); the controller (ui.window.lessons_dock) applies setups and
hands in the check results the training process computes. Every user action is one signal.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.lessons.checks import CheckResult, parameters
from playground.core.lessons.content import Lesson, Step, fill
from playground.ui.panels.lesson_text import setup_html, text_html

HELD_STYLE = "QFrame#lesson-check { background: #e3f4e8; border: 1px solid #2e9e5b; }"
WAITING_STYLE = "QFrame#lesson-check { background: #f4f4f4; border: 1px solid #c8c8c8; }"
DONE = "✓"
_MINIMUM_CONTENTS = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon


class _ClickLabel(QLabel):
    """A choice's text, wrapped; a click on it chooses it like a click on its button."""

    def __init__(self, text: str, button: QRadioButton):
        super().__init__(text)
        self.setWordWrap(True)
        self._button = button

    def mouseReleaseEvent(self, event) -> None:
        self._button.click()
        super().mouseReleaseEvent(event)


class LessonsPanel(QWidget):
    lessonChosen = Signal(int)  # index into the lessons given to set_lessons
    stepChosen = Signal(int)
    setupRequested = Signal()
    answerChosen = Signal(int)

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.lessons: list[Lesson] = []
        self.lesson: Lesson | None = None
        self.index = 0
        self._build()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        """Lesson and step choosers on top, the step's body scrolling below them, and the check
        at the bottom, always in sight."""
        col = QVBoxLayout(self)
        col.setContentsMargins(6, 6, 6, 6)
        self.lesson_combo = QComboBox()
        self.lesson_combo.setToolTip(self.tr("Choose a lesson"))
        self.lesson_combo.setSizeAdjustPolicy(_MINIMUM_CONTENTS)
        self.lesson_combo.setMinimumContentsLength(12)
        self.lesson_combo.activated.connect(self.lessonChosen.emit)
        col.addWidget(self.lesson_combo)
        col.addLayout(self._build_nav())
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self._build_body())
        col.addWidget(self.scroll, 1)
        col.addWidget(self._build_check())

    def _build_body(self) -> QWidget:
        body = QWidget()
        col = QVBoxLayout(body)
        col.setContentsMargins(0, 0, 4, 0)
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        col.addWidget(self.title)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        col.addWidget(self.text)
        col.addWidget(self._build_setup())
        self.code = QPlainTextEdit()
        self.code.setReadOnly(True)
        self.code.setFont(QFont("monospace"))
        self.code.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.code.setFixedHeight(120)
        self.code.hide()
        col.addWidget(self.code)
        col.addWidget(self._build_question())
        col.addStretch(1)
        return body

    def _build_nav(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.back = QToolButton()
        self.back.setArrowType(Qt.ArrowType.LeftArrow)
        self.back.setToolTip(self.tr("Previous step"))
        self.back.clicked.connect(lambda: self.stepChosen.emit(self.index - 1))
        self.step_combo = QComboBox()
        self.step_combo.setToolTip(self.tr("Steps of this lesson (✓: its check held)"))
        self.step_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.step_combo.setSizeAdjustPolicy(_MINIMUM_CONTENTS)
        self.step_combo.setMinimumContentsLength(8)
        self.step_combo.activated.connect(self.stepChosen.emit)
        self.forward = QToolButton()
        self.forward.setArrowType(Qt.ArrowType.RightArrow)
        self.forward.setToolTip(self.tr("Next step"))
        self.forward.clicked.connect(lambda: self.stepChosen.emit(self.index + 1))
        row.addWidget(self.back)
        row.addWidget(self.step_combo, 1)
        row.addWidget(self.forward)
        return row

    def _build_setup(self) -> QWidget:
        self.setup_box = QWidget()
        col = QVBoxLayout(self.setup_box)
        col.setContentsMargins(0, 0, 0, 0)
        self.setup_button = QPushButton(self.tr("Set it up"))
        self.setup_button.setToolTip(
            self.tr("Apply this step's data, network, training and views to the window")
        )
        self.setup_button.clicked.connect(self.setupRequested.emit)
        self.setup_text = QLabel()
        self.setup_text.setWordWrap(True)
        self.setup_text.setTextFormat(Qt.TextFormat.RichText)
        self.compare_text = QLabel()
        self.compare_text.setWordWrap(True)
        self.compare_text.setTextFormat(Qt.TextFormat.RichText)
        col.addWidget(self.setup_button)
        col.addWidget(self.setup_text)
        col.addWidget(self.compare_text)
        return self.setup_box

    def _build_question(self) -> QGroupBox:
        self.question_box = QGroupBox(self.tr("Predict"))
        col = QVBoxLayout(self.question_box)
        self.question = QLabel()
        self.question.setWordWrap(True)
        col.addWidget(self.question)
        self.choices_col = QVBoxLayout()
        col.addLayout(self.choices_col)
        self.choice_group = QButtonGroup(self)
        self._choice_rows: list[QWidget] = []
        self.choice_group.idClicked.connect(self.answerChosen.emit)
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.answer.setTextFormat(Qt.TextFormat.RichText)
        col.addWidget(self.answer)
        return self.question_box

    def _build_check(self) -> QFrame:
        self.check_frame = QFrame()
        self.check_frame.setObjectName("lesson-check")
        row = QHBoxLayout(self.check_frame)
        row.setContentsMargins(6, 4, 6, 4)
        self.check_mark = QLabel()
        mark = QFont(self.check_mark.font())
        mark.setBold(True)
        mark.setPointSizeF(mark.pointSizeF() * 1.3)
        self.check_mark.setFont(mark)
        self.check_mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.goal = QLabel()
        self.goal.setWordWrap(True)
        row.addWidget(self.check_mark)
        row.addWidget(self.goal, 1)
        return self.check_frame

    # ------------------------------------------------------------------ state in
    def set_lessons(self, lessons: list[Lesson]) -> None:
        self.lessons = list(lessons)
        self.lesson_combo.blockSignals(True)
        self.lesson_combo.clear()
        for i, lesson in enumerate(self.lessons):
            self.lesson_combo.addItem(f"{i + 1}. {lesson.title.get(self.lang)}", lesson.name)
            self.lesson_combo.setItemData(i, lesson.summary.get(self.lang), Qt.ToolTipRole)
        self.lesson_combo.blockSignals(False)

    @property
    def step(self) -> Step | None:
        return None if self.lesson is None else self.lesson.steps[self.index]

    def show_step(self, lesson: Lesson, index: int, done: set[int]) -> None:
        """Show step `index` of `lesson`; `done`: the steps whose check has held."""
        self.lesson, self.index = lesson, index
        self.lesson_combo.blockSignals(True)
        self.lesson_combo.setCurrentIndex(self.lessons.index(lesson))
        self.lesson_combo.blockSignals(False)
        self.show_done(done)
        step = lesson.steps[index]
        self.back.setEnabled(index > 0)
        self.forward.setEnabled(index + 1 < len(lesson.steps))
        self.title.setText(step.title.get(self.lang))
        self.text.setText(text_html(step.text.get(self.lang)))
        self.scroll.verticalScrollBar().setValue(0)
        self.setup_box.setVisible(bool(step.setup))
        self.setup_text.setText(setup_html(step.setup))
        self.compare_text.setText("")
        self.code.setVisible(step.show == "keras")
        self._show_choices(step)
        self.check_frame.setVisible(step.check is not None)
        self.show_check(None)

    def show_done(self, done: set[int]) -> None:
        lesson = self.lesson
        self.step_combo.blockSignals(True)
        self.step_combo.clear()
        for i, step in enumerate(lesson.steps):
            mark = f"  {DONE}" if i in done else ""
            total = len(lesson.steps)
            self.step_combo.addItem(
                self.tr("Step %1 of %2: %3")
                .replace("%1", str(i + 1))
                .replace("%2", str(total))
                .replace("%3", step.title.get(self.lang))
                + mark
            )
        self.step_combo.setCurrentIndex(self.index)
        self.step_combo.blockSignals(False)

    def show_compare(self, side_b: str, opened: bool) -> None:
        """Side B of a comparison: shown beside side A (opened), or only described."""
        if not side_b:
            self.compare_text.setText("")
            return
        lead = (
            self.tr("Compare mode, side B:")
            if opened
            else self.tr("For comparison, try side B too:")
        )
        self.compare_text.setText(f"<i>{html.escape(lead)}</i> {side_b}")

    def show_code(self, lines: list[str] | None) -> None:
        self.code.setPlainText("\n".join(lines or ()))

    def _show_choices(self, step: Step) -> None:
        for button in self.choice_group.buttons():
            self.choice_group.removeButton(button)
        for row in self._choice_rows:
            row.setParent(None)  # out of the layout now, not when the event loop deletes it
            row.deleteLater()
        self._choice_rows = []
        q = step.question
        self.question_box.setVisible(q is not None)
        self.answer.setText("")
        if q is None:
            return
        self.question.setText(q.text.get(self.lang))
        for i, choice in enumerate(q.choices):
            button = QRadioButton()
            button.setAccessibleName(choice.get(self.lang))
            label = _ClickLabel(choice.get(self.lang), button)
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(label, 1)
            self.choice_group.addButton(button, i)
            self.choices_col.addWidget(row)
            self._choice_rows.append(row)

    def show_answer(self, pick: int | None, revealed: bool, epoch: int) -> None:
        """The learner's pick, and the answer once revealed (else when it will be)."""
        q = self.step.question if self.step is not None else None
        if q is None:
            return
        for i, button in enumerate(self.choice_group.buttons()):
            button.setChecked(i == pick)
        if pick is None:
            hint = self.tr("Pick an answer, then train.")
            self.answer.setText(f"<i>{html.escape(hint)}</i>")
        elif not revealed:
            wait = self.tr("The answer shows after %1 epochs of training (now %2).")
            text = wait.replace("%1", str(q.after_epochs)).replace("%2", str(epoch))
            self.answer.setText(f"<i>{html.escape(text)}</i>")
        else:
            verdict = (
                self.tr("Right.") if pick == q.answer else self.tr("Not quite: the answer is “%1”.")
            )
            verdict = verdict.replace("%1", q.choices[q.answer].get(self.lang))
            colour = "#1b7f43" if pick == q.answer else "#b3561c"
            self.answer.setText(
                f"<b style='color:{colour}'>{html.escape(verdict)}</b> "
                f"{text_html(q.explain.get(self.lang))}"
            )

    def show_check(self, result: CheckResult | None) -> None:
        """The step's goal with the measured numbers, green once the check held."""
        step = self.step
        if step is None or step.check is None:
            return
        values = parameters(step.check) | (result.measured if result is not None else {})
        self.goal.setText(fill(step.goal.get(self.lang), values))
        held = result is not None and result.held
        self.check_mark.setText(DONE if held else "○")
        self.check_frame.setStyleSheet(HELD_STYLE if held else WAITING_STYLE)
        self.check_frame.setToolTip(
            self.tr("Holds in the current run")
            if held
            else self.tr("Not shown in the current run yet")
        )
        self.check_frame.setProperty("held", held)
