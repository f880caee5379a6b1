"""Reading the registry of municipalities, ``municipalities/<id>.yml``: one entry per
municipality (its names, kind, coat of arms, coordinator), validated by ``schema``.

An entry with a mistake is still a municipality: its problems are told, and what it says
validly (its names, its coordinator) is kept, so that the check's table, the reminders and
the preview do not lose it (``readable``); its problems make a build refuse it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import yaml
from pydantic import ValidationError

from . import cachecodec, schema
from .contentkeys import FolderKeys
from .frontmatter import error_line, load_yaml, yaml_messages
from .languages import REQUIRED
from .loadcache import LoadCache, decode
from .messages import worded
from .problems import Problem
from .reserved import is_reserved
from .safety import Checks, read_text
from .schema import Localized, MunicipalityMeta
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
    """Registry entries by id, an invalid one as ``readable`` makes it (its problems told);
    None marks a file whose id cannot be a municipality's (a reserved name). A name may be
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
        result[mid] = readable(mid, {}, languages)
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
            result[mid] = readable(mid, data, languages)
            continue
        assert isinstance(model, MunicipalityMeta)
        if model.coat_of_arms:
            found = run.resolver.check(folder, folder, model.coat_of_arms, image=True, loads=True)
            if found:
                problems.append(found.problem(relpath, lines.get("coat_of_arms")))
        result[mid] = model
    return result


def readable(mid: str, data: Mapping[str, object], languages: Sequence[str]
             ) -> MunicipalityMeta:
    """What an invalid entry says validly: each of its fields that passes alone, and the id
    as the name (a district, as the kind) where it gives none that does; with no ``data``,
    the stand-in for a missing entry. Only shown beside the entry's problems (the check's
    table, a reminder, the preview), never built. Its coat of arms is left out: the file it
    names is checked only for a valid entry."""
    context = {schema.LANGUAGES_CONTEXT: tuple(languages)}
    fields = {k: v for k, v in data.items()
              if k in MunicipalityMeta.model_fields and k != "coat_of_arms"}
    for _ in range(len(fields)):  # each round drops at least one field
        try:
            return MunicipalityMeta.model_validate(
                {"name": {"ru": mid, "en": mid}, "kind": "district", **fields}, context=context)
        except ValidationError as exc:
            wrong = {str(e["loc"][0]) for e in exc.errors() if e["loc"]} & fields.keys()
            # a mistake that is no single field's: nothing of the entry is kept
            fields = {k: v for k, v in fields.items() if k not in wrong} if wrong else {}
    return MunicipalityMeta(name=Localized(ru=mid, en=mid), kind="district")
