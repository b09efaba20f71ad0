"""Translator loading: the app's own .qm files from resources/translations plus Qt's own.

Files are named playground_<lang>.qm (e.g. playground_zh_CN.qm). English is the source
language and needs no file. A missing file is not an error: the strings stay English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from playground.core.files.resources import resources_dir

LANGUAGES = ("en", "zh_CN")
NATIVE_NAMES = {"en": "English", "zh_CN": "简体中文"}  # each language in itself
_installed: list[QTranslator] = []  # kept alive while installed
_current = ["en"]


def current() -> str:
    """The language whose translations are installed."""
    return _current[0]


def system_language() -> str:
    name = QLocale.system().name()  # e.g. "zh_CN", "en_US"
    return "zh_CN" if name.startswith("zh") else "en"


def install(app: QCoreApplication, lang: str | None = None) -> str:
    """Install translators for lang (None: the system's); returns the language in use."""
    lang = lang or system_language()
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[0] = lang
    QLocale.setDefault(QLocale(lang))
    if lang == "en":
        return lang
    qt = QTranslator(app)
    if qt.load(
        QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt)
        _installed.append(qt)
    ours = QTranslator(app)
    folder = resources_dir() / "translations"
    if ours.load(f"playground_{lang}", str(folder)):
        app.installTranslator(ours)
        _installed.append(ours)
    return lang
