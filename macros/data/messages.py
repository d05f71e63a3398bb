"""Messages with named placeholders, such as "Enter a whole number from 1 to {max}.".

The same rule fills them in Python (here) and in the browser (`format` in content/assets/common.js):
`{name}` is replaced by the value named `name`. A message in data/interface.yml must use each of its
placeholders, and no others; `placeholder_problem` says what is wrong when it does not.
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def _braced(names: list[str] | tuple[str, ...]) -> str:
    return ", ".join(f"{{{name}}}" for name in names)


def placeholder_problem(text: str, names: tuple[str, ...]) -> str | None:
    """What is wrong with the placeholders of `text`, which must use exactly `names`; None when all is well."""
    used = list(dict.fromkeys(PLACEHOLDER.findall(text)))
    unknown = [name for name in used if name not in names]
    missing = [name for name in names if name not in used]
    if not unknown and not missing:
        return None
    parts = [f"{what} placeholder{'s' if len(found) > 1 else ''} {_braced(found)}"
             for what, found in (("unknown", unknown), ("missing", missing)) if found]
    allowed = f"this message uses {_braced(names)}" if names else "this message uses no placeholders"
    return f"{'; '.join(parts)}; {allowed}"


def fill(text: str, **values: object) -> str:
    """The message with each placeholder replaced by its value."""
    return PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), text)
