"""Reading the registry of municipalities, ``municipalities/<id>.yml``: one entry per
municipality (its names, kind, coat of arms, coordinator), validated by ``schema``."""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from . import cachecodec, schema
from .contentkeys import FolderKeys
from .frontmatter import error_line, load_yaml, yaml_messages
from .languages import REQUIRED
from .loadcache import LoadCache, decode
from .messages import worded
from .problems import Problem
from .reserved import is_reserved
from .safety import Checks, read_text
from .schema import MunicipalityMeta
from .sections import SLUG


def registry_cached(run: Checks, wanted: set[str] | None, cache: LoadCache | None,
                     keys: FolderKeys, languages: Sequence[str] = REQUIRED
                     ) -> dict[str, MunicipalityMeta | None]:
    """The registry, or what the last reading of the same ``municipalities/`` folder, for
    the same languages, found."""
    if cache is None:
        return load_registry(run, wanted, languages)
    key = cache.key("_registry", keys.of(run.root / "municipalities"),
                    repr(sorted(wanted)) if wanted is not None else "*", *languages)
    stored = cache.get("_registry", key, 1)  # ids are slugs: "_registry" is never one
    found = decode(cachecodec.REGISTRY, stored[0]) if stored else None
    if found is not None:
        result, problems = found
        run.problems.extend(problems)
        return result
    before = len(run.problems)
    result = load_registry(run, wanted, languages)
    cache.put("_registry", key, cachecodec.dump((result, run.problems[before:])))
    return result


def load_registry(run: Checks, wanted: set[str] | None, languages: Sequence[str] = REQUIRED
                  ) -> dict[str, MunicipalityMeta | None]:
    """Registry entries by id; None marks an entry that exists but is invalid. A name may be
    given in each of ``languages`` (the region's) besides Russian and English."""
    root, problems = run.root, run.problems
    result: dict[str, MunicipalityMeta | None] = {}
    folder = root / "municipalities"
    if not folder.is_dir():
        return result
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yml", ".yaml"):
            continue
        mid = path.stem
        if wanted is not None and mid not in wanted:
            continue
        relpath = run.rel(path)
        if not SLUG.match(mid):
            problems.append(Problem(relpath, None, "problem.municipality.file_name",
                                    {"file": path.name}))
            continue
        result[mid] = None
        if is_reserved(mid):
            problems.append(Problem(relpath, None, "problem.municipality.reserved", {"id": mid}))
            continue
        if run.links_out(path, folder):
            continue
        text = read_text(path, relpath, problems)
        if text is None:
            continue
        try:
            data, lines = load_yaml(text)
        except yaml.YAMLError as exc:
            explained = yaml_messages(exc, text)
            problems.append(Problem(relpath, error_line(exc, text), "problem.yaml.invalid",
                                    {"detail": worded(explained.key, **explained.params)}))
            continue
        if not isinstance(data, dict):
            problems.append(Problem(relpath, 1, "problem.municipality.not_mapping"))
            continue
        data = {str(k): v for k, v in data.items()}
        run.markup(relpath, data, lines)
        model, errs = schema.validate(MunicipalityMeta, data, lines, languages)
        for found_ in errs:
            problems.append(Problem(relpath, found_.line, found_.key, found_.params))
        if model is None:
            continue
        assert isinstance(model, MunicipalityMeta)
        if model.coat_of_arms:
            found = run.resolver.check(folder, folder, model.coat_of_arms, image=True, loads=True)
            if found:
                problems.append(found.problem(relpath, lines.get("coat_of_arms")))
        result[mid] = model
    return result
