#!/usr/bin/env python3
"""Builds nhsuk-frontend.css from the npm package nhsuk-frontend.

Usage: vendor-nhsuk-frontend.py PATH/TO/node_modules/nhsuk-frontend

The page must make no request to any other site, and must not ask for
files this server does not have. So from the package's compiled CSS this
removes the @font-face rules (Frutiger, fetched from assets.nhs.uk), uses
the system's own sans-serif fonts instead, and drops the background
images the package expects at /assets/images/ (used by components the
page does not use). The version comes from the package; the pinned
version is in tests/browser/package.json.
"""
import json
import pathlib
import re
import sys

package = pathlib.Path(sys.argv[1])
version = json.loads((package / "package.json").read_text())["version"]
css = (package / "dist" / "nhsuk" / "nhsuk-frontend.min.css").read_text()

css = css.replace("@charset \"UTF-8\";", "")
css = re.sub(r"@font-face\{[^}]*\}", "", css)
css = css.replace(
    "Frutiger W01,arial,sans-serif",
    "system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif",
)
css = css.replace("font-family:Frutiger W01", "font-family:system-ui,Arial,sans-serif")
css = re.sub(r"url\([^)]*\)", "none", css)
css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
assert "url(" not in css and "Frutiger" not in css and "@import" not in css

here = pathlib.Path(__file__).parent
header = (
    f"/* nhsuk-frontend {version} (MIT licence, see nhsuk-frontend-LICENCE.txt), "
    "compiled CSS with web fonts and images removed by vendor-nhsuk-frontend.py */\n"
)
(here / "nhsuk-frontend.css").write_text(header + css + "\n")
