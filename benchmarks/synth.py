"""A synthetic data set of N projects, for the benchmarks.

It copies the shipped regio, themas, afspraken and the version 2 folders and writes N
projects spread over the gemeenten in a realistic mix of statuses, with bijdragen,
planning, a voortgang log and, for about one in four, phases (opleveringen); and
metingen for up to 20 indicators: for each gemeente and the region, ten years of
yearly flows and stands. All valid. Deterministic for a given N and seed.

    python benchmarks/synth.py OUT_DIR [--projects 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
STATUSES = [
    ("opgeleverd", 40),
    ("uitvoering", 25),
    ("voorbereiding", 15),
    ("idee", 8),
    ("gepauzeerd", 6),
    ("vervallen", 6),
]
TODAY = dt.date(2026, 11, 24)
# Composite indicators of themas.yaml: projects contribute to their components only.
COMPOSITE: set[str] = set()
METING_INDICATORS = 20
METING_YEARS = range(TODAY.year - 10, TODAY.year)


def _afspraken_by_gemeente(data: Path, gemeenten: list[str]) -> dict[str, list[dict[str, object]]]:
    result: dict[str, list[dict[str, object]]] = {g: [] for g in gemeenten}
    for path in sorted((data / "afspraken").glob("*.yaml")):
        afspraak = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        scope = gemeenten if afspraak["gemeenten"] == "alle" else afspraak["gemeenten"]
        doelen = [d for d in afspraak.get("doelen") or [] if d.get("bron", "projecten") == "projecten"]
        for gemeente in scope:
            result[gemeente].append({**afspraak, "doelen": doelen})
    return result


def project_text(rng: random.Random, index: int, gemeente: str, afspraak: dict[str, object],
                 corporaties: list[str]) -> tuple[str, str]:
    status = rng.choices([s for s, _ in STATUSES], weights=[w for _, w in STATUSES])[0]
    if status == "opgeleverd":
        oplevering = TODAY - dt.timedelta(days=rng.randrange(200, 6 * 365))
    else:
        # Mostly still ahead; about one in ten is past its planned oplevering.
        oplevering = TODAY + dt.timedelta(days=rng.randrange(-90, 900))
    start = oplevering - dt.timedelta(days=rng.randrange(120, 3 * 365))
    trekker = rng.choice(corporaties)
    project_id = f"{gemeente}-synthetisch-project-{index:05d}"
    doelen = afspraak.get("doelen") or []
    lines = [
        f"# Synthetisch project {index}",
        f"id: {project_id}",
        f"naam: Synthetisch project {index}",
        f"gemeente: {gemeente}",
        f"wijk: Wijk {rng.randrange(1, 40)}",
        f"trekker: {trekker}",
        f"partijen: [{trekker}, {gemeente}]",
        f"afspraken: [{afspraak['id']}]",
        f"status: {status}",
        f"planning: {{start: {start.isoformat()}, oplevering: {oplevering.isoformat()}}}",
    ]
    delivered = TODAY
    if status == "opgeleverd":
        delivered = min(oplevering + dt.timedelta(days=rng.randrange(0, 120)), TODAY)
        lines.append(f"opgeleverd: {delivered.isoformat()}")
    # A composite's value follows from its components (PA237): no bijdrage to it.
    amounts = {
        doel["indicator"]: rng.randrange(4, 40)
        for doel in doelen  # type: ignore[attr-defined]
        if doel["indicator"] not in COMPOSITE  # type: ignore[index]
    }
    if amounts:
        lines.append("bijdragen:")
        lines.extend(f"  {indicator}: {amount}" for indicator, amount in amounts.items())
    if amounts and status in ("opgeleverd", "uitvoering") and rng.random() < 0.25 and start < delivered:
        # One or two phases between the start and the oplevering (or today), each a part.
        lines.append("opleveringen:")
        span = (delivered - start).days
        for part in sorted(rng.sample(range(span), min(span, rng.randrange(1, 3)))):
            day = start + dt.timedelta(days=part)
            shares = ", ".join(f"{ind}: {amount // 4}" for ind, amount in amounts.items())
            lines.append(f"  - {{datum: {day.isoformat()}, bijdragen: {{{shares}}}}}")
    lines.append(f"investering: {rng.randrange(100, 20000) * 1000}")
    lines.append("voortgang:")
    steps = rng.randrange(1, 6)
    # Active projects log regularly; about one in twenty has gone quiet.
    last = min(TODAY, oplevering) - dt.timedelta(days=rng.randrange(0, 150 if rng.random() > 0.05 else 400))
    for step in range(steps):
        day = last - dt.timedelta(days=60 * (steps - 1 - step))
        lines.append(f"  - datum: {day.isoformat()}")
        lines.append(f"    toelichting: Stap {step + 1} is afgerond; de planning is bijgewerkt.")
    return project_id, "\n".join(lines) + "\n"


def generate(out: Path, projects: int, seed: int = 1) -> Path:
    """Write a data set with ``projects`` projects under ``out/data``; return ``out``."""
    data = out / "data"
    if data.exists():
        shutil.rmtree(data)
    data.mkdir(parents=True)
    for name in ("regio.yaml", "themas.yaml"):
        shutil.copy(REPO / "data" / name, data / name)
    shutil.copytree(REPO / "data" / "afspraken", data / "afspraken")
    for folder in ("overeenkomsten", "metingen", "cyclus"):  # version 2 folders, when shipped
        if (REPO / "data" / folder).is_dir():
            shutil.copytree(REPO / "data" / folder, data / folder)
    themas = yaml.load((data / "themas.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    COMPOSITE.clear()
    indicatoren = [i for thema in themas for i in thema.get("indicatoren", [])]
    COMPOSITE.update(i["id"] for i in indicatoren if i.get("samengesteld"))
    regio = yaml.load((data / "regio.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    gemeenten = [g["id"] for g in regio["gemeenten"]]
    corporaties = [c["id"] for c in regio["corporaties"]]
    scopes = _afspraken_by_gemeente(data, gemeenten)
    rng = random.Random(seed)
    for index in range(projects):
        gemeente = gemeenten[index % len(gemeenten)]
        afspraak = rng.choice([a for a in scopes[gemeente] if a.get("doelen")] or scopes[gemeente])
        project_id, text = project_text(rng, index, gemeente, afspraak, corporaties)
        folder = data / "projecten" / gemeente
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{project_id}.yaml").write_text(text, encoding="utf-8")
    _metingen(data, gemeenten, rng)
    return out


def _metingen(data: Path, gemeenten: list[str], rng: random.Random) -> None:
    """For the first METING_INDICATORS plain indicators: per gemeente and for the region,
    a stand at each year's end and the year's flow (replacing the shipped file)."""
    themas = yaml.load((data / "themas.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    plain = [i["id"] for t in themas for i in t.get("indicatoren") or [] if not i.get("samengesteld")]
    folder = data / "metingen"
    folder.mkdir(exist_ok=True)
    for indicator in plain[:METING_INDICATORS]:
        lines = [f"indicator: {indicator}", "metingen:"]
        for scope in [None, *gemeenten]:
            where = f", gemeente: {scope}" if scope else ""
            level = rng.randrange(1000, 50000)
            for year in METING_YEARS:
                level += rng.randrange(-300, 300)
                lines.append(f"  - {{datum: {year}-12-31, waarde: {level}{where}, bron: Monitor {year + 1}}}")
                lines.append(
                    f"  - {{van: {year}-01-01, tot: {year}-12-31, waarde: {rng.randrange(0, 400)}{where}, "
                    f"bron: Monitor {year + 1}}}"
                )
        (folder / f"{indicator}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.projects, args.seed)
    print(f"{args.projects} projecten geschreven in {args.out / 'data'}")


if __name__ == "__main__":
    main()
