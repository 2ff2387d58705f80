"""``prestatie diff`` on data/cyclus/<jaar>.yaml: termijnen, trajectories and their dates."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import DATA
from gitrepo import repo_with_data

YEAR = "data/cyclus/2026.yaml"


def test_diff_names_each_changed_date_of_a_trajectory(cli: Callable[..., Any], tmp_path: Path) -> None:
    repo = repo_with_data(tmp_path / "repo", DATA)
    repo.edit(YEAR, "  afspraken: 2026-12-15", "  afspraken: 2026-12-01")
    repo.edit(YEAR, "  - gemeente: landgraaf\n    corporatie: wonen-zuid\n    huurdersorganisatie: roh-parkstad\n"
              "    evaluatie: 2026-02-19\n    huurdersadvies:\n    bod:\n",
              "  - gemeente: landgraaf\n    corporatie: wonen-zuid\n    huurdersorganisatie: roh-parkstad\n"
              "    evaluatie: 2026-02-19\n    huurdersadvies:\n    bod: 2026-07-14\n")  # fmt: skip
    repo.edit(YEAR, "    overleg_gestart: 2026-05-20\n    ondertekend:\n",
              "    overleg_gestart: 2026-05-20\n    ondertekend:\n    geschil: {ingediend: 2026-12-10}\n")  # fmt: skip
    repo.append(YEAR, "  - {gemeente: voerendaal, corporatie: heemwonen}\n")
    repo.commit("Jaarcyclus bijgewerkt", date="2026-12-10T12:00:00")
    result = cli("diff", "start", "HEAD", "--data", repo.root)
    assert result.exit_code == 0, result.stderr
    section = result.stdout[result.stdout.index("Jaarcyclus\n") :].splitlines()
    assert section == [
        "Jaarcyclus",
        "  ~ data/cyclus/2026.yaml",
        "      termijn voor de afspraken: 15 december 2026 → 1 december 2026",
        "      Heerlen × woonpunt: geschil ingediend geen → 10 december 2026",
        "      Landgraaf × wonen-zuid: bod geen → 14 juli 2026",
        "      traject Voerendaal × heemwonen nieuw",
    ]
    data = json.loads(cli("diff", "start", "HEAD", "--data", repo.root, "--format", "json").stdout)
    (item,) = [i for i in data["overig"] if i["bestand"] == YEAR]
    assert {"soort": "bod", "gemeente": "landgraaf", "corporatie": "wonen-zuid", "van": None,
            "naar": "2026-07-14"} in item["wijzigingen"]  # fmt: skip
