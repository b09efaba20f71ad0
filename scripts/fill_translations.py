"""Fill unfinished messages of the .ts from a JSON file {"Context|source": "translation"}.

    .venv/bin/python scripts/fill_translations.py translations.json
Then run scripts/update-translations.sh again to compile the .qm. Prints what stays unfinished.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "resources" / "translations" / "playground_zh_CN.ts"


def main(argv: list[str]) -> int:
    table = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    tree = ET.parse(TS)
    left = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            key = f"{name}|{message.findtext('source')}"
            if key in table:
                translation.text = table[key]
                translation.attrib.pop("type", None)
            elif translation.get("type") == "unfinished":
                left.append(key)
    ET.indent(tree, space="    ")
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for key in left:
        print("unfinished:", key)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
