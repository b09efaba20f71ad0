"""Lessons: guided, self-checking experiments (resources/lessons/*.json, EN and zh_CN side by
side in each file).

A package of its own rather than more of core/files/experiments.py: four concerns of a few
hundred lines each, which the module size rule keeps apart —
    content   the lesson files: schema, validation (errors name lesson, step and field), texts
    setup     a step's declarative setup applied to a Project (apply_setup; also side B of a
              comparison, for compare mode)
    checks    named checks: pure functions of a Trainer's current state → (held, measured)
    play      the headless player behind `activation-playground lesson NAME`
The bundled experiments stay project files (core/files/experiments.py); lessons name them.
"""
